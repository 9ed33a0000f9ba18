/**
 * One router for every scan (HID POS and keyboard wedge): classify with shared/codes.ts, then hand the result to
 * the active screen — never to whatever input has focus (docs/architecture.md, Devices). A screen registers a
 * handler and unregisters it when it closes; the most recent registration still in place is the active one (the
 * device service keeps exactly one: the screen the cashier page last reported). With no screen registered the
 * idle handler gets the scan. A qrData-shaped scan while no screen that handles receipt QRs is active asks the
 * host to open the approval flow with that receipt (docs/architecture.md, Receipts and e-receipt approval).
 *
 * qrData is never logged or kept: the router logs the kind and the length only.
 */
import { classifyCode, type ClassifiedCode, type ClassifyOptions } from '../../shared/codes';
import type { Logger } from '../log/logger';
import type { Scan } from './scan';

/** A scan as the device manager emits it. */
export type ScanInput = Scan;

export interface RoutedScan {
  scan: ScanInput;
  code: ClassifiedCode;
}

export type ScanHandler = (routed: RoutedScan) => void;

export interface ScreenRegistration {
  /** Screen name, for logs and tests: 'sale', 'approval', 'payment'… */
  screen: string;
  handle: ScanHandler;
  /** Per-screen reading of ambiguous codes; the approval screen's buyer step uses `{ prefer: 'identity' }`. */
  classify?: Pick<ClassifyOptions, 'prefer'>;
  /** True for the approval screen: it takes receipt QRs itself instead of the router opening the flow. */
  handlesReceiptQr?: boolean;
}

export type RouteResult =
  | { target: 'screen'; screen: string; code: ClassifiedCode }
  | { target: 'idle'; code: ClassifiedCode }
  | { target: 'open-approval'; code: Extract<ClassifiedCode, { kind: 'ebarimt-qr' }> }
  | { target: 'dropped'; code: ClassifiedCode; reason: string };

export interface ScanRouterOptions {
  /** Shop-wide classification settings: embedded weight/price rules, country, qrMinDigits. */
  classify?: ClassifyOptions;
  /** Gets scans when no screen is registered (e.g. the sale screen's "add item" when nothing else is open). */
  idle?: ScanHandler;
  /** Opens the e-receipt approval flow with this receipt's qrData (held in memory only). */
  openApproval?: (qrData: string, scan: ScanInput) => void;
  logger?: Logger;
}

interface Entry {
  registration: ScreenRegistration;
  token: symbol;
}

export class ScanRouter {
  readonly #options: ScanRouterOptions;
  #registrations: Entry[] = [];

  constructor(options: ScanRouterOptions = {}) {
    this.#options = options;
  }

  /** Registers a screen as the active receiver. Returns the unregister function (idempotent). */
  register(registration: ScreenRegistration): () => void {
    const entry: Entry = { registration, token: Symbol(registration.screen) };
    this.#registrations.push(entry);
    return () => {
      this.#registrations = this.#registrations.filter((e) => e.token !== entry.token);
    };
  }

  /** The active screen's name, or undefined when idle. */
  get activeScreen(): string | undefined {
    return this.#registrations.at(-1)?.registration.screen;
  }

  route(scan: ScanInput): RouteResult {
    const active = this.#registrations.at(-1)?.registration;
    const code = classifyCode(scan.text, {
      ...this.#options.classify,
      ...active?.classify,
      symbology: scan.symbology,
    });
    const result = this.#deliver(active, scan, code);
    this.#options.logger?.info(
      {
        target: result.target,
        screen: active?.screen,
        kind: code.kind,
        length: scan.text.length,
        source: scan.source,
        deviceId: scan.deviceId,
      },
      'scan routed',
    );
    return result;
  }

  #deliver(active: ScreenRegistration | undefined, scan: ScanInput, code: ClassifiedCode): RouteResult {
    if (code.kind === 'ebarimt-qr' && !active?.handlesReceiptQr) {
      const open = this.#options.openApproval;
      if (!open) {
        return { target: 'dropped', code, reason: 'no approval flow wired' };
      }
      this.#safely(() => {
        open(code.qrData, scan);
      });
      return { target: 'open-approval', code };
    }
    if (active) {
      this.#safely(() => {
        active.handle({ scan, code });
      });
      return { target: 'screen', screen: active.screen, code };
    }
    const idle = this.#options.idle;
    if (!idle) {
      return { target: 'dropped', code, reason: 'no screen registered and no idle handler' };
    }
    this.#safely(() => {
      idle({ scan, code });
    });
    return { target: 'idle', code };
  }

  /** A throwing screen handler must not take the scanner down with it. */
  #safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.#options.logger?.error(
        { err: error instanceof Error ? error.name : 'unknown' },
        'scan handler failed',
      );
    }
  }
}
