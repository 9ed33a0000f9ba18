/**
 * The operating system's printers for driver and listing tests: a list to edit, the documents "spooled" (kept in
 * memory, like the real driver), and failures on request — `refuse` rejects every print as a spooler would that
 * has lost the printer, `failList` makes list() reject, `hold` keeps a print pending until released.
 */
import { KassaError } from '../../../kernel/errors';
import type { SystemPrintDocument, SystemPrinters } from '../driver';

export class FakeSystemPrinters implements SystemPrinters {
  printers: { name: string; isDefault: boolean }[];
  /** Every print accepted, in order. */
  readonly printed: { deviceName: string; document: SystemPrintDocument }[] = [];
  /** Print calls, accepted or not. */
  attempts = 0;
  refuse = false;
  failList = false;
  hold = false;
  readonly #held: (() => void)[] = [];

  constructor(
    printers: { name: string; isDefault: boolean }[] = [{ name: 'EPSON_TM_T20', isDefault: true }],
  ) {
    this.printers = printers;
  }

  list(): Promise<{ name: string; isDefault: boolean }[]> {
    if (this.failList) {
      return Promise.reject(new Error('fake: no printer list'));
    }
    return Promise.resolve(this.printers.map((p) => ({ ...p })));
  }

  print(deviceName: string, document: SystemPrintDocument): Promise<void> {
    this.attempts++;
    const accept = (): void => {
      this.printed.push({ deviceName, document });
    };
    if (this.refuse || !this.printers.some((p) => p.name === deviceName)) {
      return Promise.reject(
        new KassaError('device.unavailable', `fake: ${deviceName} refused the job`, {
          params: { reason: 'unreachable' },
        }),
      );
    }
    if (this.hold) {
      return new Promise<void>((resolve) => {
        this.#held.push(() => {
          accept();
          resolve();
        });
      });
    }
    accept();
    return Promise.resolve();
  }

  /** Lets the held prints through. */
  release(): void {
    for (const done of this.#held.splice(0)) {
      done();
    }
  }
}
