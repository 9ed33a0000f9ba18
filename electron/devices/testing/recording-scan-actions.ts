/**
 * Test double for ScanActions: records what the scan router asked for, in order, and answers with a line in a
 * fixed sale (or the refusal a test sets with `refuseNext`). `hold()` keeps the next action waiting until
 * `release()`, so tests can queue scans behind it.
 */
import type { ScanError } from '../../../shared/channels/scan';
import type { LabelRequest, LineAdded, ProductRequest, ScanActionResult, ScanActions } from '../scan-actions';

export type RecordedAction =
  | { action: 'addProduct'; request: ProductRequest }
  | { action: 'addLabel'; request: LabelRequest }
  | { action: 'openApproval' | 'approvalReceipt'; qrData: string }
  | { action: 'approvalIdentify'; query: string };

export class RecordingScanActions implements ScanActions {
  readonly calls: RecordedAction[] = [];
  #refusal: ScanError | undefined;
  #gate: Promise<void> | undefined;
  #open: () => void = () => undefined;
  #lines = 0;

  /** The next action answers with this refusal. */
  refuseNext(error: ScanError): void {
    this.#refusal = error;
  }

  /** Actions wait from now on until release(). */
  hold(): void {
    this.#gate = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  release(): void {
    this.#gate = undefined;
    this.#open();
  }

  addProduct(request: ProductRequest): Promise<ScanActionResult<LineAdded>> {
    return this.#answer({ action: 'addProduct', request }, () => this.#line());
  }

  addLabel(request: LabelRequest): Promise<ScanActionResult<LineAdded>> {
    return this.#answer({ action: 'addLabel', request }, () => this.#line());
  }

  openApproval(qrData: string): Promise<ScanActionResult<null>> {
    return this.#answer({ action: 'openApproval', qrData }, () => null);
  }

  approvalReceipt(qrData: string): Promise<ScanActionResult<null>> {
    return this.#answer({ action: 'approvalReceipt', qrData }, () => null);
  }

  approvalIdentify(query: string): Promise<ScanActionResult<null>> {
    return this.#answer({ action: 'approvalIdentify', query }, () => null);
  }

  #line(): LineAdded {
    this.#lines += 1;
    return { saleId: 'S1', lineId: `L${String(this.#lines)}` };
  }

  async #answer<T>(call: RecordedAction, value: () => T): Promise<ScanActionResult<T>> {
    this.calls.push(call);
    await this.#gate;
    const refusal = this.#refusal;
    this.#refusal = undefined;
    return refusal === undefined ? { ok: true, value: value() } : { ok: false, error: refusal };
  }
}
