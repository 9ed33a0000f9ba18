/**
 * The device service's side of the scan router: the cashier page's active screen (scan:set-screen), every scan
 * from the manager's stream routed to it and pushed as `scan:routed`, and the summary scan:submit answers with.
 * Only the screen the page last reported is registered, so the router's active screen is always that one.
 *
 * Scan text is never logged here (it may be eBarimt qrData); the router logs kind and length only.
 */
import type { PhoneCountry } from '../../shared/codes';
import type { ScanRouted, ScanScreen } from '../../shared/channels/devices';
import type { DeviceSettings } from '../../shared/settings/devices';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import type { Scan } from './scan';
import { ScanRouter, type RouteResult, type ScreenRegistration } from './scan-router';

/** Where a wedge scan went, without its text (scan:submit's output). */
export interface RouteSummary {
  screen: ScanScreen;
  via: ScanRouted['via'];
  kind: ScanRouted['code']['kind'];
}

export interface ScanRoutingDeps {
  emit(payload: ScanRouted): void;
  /** Read at every scan, so a settings change applies at once. */
  settings: () => DeviceSettings;
  /** The shop's country, for national phone numbers. Default 'MN'. */
  country?: (() => PhoneCountry) | undefined;
  log: Logger;
}

function payloadOf(scan: Scan): Omit<ScanRouted, 'screen' | 'via' | 'code'> {
  return {
    source: scan.source,
    symbology: scan.symbology ?? null,
    deviceId: scan.deviceId,
    at: scan.at,
  };
}

export class ScanRouting {
  readonly #deps: ScanRoutingDeps;
  readonly #router: ScanRouter;
  #screen: ScanScreen = 'idle';
  #unregister: (() => void) | undefined;
  /** What the last scan routed to; read right after a wedge scan to answer scan:submit. */
  #lastRoute: RouteResult | undefined;

  constructor(deps: ScanRoutingDeps) {
    this.#deps = deps;
    this.#router = new ScanRouter({
      // A getter: shop settings are read at every scan.
      get classify() {
        return {
          embedded: deps.settings().barcodes.embedded,
          country: deps.country?.() ?? 'MN',
        };
      },
      idle: ({ scan, code }) => {
        this.#emit('idle', 'idle', { ...payloadOf(scan), code });
      },
      openApproval: (qrData, scan) => {
        // qrData goes to the cashier page only (memory); it is not logged.
        this.#emit('approval', 'open-approval', {
          ...payloadOf(scan),
          code: { kind: 'ebarimt-qr', qrData },
        });
      },
      logger: deps.log,
    });
  }

  get screen(): ScanScreen {
    return this.#screen;
  }

  setScreen(next: ScanScreen, prefer?: 'product' | 'identity'): ScanScreen {
    this.#unregister?.();
    this.#unregister = undefined;
    this.#screen = next;
    if (next !== 'idle') {
      const registration: ScreenRegistration = {
        screen: next,
        handle: ({ scan, code }) => {
          this.#emit(next, 'active', { ...payloadOf(scan), code });
        },
        classify: { prefer: prefer ?? (next === 'approval' ? 'identity' : 'product') },
        // Only the sale screen (and idle) turn a receipt QR into "open the approval screen"; approval takes it,
        // and payment / settings get it themselves rather than being navigated away from mid-task.
        handlesReceiptQr: next !== 'sale',
      };
      this.#unregister = this.#router.register(registration);
    }
    this.#deps.log.debug({ screen: next }, 'scan screen');
    return next;
  }

  /** Routes one scan of the manager's stream; a failure is logged without the scan text. */
  route(scan: Scan): void {
    try {
      this.#lastRoute = this.#router.route(scan);
    } catch (error) {
      this.#lastRoute = undefined;
      this.#deps.log.error(
        { err: error instanceof Error ? error.name : 'unknown', source: scan.source },
        'scan routing failed',
      );
    }
  }

  /**
   * Runs `submit`, which must push one wedge scan through the manager's stream synchronously (so through
   * route()), and says where that scan went.
   */
  routeWedgeScan(submit: () => void): RouteSummary {
    this.#lastRoute = undefined;
    submit();
    const result = this.#lastRoute as RouteResult | undefined;
    if (result === undefined) {
      throw new KassaError('internal', 'The scan could not be routed.');
    }
    switch (result.target) {
      case 'screen':
        return { screen: this.#screen, via: 'active', kind: result.code.kind };
      case 'open-approval':
        return { screen: 'approval', via: 'open-approval', kind: result.code.kind };
      case 'idle':
      case 'dropped':
        return { screen: 'idle', via: 'idle', kind: result.code.kind };
    }
  }

  close(): void {
    this.#unregister?.();
  }

  #emit(screen: ScanScreen, via: ScanRouted['via'], routed: Omit<ScanRouted, 'screen' | 'via'>): void {
    this.#deps.emit({ screen, via, ...routed });
  }
}
