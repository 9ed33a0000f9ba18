/**
 * What the core needs of the sandbox profile's simulators, without depending on them: the hosts start the
 * simulators (sandbox/simulators.ts) and hand them to createKassa as `startSandbox`, so the core and every
 * domain reach no simulator code (docs/architecture.md, Layers).
 */
import type { Symbology } from '../../shared/codes';
import type { PaymentMethod } from '../../shared/domain';
import type { SecretName } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';

/** What a customer's banking app does to an invoice at the (simulated) bank. */
export interface SandboxCustomerApp {
  pay(providerRef: string): void;
  decline(providerRef: string): void;
  expire(providerRef: string): void;
  /**
   * Where the simulator can: registers a payment the till holds as waiting that the simulated bank does not
   * know (the sandbox's in-process bank restarts with the till; a real bank keeps its invoices).
   */
  adopt?(payment: { providerRef: string; amountMinor: number }): void;
  /** Where the simulator can: how many invoices it has been asked to create (create requests received). */
  created?(): number;
}

/** One approveQr call the Easy Register simulator received. */
export interface SandboxApproval {
  qrData: string;
  code: string;
}

/** The buyer fields of one receipt the PosAPI simulator issued (no qrData, no lottery). */
export interface SandboxTaxReceipt {
  id: string;
  type: string;
  customerTin: string | null;
  consumerNo: string | null;
}

export interface SandboxSimulators {
  /** Provider settings with every URL and id pointing at the simulators. */
  overlay(providers: Settings['providers']): Settings['providers'];
  /** The simulators' freshly generated test credentials, held in memory only. */
  secrets: Partial<Record<SecretName, string>>;
  /** The customer's side of a payment method, or undefined where the sandbox has none (cash). */
  customerApp(method: PaymentMethod): SandboxCustomerApp | undefined;
  /** Every approveQr call Easy Register received, in order. */
  approvals(): readonly SandboxApproval[];
  /** The SMS code the BaaS simulator "texted" for a card attach (what the customer's phone shows). */
  cardSmsCode?(attachId: string): string | undefined;
  /** Every receipt PosAPI issued, buyer fields only (absent where a test double has no PosAPI). */
  taxReceipts?(): readonly SandboxTaxReceipt[];
  close(): Promise<void>;
}

export type StartSandbox = () => Promise<SandboxSimulators>;

/** How the sandbox scanner enumerates: the fields of a HID device listing (electron/devices/hid.ts). */
export interface SandboxScannerInfo {
  path: string;
  vendorId: number;
  productId: number;
  usagePage: number;
  usage: number;
  product: string;
  manufacturer: string;
  serialNumber: string;
  interface: number;
}

/** One open handle on the sandbox scanner, as the device manager holds a real scanner's. */
export interface SandboxScannerHandle {
  onReport(listener: (report: Uint8Array) => void): void;
  close(): void;
}

/**
 * The sandbox profile's virtual HID POS scanner (electron/sandbox/hid-scanner.ts). The host hands a factory to
 * createKassa, which lists the scanner among the HID devices only while the till is in the sandbox profile.
 */
export interface SandboxScanner {
  readonly info: SandboxScannerInfo;
  open(): SandboxScannerHandle;
  /** Scans `text`: its input reports go to every open handle. `delivered` is false when none is open. */
  scan(text: string, symbology?: Symbology): { delivered: boolean; reports: number };
}

export type CreateSandboxScanner = () => SandboxScanner;
