/**
 * A scripted printer transport for queue tests: it answers DLE EOT from `state` (the same bits as the fake network
 * printer), records what was written, and fails on request — `unreachable` refuses open(), `failNextWrite` makes
 * the next write reject after taking nothing, `statusFailure` makes status reads fail.
 */
import { fakeStatusByte, HEALTHY_PRINTER, type FakePrinterState } from './fake-network-printer';
import {
  PrinterTransportError,
  type PrinterTransport,
  type PrinterTransportFailure,
} from '../transports/transport';

export class FakePrinterTransport implements PrinterTransport {
  readonly label = 'fake printer';
  statusSupported = true;
  state: FakePrinterState = { ...HEALTHY_PRINTER };
  unreachable = false;
  /** Status reads fail so while set (`timeout`: a silent printer; `disconnected`: the link dropped). */
  statusFailure: PrinterTransportFailure | undefined;
  failNextWrite: PrinterTransportFailure | undefined;
  /** Runs after each accepted job write (to change the printer between a write and its confirmation). */
  onWrite: (() => void) | undefined;
  /** Job writes (status requests are not in here). */
  readonly writes: Uint8Array[] = [];
  opens = 0;
  statusReads = 0;
  #open = false;

  open(): Promise<void> {
    if (this.unreachable) {
      return Promise.reject(new PrinterTransportError('unreachable', 'fake printer: ECONNREFUSED'));
    }
    if (!this.#open) {
      this.opens++;
      this.#open = true;
    }
    return Promise.resolve();
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.#open) {
      return Promise.reject(new PrinterTransportError('disconnected', 'fake printer: not open'));
    }
    const failure = this.failNextWrite;
    if (failure) {
      this.failNextWrite = undefined;
      this.#open = false;
      return Promise.reject(new PrinterTransportError(failure, `fake printer: write ${failure}`));
    }
    this.writes.push(Uint8Array.from(bytes));
    this.onWrite?.();
    return Promise.resolve();
  }

  readStatus(request: Uint8Array, length: number): Promise<Uint8Array> {
    if (!this.#open) {
      return Promise.reject(new PrinterTransportError('disconnected', 'fake printer: not open'));
    }
    this.statusReads++;
    const failure = this.statusFailure;
    if (failure) {
      this.#open = false;
      return Promise.reject(new PrinterTransportError(failure, `fake printer: status ${failure}`));
    }
    const answer = new Uint8Array(length).fill(fakeStatusByte(request[2] ?? 0, this.state));
    return Promise.resolve(answer);
  }

  close(): Promise<void> {
    this.#open = false;
    return Promise.resolve();
  }

  setState(patch: Partial<FakePrinterState>): void {
    this.state = { ...this.state, ...patch };
  }
}
