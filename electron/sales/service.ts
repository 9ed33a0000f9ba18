/**
 * The sale lifecycle: open → (held ⇄ open) → paying → paid, or voided. Every change is one ledger command (the
 * sale's row and a small event naming the change, sale-events.ts), committed before the new view is emitted or
 * returned. The sale's `paying` and `paid` are decided with the payment that causes them and committed in the
 * payment's transaction (payment-effects.ts, wired by core/till.ts). One sale is "current" on the till; held
 * sales wait in the journal's active set, so a restart restores both.
 *
 * Changes run one at a time (a service-wide queue): two quick scans must not both read the same sale and
 * lose one line.
 */
import { randomBytes } from 'node:crypto';
import type { HeldSale, SaleView } from '../../shared/channels/sale';
import {
  computeSaleTotals,
  type Discount,
  type Payment,
  type PaymentState,
  type ReceiptRef,
  type Sale,
} from '../../shared/domain';
import type { CurrencyCode } from '../../shared/money';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import { SerialQueue } from '../kernel/serial-queue';
import type { Journal } from '../storage/journal';
import type { SaleChange } from '../storage/ledger-events';
import type { Catalog } from './catalog';
import {
  withLineDiscount,
  withoutLine,
  withQuantity,
  withItem,
  withSaleDiscount,
  withinLimits,
  type AddLineInput,
} from './line-edits';
import { saleEffectsOf, type SaleEffects } from './payment-effects';
import { saleEvent, type SaleChangeDetail } from './sale-events';
import { heldSale, saleView } from './sale-view';

export type { AddLineInput } from './line-edits';
export { saleView } from './sale-view';

export interface SaleServiceDeps {
  journal: Journal;
  clock: Clock;
  catalog: Catalog;
  /** The store currency (from the country in settings). */
  currency(): CurrencyCode;
  /** Wire to events.emit('sale:updated', view). */
  emit(view: SaleView): void;
  newSaleId?(): string;
  /** The БҮНА code free-amount items are sold under (settings, ebarimt); absent or '': none. */
  freeItemClassificationCode?(): string;
}

export interface AddedLine {
  view: SaleView;
  lineId: string;
}

export class SaleService {
  readonly #deps: SaleServiceDeps;
  #currentId: string | undefined;
  readonly #queue = new SerialQueue();

  constructor(deps: SaleServiceDeps) {
    this.#deps = deps;
    // After a restart the newest open or paying sale is current again; held ones stay held.
    const active = deps.journal.listActiveSales().filter((s) => s.status !== 'held');
    this.#currentId = active.at(-1)?.id;
  }

  // --- reads ----------------------------------------------------------------------------------------------

  current(): SaleView | null {
    const sale = this.#currentId === undefined ? undefined : this.#deps.journal.sale(this.#currentId);
    return sale ? this.view(sale) : null;
  }

  get(saleId: string): Sale {
    const sale = this.#deps.journal.sale(saleId);
    if (!sale) {
      throw new KassaError('not_found', `There is no sale ${saleId}.`);
    }
    return sale;
  }

  view(sale: Sale): SaleView {
    return saleView(sale, this.#deps.journal.paymentsForSale(sale.id));
  }

  held(): HeldSale[] {
    return this.#deps.journal
      .listActiveSales()
      .filter((s) => s.status === 'held')
      .map(heldSale);
  }

  // --- lifecycle ------------------------------------------------------------------------------------------

  newSale(): Promise<SaleView> {
    return this.#serial(async () => {
      const current = this.current();
      if (current && current.sale.status === 'open' && current.sale.lines.length === 0) {
        return current;
      }
      if (current && ['open', 'paying'].includes(current.sale.status)) {
        throw new KassaError(
          'state.conflict',
          `Sale #${current.sale.number} is still open: hold, pay or void it first.`,
        );
      }
      const now = this.#deps.clock.now();
      const base = { currency: this.#deps.currency(), lines: [], discount: null };
      const sale: Sale = {
        ...base,
        id: this.#deps.newSaleId?.() ?? newSaleId(now),
        number: this.#deps.journal.lastSaleNumber() + 1,
        status: 'open',
        totals: computeSaleTotals(base),
        createdAt: now,
        updatedAt: now,
      };
      this.#currentId = sale.id;
      return this.#save(sale, 'opened');
    });
  }

  addLine(input: AddLineInput, saleId?: string): Promise<SaleView> {
    return this.addLineNamingIt(input, saleId).then((added) => added.view);
  }

  /** addLine, also naming the line that took the item (a new line, or a piece line counted up): scans select it. */
  async addLineNamingIt(input: AddLineInput, saleId?: string): Promise<AddedLine> {
    let lineId = '';
    const view = await this.#edit(saleId, 'line.added', (sale) => {
      const added = withItem(
        sale,
        input,
        (code) => this.#deps.catalog.byCode(code),
        this.#deps.freeItemClassificationCode?.() ?? '',
      );
      lineId = added.lineId;
      const line = added.sale.lines.find((l) => l.id === lineId);
      return {
        sale: added.sale,
        detail: {
          lineId,
          ...(input.kind === 'catalog' ? { code: input.code } : {}),
          ...(line ? { quantity: line.quantity } : {}),
        },
      };
    });
    return { view, lineId };
  }

  setQuantity(lineId: string, quantity: number, saleId?: string): Promise<SaleView> {
    return this.#edit(saleId, 'line.quantity', (sale) => ({
      sale: withQuantity(sale, lineId, quantity),
      detail: { lineId, quantity },
    }));
  }

  setLineDiscount(lineId: string, discount: Discount | null, saleId?: string): Promise<SaleView> {
    return this.#edit(saleId, 'line.discount', (sale) => ({
      sale: withLineDiscount(sale, lineId, discount),
      detail: { lineId },
    }));
  }

  setDiscount(discount: Discount | null, saleId?: string): Promise<SaleView> {
    return this.#edit(saleId, 'discount', (sale) => ({ sale: withSaleDiscount(sale, discount) }));
  }

  removeLine(lineId: string, saleId?: string): Promise<SaleView> {
    return this.#edit(saleId, 'line.removed', (sale) => ({
      sale: withoutLine(sale, lineId),
      detail: { lineId },
    }));
  }

  hold(saleId?: string): Promise<SaleView> {
    return this.#serial(async () => {
      const sale = this.#editable(saleId);
      if (sale.lines.length === 0) {
        throw new KassaError('state.conflict', 'An empty sale cannot be held.');
      }
      this.#currentId = undefined;
      return this.#save({ ...sale, status: 'held' }, 'held');
    });
  }

  recall(saleId: string): Promise<SaleView> {
    return this.#serial(async () => {
      const sale = this.get(saleId);
      if (sale.status !== 'held') {
        throw new KassaError('state.conflict', `Sale #${sale.number} is not held.`);
      }
      const current = this.current();
      if (current && ['open', 'paying'].includes(current.sale.status)) {
        if (current.sale.lines.length > 0 || current.payments.length > 0) {
          throw new KassaError(
            'state.conflict',
            `Sale #${current.sale.number} is open: hold or void it first.`,
          );
        }
        // An untouched empty sale is simply dropped.
        await this.#save(
          { ...current.sale, status: 'voided', voidReason: 'empty; replaced by a recalled sale' },
          'voided',
        );
      }
      this.#currentId = sale.id;
      return this.#save({ ...sale, status: 'open' }, 'recalled');
    });
  }

  void(reason?: string, saleId?: string): Promise<SaleView> {
    return this.#serial(async () => {
      const sale = this.#target(saleId);
      if (!['open', 'held', 'paying'].includes(sale.status)) {
        throw new KassaError('state.conflict', `A ${sale.status} sale cannot be voided.`);
      }
      const view = this.view(sale);
      if (view.paid > 0 || view.pending > 0) {
        throw new KassaError('state.conflict', 'Cancel or refund its payments before voiding this sale.');
      }
      if (this.#currentId === sale.id) {
        this.#currentId = undefined;
      }
      return this.#save({ ...sale, status: 'voided', ...(reason ? { voidReason: reason } : {}) }, 'voided');
    });
  }

  // --- payments and receipts ------------------------------------------------------------------------------

  /**
   * Before a payment starts: the sale must be current, non-empty and not settled. Nothing is written here: the
   * sale becomes `paying` in the payment's first commit (effectsOfPayment).
   */
  checkPayable(saleId: string): SaleView {
    const sale = this.#target(saleId);
    if (sale.status !== 'open' && sale.status !== 'paying') {
      throw new KassaError('state.conflict', `A ${sale.status} sale cannot take a payment.`);
    }
    if (sale.lines.length === 0 || sale.totals.total <= 0) {
      throw new KassaError('state.conflict', 'There is nothing to pay on this sale.');
    }
    return this.view(sale);
  }

  /**
   * The payment engine's `effects`: what the payment's transition makes of its sale, committed in the same
   * transaction (payment-effects.ts). Synchronous; reads the sale as committed now.
   */
  effectsOfPayment(payment: Payment, from: PaymentState | null): SaleEffects {
    const sale = this.#deps.journal.sale(payment.saleId);
    if (!sale) {
      return { sales: [], events: [] };
    }
    const others = this.#deps.journal.paymentsForSale(sale.id).filter((p) => p.id !== payment.id);
    return saleEffectsOf(sale, others, payment, from, this.#deps.clock.now());
  }

  /** The engine's onChange: the sale (already updated in the payment's commit) is shown as it now is. */
  onPaymentChanged(payment: Payment): Promise<void> {
    const sale = this.#deps.journal.sale(payment.saleId);
    if (sale) {
      this.#deps.emit(this.view(sale));
    }
    return Promise.resolve();
  }

  /** `what`: 'receipt.resolved' journals a manager's resolution (the ref carries who, why and when). */
  setReceipt(
    saleId: string,
    receipt: ReceiptRef,
    what: 'receipt' | 'receipt.resolved' = 'receipt',
  ): Promise<SaleView> {
    return this.#serial(() => this.#save({ ...this.get(saleId), receipt }, what));
  }

  setBuyer(saleId: string, customerNo: string | null): Promise<SaleView> {
    return this.#serial(() => {
      const { buyer: _old, ...sale } = this.get(saleId);
      return this.#save(customerNo === null ? sale : { ...sale, buyer: { customerNo } }, 'buyer');
    });
  }

  // --- internals ------------------------------------------------------------------------------------------

  #target(saleId?: string): Sale {
    const id = saleId ?? this.#currentId;
    if (id === undefined) {
      throw new KassaError('state.conflict', 'There is no current sale.');
    }
    if (saleId !== undefined && saleId !== this.#currentId && this.get(saleId).status !== 'held') {
      throw new KassaError('state.conflict', 'That sale is not the current sale any more; reload it.');
    }
    return this.get(id);
  }

  /** The current sale if its lines may change: open, or paying with no payment taken or waiting. */
  #editable(saleId?: string): Sale {
    const sale = this.#target(saleId);
    if (sale.id !== this.#currentId) {
      throw new KassaError('state.conflict', 'Recall the sale before changing it.');
    }
    if (sale.status === 'paying') {
      const view = this.view(sale);
      if (view.paid > 0 || view.pending > 0) {
        throw new KassaError(
          'state.conflict',
          'A payment is taken or waiting: cancel it before changing the sale.',
        );
      }
      return { ...sale, status: 'open' };
    }
    if (sale.status !== 'open') {
      throw new KassaError('state.conflict', `A ${sale.status} sale cannot be changed.`);
    }
    return sale;
  }

  #edit(
    saleId: string | undefined,
    what: SaleChange,
    change: (sale: Sale) => { sale: Sale; detail?: SaleChangeDetail },
  ): Promise<SaleView> {
    return this.#serial(() => {
      const { sale, detail } = change(this.#editable(saleId));
      return this.#save(withinLimits(sale), what, detail);
    });
  }

  /**
   * Commits the sale's row and the event of the change. The read that built `sale` and this commit happen in
   * one synchronous stretch (journal.ts commits synchronously up to its flush), so no payment's commit can
   * land in between and be overwritten.
   */
  async #save(sale: Sale, what: SaleChange, detail?: SaleChangeDetail): Promise<SaleView> {
    const now = this.#deps.clock.now();
    const next: Sale = { ...sale, totals: computeSaleTotals(sale), updatedAt: now };
    const before = this.#deps.journal.sale(sale.id);
    await this.#deps.journal.commit({
      at: now,
      events: [saleEvent(before, next, what, detail)],
      sales: [next],
    });
    const view = this.view(next);
    this.#deps.emit(view);
    return view;
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    return this.#queue.run(task);
  }
}

/** S + base-36 time + 6 hex: sortable, alphanumeric, ≤ 16 chars (idempotency keys are built from it). */
function newSaleId(now: number): string {
  return `S${now.toString(36)}${randomBytes(3).toString('hex')}`;
}
