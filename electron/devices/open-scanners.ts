/**
 * The HID handles the device manager holds open, one per scanner interface (keyed by OS path), each with its own
 * HID POS reassembler. Complete scans and read failures go back to the manager through callbacks; a handle that
 * has been replaced or dropped is ignored, so a late report or error from it cannot reach the scan stream.
 */
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import type { Logger } from '../log/logger';
import type { HidBackend, HidDevice } from './hid';
import { HidPosReassembler, type HidPosOptions } from './hid-pos';
import type { Scan } from './scan';

export interface OpenScanner {
  path: string;
  selectionId: string;
  device: HidDevice;
  parser: HidPosReassembler;
}

export interface OpenScannersDeps {
  backend: HidBackend;
  clock: Clock;
  log: Logger;
  hidPos?: HidPosOptions;
  /** A complete scan from one of the open scanners. */
  onScan(scan: Scan): void;
  /** A read failed (in practice: unplugged); the handle has already been dropped and closed. */
  onLost(scanner: OpenScanner, error: Error): void;
}

export class OpenScanners {
  readonly #deps: OpenScannersDeps;
  readonly #open = new Map<string, OpenScanner>();

  constructor(deps: OpenScannersDeps) {
    this.#deps = deps;
  }

  has(path: string): boolean {
    return this.#open.has(path);
  }

  /** A snapshot, safe to iterate while closing. */
  all(): OpenScanner[] {
    return [...this.#open.values()];
  }

  /** The open paths of one selection, in the order they were opened. */
  pathsOf(selectionId: string): string[] {
    return this.all()
      .filter((o) => o.selectionId === selectionId)
      .map((o) => o.path);
  }

  async open(path: string, selectionId: string): Promise<void> {
    const { backend, clock, log } = this.#deps;
    const device = await backend.open(path);
    const open: OpenScanner = {
      path,
      selectionId,
      device,
      parser: new HidPosReassembler(this.#deps.hidPos),
    };
    this.#open.set(path, open);
    device.on('data', (report) => {
      if (this.#open.get(path) !== open) {
        return;
      }
      const scan = open.parser.push(report, clock.now());
      if (scan) {
        this.#deps.onScan({
          text: scan.text,
          symbology: scan.symbology,
          source: 'hid',
          deviceId: selectionId,
          at: clock.now(),
        });
      }
    });
    device.on('error', (error) => {
      this.#onError(open, error);
    });
    log.info({ deviceId: selectionId, path }, 'scanner opened');
  }

  async close(open: OpenScanner): Promise<void> {
    this.#open.delete(open.path);
    open.parser.reset();
    try {
      await open.device.close();
    } catch (error) {
      this.#deps.log.debug(
        { err: errorText(error), path: open.path },
        'close after unplug failed (expected)',
      );
    }
  }

  #onError(open: OpenScanner, error: Error): void {
    if (this.#open.get(open.path) !== open) {
      return;
    }
    // Unplugged or failed: the partial scan is dropped with the parser, the device is re-found by a rescan.
    this.#deps.log.warn(
      { deviceId: open.selectionId, path: open.path, err: error.message },
      'scanner read failed',
    );
    this.#open.delete(open.path);
    open.parser.reset();
    void open.device.close().catch(() => undefined);
    this.#deps.onLost(open, error);
  }
}
