/**
 * The eBarimt receipt of a paid Mongolian sale (docs/architecture.md §9, §9.1).
 *  - Issued automatically once the sale is fully paid, and on start for paid sales still without one
 *    (recover); the cashier can retry.
 *  - Write-ahead: the receipt ref is journaled `pending` with its bill-id suffix, amount and send time BEFORE
 *    PosAPI is called (receipt-plan.ts). A lost answer leaves `unconfirmed`, which a resend the same PosAPI day
 *    or a manager (receipt:resolve) settles — never a silent dead end, never a second receipt unasked.
 *  - A refund returns the receipt (full: DELETE /rest/receipt) or replaces it with a corrected one for what
 *    was kept (partial: `inactiveId` = the old receipt, lines in proportion; receipt-plan.ts linesForAmount).
 *  - qrData and lottery (PrintableReceipt) live in this process's memory only, for the screen, the printer and
 *    the customer display; the journal keeps the receipt id, date, amount and status.
 */
import type { ReceiptResolveInput, ReceiptView } from '../../shared/channels/receipt';
import type { ReceiptRef, Sale } from '../../shared/domain';
import type { SaleView } from '../../shared/channels/sale';
import type { Settings } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import type {
  EasyRegisterClient,
  IssueReceiptInput,
  PosApiClient,
  TaxpayerInfoClient,
} from '../providers/ebarimt';
import { identifySaleBuyer, type SaleBuyer } from './buyer-identification';
import { receiptLines } from './receipt-lines';
import {
  afterFailedSend,
  isOpen,
  linesForAmount,
  mayBeIssued,
  planCorrection,
  planSend,
  receiptPayments,
} from './receipt-plan';
import { resolvedRef } from './receipt-resolve';
import { NEEDS_MANAGER, adjustError, receiptError } from './receipt-texts';
import { receiptViewOf, type ReceiptMemory } from './receipt-view';

/** What receipts need of the sales domain (the sale service, wired by the composition root). */
export interface ReceiptSales {
  get(saleId: string): Sale;
  view(sale: Sale): SaleView;
  /** `what`: the journal event's name ('receipt.resolved' for a manager's resolution). */
  setReceipt(saleId: string, receipt: ReceiptRef, what?: 'receipt' | 'receipt.resolved'): Promise<SaleView>;
  setBuyer(saleId: string, customerNo: string | null): Promise<SaleView>;
}

export interface ReceiptServiceDeps {
  sales: ReceiptSales;
  settings(): Settings;
  posApi(): Promise<PosApiClient>;
  easyRegister(): Promise<EasyRegisterClient>;
  /** ITC's public taxpayer lookup: a company's register number → TIN and name (B2B receipts). */
  taxpayerInfo(): Promise<TaxpayerInfoClient>;
  logger: Logger;
  emit(view: ReceiptView): void;
  now(): number;
}

export class ReceiptService {
  readonly #deps: ReceiptServiceDeps;
  readonly #memory = new Map<string, ReceiptMemory>();

  constructor(deps: ReceiptServiceDeps) {
    this.#deps = deps;
  }

  #mem(saleId: string): ReceiptMemory {
    let m = this.#memory.get(saleId);
    if (!m) {
      m = {};
      this.#memory.set(saleId, m);
    }
    return m;
  }

  /** Whether this sale gets an eBarimt receipt (a Mongolian till with eBarimt on, a sale in MNT). */
  needed(sale: Sale): boolean {
    const settings = this.#deps.settings();
    return settings.country === 'MN' && settings.providers.ebarimt.enabled && sale.currency === 'MNT';
  }

  view(sale: Sale): ReceiptView {
    return receiptViewOf(sale, this.#memory.get(sale.id), this.needed(sale));
  }

  /**
   * The receipt QR for the customer display's thank-you screen, while it is in memory and the receipt stands
   * (a returned receipt's QR is never shown again).
   */
  receiptQr(saleId: string): string | undefined {
    return this.#memory.get(saleId)?.printable?.qrData;
  }

  get(saleId: string): ReceiptView {
    return this.view(this.#deps.sales.get(saleId));
  }

  /** What the sale's payments still hold (minor units, at most its total): what its receipt must state. */
  #kept(sale: Sale): number {
    const view = this.#deps.sales.view(sale);
    return Math.min(view.paid, sale.totals.total);
  }

  /** Whether the sale's receipt has work to do: a first issue, or a return / correction after a refund. */
  #wants(sale: Sale): boolean {
    if (sale.status !== 'paid' || !this.needed(sale)) {
      return false;
    }
    const ref = sale.receipt;
    const kept = this.#kept(sale);
    return (
      (ref === undefined && kept > 0) ||
      (ref?.status === 'issued' && ref.amount !== undefined && kept < ref.amount)
    );
  }

  /** Called on every sale change (payments and refunds included): issue, return or correct as needed. */
  onSaleChanged(sale: Sale): void {
    if (!this.#memory.get(sale.id)?.issuing && this.#wants(sale)) {
      void this.issue(sale.id).catch((error: unknown) => {
        this.#deps.logger.warn({ err: error, saleId: sale.id }, 'receipt: automatic issue failed');
      });
    }
  }

  /**
   * On start: every recent paid sale whose receipt is not settled (never sent, cut off, unconfirmed, or not
   * yet returned / corrected after a refund) is taken up again. Returns how many were.
   */
  async recover(sales: readonly Sale[]): Promise<number> {
    let count = 0;
    for (const sale of sales) {
      if (sale.status !== 'paid' || !this.needed(sale)) {
        continue;
      }
      if (this.#wants(sale) || (isOpen(sale.receipt) && sale.receipt !== undefined)) {
        count += 1;
        await this.issue(sale.id).catch((error: unknown) => {
          this.#deps.logger.warn({ err: error, saleId: sale.id }, 'receipt: recovery failed');
        });
      }
    }
    return count;
  }

  async issue(saleId: string): Promise<ReceiptView> {
    const m = this.#mem(saleId);
    if (m.issuing) {
      await m.issuing;
      return this.get(saleId);
    }
    const sale = this.#deps.sales.get(saleId);
    if (!this.needed(sale)) {
      throw new KassaError(
        'state.conflict',
        'This sale needs no eBarimt receipt (not a Mongolian store, or eBarimt is off).',
      );
    }
    if (sale.status !== 'paid') {
      throw new KassaError('state.conflict', 'The receipt is issued once the sale is fully paid.');
    }
    m.issuing = this.#settle(saleId, m).finally(() => {
      delete m.issuing;
    });
    this.#deps.emit(this.view(sale));
    await m.issuing;
    const view = this.get(saleId);
    this.#deps.emit(view);
    return view;
  }

  /** One pass, then another if a refund landed meanwhile (the sale changed while this one ran). */
  async #settle(saleId: string, m: ReceiptMemory): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      const sale = this.#deps.sales.get(saleId);
      const before = sale.receipt;
      await this.#step(sale, m);
      const after = this.#deps.sales.get(saleId);
      if (after.receipt?.status !== 'issued' || after.receipt === before || !this.#wants(after)) {
        return;
      }
    }
  }

  async #step(sale: Sale, m: ReceiptMemory): Promise<void> {
    const ref = sale.receipt;
    const kept = this.#kept(sale);
    if (ref?.status === 'issued') {
      if (ref.amount === undefined || kept >= ref.amount) {
        return;
      }
      if (kept === 0) {
        await this.#return(sale, ref, m);
        return;
      }
      const correction = planCorrection(sale, { ...ref, status: 'issued' }, kept);
      await this.#deps.sales.setReceipt(sale.id, correction);
      await this.#send(this.#deps.sales.get(sale.id), m, kept);
      return;
    }
    if (!isOpen(ref) || kept === 0) {
      // Returned, resolved without a receipt, or refunded in full before it was issued: nothing to send.
      return;
    }
    await this.#send(sale, m, kept);
  }

  async #send(sale: Sale, m: ReceiptMemory, amount: number): Promise<void> {
    let lines: IssueReceiptInput['lines'];
    try {
      // Refused before anything is written: no bill-id suffix is used up by a receipt that cannot be issued.
      lines = receiptLines(sale);
    } catch (error) {
      m.error = receiptError(error);
      this.#deps.logger.warn({ saleId: sale.id, code: m.error.code }, 'receipt: refused');
      return;
    }
    const before = sale.receipt;
    const plan = planSend(sale, before, amount, this.#deps.now());
    if (plan.kind === 'needs-manager') {
      if (before && before.status !== 'unconfirmed') {
        await this.#deps.sales.setReceipt(sale.id, { ...before, status: 'unconfirmed' });
      }
      m.error = NEEDS_MANAGER;
      return;
    }
    await this.#deps.sales.setReceipt(sale.id, plan.pending);
    const input: IssueReceiptInput = {
      ...(m.organizationTin === undefined
        ? { type: 'B2C_RECEIPT' as const, ...(sale.buyer ? { consumerNo: sale.buyer.customerNo } : {}) }
        : { type: 'B2B_RECEIPT' as const, customerTin: m.organizationTin }),
      billIdSuffix: plan.suffix,
      lines: linesForAmount(lines, amount),
      payments: receiptPayments(this.#deps.sales.view(sale).payments, amount),
      ...(plan.corrects ? { inactiveId: plan.corrects.id } : {}),
    };
    try {
      const client = await this.#deps.posApi();
      const issued = await client.issueReceipt(input);
      m.printable = issued.printable;
      m.issuedAt = issued.record.date;
      delete m.error;
      const { corrects, sentAt: _sentAt, ...kept } = plan.pending;
      await this.#deps.sales.setReceipt(sale.id, {
        ...kept,
        id: issued.record.id,
        status: 'issued',
        date: issued.record.date,
        amount: issued.record.totalAmount,
        ...(corrects ? { corrects } : {}),
      });
      this.#deps.logger.info({ saleId: sale.id, billIdSuffix: plan.suffix }, 'receipt: issued');
    } catch (error) {
      const next = afterFailedSend(plan.pending, before, error);
      await this.#deps.sales.setReceipt(sale.id, next);
      // A resend refused or lost again is for a manager; a first lost answer may simply be tried again.
      m.error =
        next.status === 'unconfirmed' && before !== undefined && mayBeIssued(before)
          ? NEEDS_MANAGER
          : receiptError(error);
      this.#deps.logger.warn(
        { saleId: sale.id, code: m.error.code, status: next.status },
        'receipt: issue failed',
      );
    }
  }

  /** A full refund: the receipt is deleted at PosAPI (DELETE /rest/receipt with its id and date). */
  async #return(sale: Sale, ref: ReceiptRef, m: ReceiptMemory): Promise<void> {
    try {
      await (await this.#deps.posApi()).deleteReceipt({ id: ref.id, date: ref.date ?? '' });
      // The returned receipt's QR must never reach the customer display again.
      delete m.printable;
      delete m.error;
      await this.#deps.sales.setReceipt(sale.id, { ...ref, status: 'returned' });
    } catch (error) {
      m.error = adjustError(error);
      this.#deps.logger.warn({ saleId: sale.id, code: m.error.code }, 'receipt: return failed');
    }
  }

  /** A manager's resolution of an open receipt (receipt:resolve), journaled with who and why. */
  async resolve(input: ReceiptResolveInput, by: string): Promise<ReceiptView> {
    const sale = this.#deps.sales.get(input.saleId);
    if (!this.needed(sale) || sale.status !== 'paid') {
      throw new KassaError('state.conflict', 'Only a paid sale’s eBarimt receipt can be resolved.');
    }
    if (this.#memory.get(sale.id)?.issuing) {
      throw new KassaError('state.conflict', 'The receipt is being issued right now; wait for its answer.');
    }
    const next = resolvedRef(sale, input, { by, at: this.#deps.now(), kept: this.#kept(sale) });
    await this.#deps.sales.setReceipt(sale.id, next, 'receipt.resolved');
    const m = this.#mem(sale.id);
    delete m.error;
    this.#deps.logger.info({ saleId: sale.id, action: input.action, by }, 'receipt: resolved by a manager');
    // A found receipt may still need its return / correction; a re-issue is sent now.
    return input.action === 'no-receipt' ? this.get(sale.id) : this.issue(sale.id);
  }

  async identifyBuyer(saleId: string, query: string): Promise<ReceiptView> {
    this.#refuseBuyerChange(saleId);
    const buyer = await identifySaleBuyer(query, this.#deps);
    return this.#setBuyer(saleId, buyer);
  }

  /** A B2B buyer by a company's 7-digit register number (converted to its TIN) or an 11/14-digit TIN. */
  async setOrganization(saleId: string, tin: string): Promise<ReceiptView> {
    this.#refuseBuyerChange(saleId);
    const buyer = await identifySaleBuyer(tin, this.#deps);
    if (buyer.kind !== 'organization') {
      throw new KassaError(
        'validation',
        'An organisation is a 7-digit register number or an 11/14-digit TIN.',
        {
          params: { reason: 'unrecognised' },
        },
      );
    }
    return this.#setBuyer(saleId, buyer);
  }

  /**
   * The buyer can change until the receipt is actually issued: before payment, and after it while the receipt
   * is pending or failed (the next issue carries the buyer). While PosAPI is being asked the answer is awaited;
   * an issued receipt is registered to a buyer on the approval screen instead.
   */
  #refuseBuyerChange(saleId: string): void {
    const sale = this.#deps.sales.get(saleId);
    if (sale.receipt !== undefined && !isOpen(sale.receipt)) {
      throw new KassaError(
        'state.conflict',
        'The receipt is already issued; register it to the buyer on the E-receipt screen.',
        { params: { reason: 'receipt-issued' } },
      );
    }
    // PosAPI may already hold the receipt under its suffix (lost answer): a resend could not change its buyer.
    if (this.#memory.get(saleId)?.issuing || (sale.receipt !== undefined && mayBeIssued(sale.receipt))) {
      throw new KassaError(
        'state.conflict',
        'The receipt is being issued right now; try again in a moment.',
        {
          params: { reason: 'receipt-issuing' },
        },
      );
    }
  }

  async #setBuyer(saleId: string, buyer: SaleBuyer | null): Promise<ReceiptView> {
    // Checked again after the lookup: an issue may have started while eBarimt was asked.
    this.#refuseBuyerChange(saleId);
    const m = this.#mem(saleId);
    delete m.organizationTin;
    delete m.buyerName;
    if (buyer?.kind === 'organization') {
      // A B2B receipt names the organisation; a person's eBarimt code does not go on it.
      m.organizationTin = buyer.tin;
      m.buyerName = buyer.name;
    } else if (buyer?.kind === 'citizen' && buyer.name !== null) {
      m.buyerName = buyer.name;
    }
    await this.#deps.sales.setBuyer(saleId, buyer?.kind === 'citizen' ? buyer.customerNo : null);
    const view = this.get(saleId);
    this.#deps.emit(view);
    return view;
  }

  clearBuyer(saleId: string): Promise<ReceiptView> {
    return this.#setBuyer(saleId, null);
  }
}
