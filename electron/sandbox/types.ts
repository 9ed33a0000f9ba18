/**
 * What the core needs of the sandbox profile's simulators, without depending on them: the hosts start the
 * simulators (sandbox/simulators.ts) and hand them to createKassa as `startSandbox`, so the core and every
 * domain reach no simulator code (docs/architecture.md, Layers).
 */
import type { PaymentMethod } from '../../shared/domain';
import type { SecretName } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';

/** What a customer's banking app does to an invoice at the (simulated) bank. */
export interface SandboxCustomerApp {
  pay(providerRef: string): void;
  decline(providerRef: string): void;
  expire(providerRef: string): void;
}

/** One approveQr call the Easy Register simulator received. */
export interface SandboxApproval {
  qrData: string;
  code: string;
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
  close(): Promise<void>;
}

export type StartSandbox = () => Promise<SandboxSimulators>;
