/**
 * The eBarimt receipt of a paid Mongolian sale (docs/architecture.md, "Receipts and e-receipt approval").
 *  - Issued automatically once the sale is fully paid; the cashier can retry a failed issue.
 *  - Write-ahead: the sale's receipt ref is set to `pending` with its bill-id suffix BEFORE PosAPI is called,
 *    and a retry reuses that suffix, so PosAPI can refuse a duplicate instead of the till issuing twice.
 *  - qrData and lottery (PrintableReceipt) live in this process's memory only, for the screen, the printer and
 *    the customer display; the journal keeps the receipt id and status.
 */
import type { ReceiptView } from '../../shared/channels/receipt';
import type { ReceiptRef, Sale } from '../../shared/domain';
import type { SaleView } from '../../shared/channels/sale';
import { formatMoney, money } from '../../shared/money';
import type { Settings } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import type {
  EasyRegisterClient,
  IssueReceiptInput,
  PosApiClient,
  PrintableReceipt,
  TaxpayerInfoClient,
} from '../providers/ebarimt';
import { billIdSuffixFor } from '../providers/ebarimt';
import { ProviderError } from '../providers/errors';
import { identifySaleBuyer, type SaleBuyer } from './buyer-identification';
import { receiptLines } from './receipt-lines';

const PENDING_PREFIX = 'pending-';

/** What receipts need of the sales domain (the sale service, wired by the composition root). */
export interface ReceiptSales {
  get(saleId: string): Sale;
  view(sale: Sale): SaleView;
  setReceipt(saleId: string, receipt: ReceiptRef): Promise<SaleView>;
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
}

interface Memory {
  printable?: PrintableReceipt;
  /** B2B buyer; kept for this run (a restart before payment falls back to a B2C receipt). */
  organizationTin?: string;
  buyerName?: string;
  issuedAt?: string;
  error?: ReceiptView['error'];
  issuing?: Promise<void>;
}

function mask(customerNo: string): string {
  return `${customerNo.slice(0, 2)}****${customerNo.slice(-2)}`;
}

function text(en: string, mn: string): { mn: string; en: string } {
  return { mn, en };
}

/** What the receipt screen shows when a receipt could not be issued (code + both languages). */
function receiptError(error: unknown): NonNullable<ReceiptView['error']> {
  if (error instanceof ProviderError) {
    return {
      code: `provider.${error.kind}`,
      message: { mn: error.messages.mn ?? error.message, en: error.messages.en ?? error.message },
    };
  }
  if (error instanceof KassaError && error.code === 'receipt.product-codes') {
    const products = String(error.params?.products ?? '');
    return {
      code: error.code,
      message: text(
        error.message,
        `Баримт гаргах боломжгүй: ${products} барааны БҮНА ангиллын код (7 орон) эсвэл татварын бүтээгдэхүүний код байхгүй. Үнийн жагсаалтаа засаад дахин оруулна уу.`,
      ),
    };
  }
  if (error instanceof KassaError) {
    return { code: error.code, message: text(error.message, error.message) };
  }
  return {
    code: 'internal',
    message: text(
      'The receipt could not be issued. Try again.',
      'Баримт гаргаж чадсангүй. Дахин оролдоно уу.',
    ),
  };
}

export class ReceiptService {
  readonly #deps: ReceiptServiceDeps;
  readonly #memory = new Map<string, Memory>();

  constructor(deps: ReceiptServiceDeps) {
    this.#deps = deps;
  }

  #mem(saleId: string): Memory {
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
    const m = this.#memory.get(sale.id);
    const fmt = (amount: number): string => formatMoney(money(amount, sale.currency));
    const ref = sale.receipt;
    const state: ReceiptView['state'] = !this.needed(sale)
      ? 'not-needed'
      : m?.issuing
        ? 'issuing'
        : ref?.status === 'issued'
          ? 'issued'
          : ref?.status === 'failed' || m?.error
            ? 'failed'
            : 'pending';
    return {
      saleId: sale.id,
      state,
      receiptId: ref?.status === 'issued' ? ref.id : null,
      buyerMasked: sale.buyer ? mask(sale.buyer.customerNo) : null,
      buyerName: m?.buyerName ?? null,
      organizationTin: m?.organizationTin ?? null,
      totalText: fmt(sale.totals.total),
      vatText: fmt(sale.totals.vat),
      cityTaxText: fmt(sale.totals.cityTax),
      issuedAt: m?.issuedAt ?? null,
      printable: m?.printable ? { lottery: m.printable.lottery, qrData: m.printable.qrData } : null,
      error: m?.error ?? null,
    };
  }

  /** The receipt QR for the customer display's thank-you screen, while it is in memory. */
  receiptQr(saleId: string): string | undefined {
    return this.#memory.get(saleId)?.printable?.qrData;
  }

  get(saleId: string): ReceiptView {
    return this.view(this.#deps.sales.get(saleId));
  }

  /** Called on every sale change: a newly paid MN sale gets its receipt. */
  onSaleChanged(sale: Sale): void {
    if (
      sale.status === 'paid' &&
      this.needed(sale) &&
      sale.receipt === undefined &&
      !this.#memory.get(sale.id)?.issuing
    ) {
      void this.issue(sale.id).catch((error: unknown) => {
        this.#deps.logger.warn({ err: error, saleId: sale.id }, 'receipt: automatic issue failed');
      });
    }
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
    if (sale.receipt?.status === 'issued') {
      return this.view(sale);
    }
    m.issuing = this.#issue(sale, m).finally(() => {
      delete m.issuing;
    });
    this.#deps.emit(this.view(sale));
    await m.issuing;
    const view = this.get(saleId);
    this.#deps.emit(view);
    return view;
  }

  async #issue(sale: Sale, m: Memory): Promise<void> {
    let lines: IssueReceiptInput['lines'];
    try {
      // Refused before anything is written: no bill-id suffix is used up by a receipt that cannot be issued.
      lines = receiptLines(sale);
    } catch (error) {
      m.error = receiptError(error);
      this.#deps.logger.warn({ saleId: sale.id, code: m.error.code }, 'receipt: refused');
      return;
    }
    // Reuse the suffix of an earlier attempt; otherwise derive it from the sale number and write it first.
    const suffix =
      sale.receipt?.id.startsWith(PENDING_PREFIX) === true
        ? sale.receipt.id.slice(PENDING_PREFIX.length)
        : billIdSuffixFor(((sale.number - 1) % 999_999) + 1);
    if (sale.receipt === undefined) {
      await this.#deps.sales.setReceipt(sale.id, { id: `${PENDING_PREFIX}${suffix}`, status: 'pending' });
    }
    const input: IssueReceiptInput = {
      ...(m.organizationTin === undefined
        ? { type: 'B2C_RECEIPT' as const, ...(sale.buyer ? { consumerNo: sale.buyer.customerNo } : {}) }
        : { type: 'B2B_RECEIPT' as const, customerTin: m.organizationTin }),
      billIdSuffix: suffix,
      lines,
      payments: this.#payments(sale),
    };
    try {
      const client = await this.#deps.posApi();
      const issued = await client.issueReceipt(input);
      m.printable = issued.printable;
      m.issuedAt = issued.record.date;
      delete m.error;
      await this.#deps.sales.setReceipt(sale.id, { id: issued.record.id, status: 'issued' });
      this.#deps.logger.info({ saleId: sale.id, billIdSuffix: suffix }, 'receipt: issued');
    } catch (error) {
      m.error = receiptError(error);
      this.#deps.logger.warn({ saleId: sale.id, code: m.error.code }, 'receipt: issue failed');
    }
  }

  #payments(sale: Sale): IssueReceiptInput['payments'] {
    // PosAPI wants what was paid by cash vs. non-cash; a QR bank payment is non-cash (PAYMENT_CARD).
    const view = this.#deps.sales.view(sale);
    let cash = 0;
    let other = 0;
    for (const p of view.payments) {
      if (p.state !== 'paid') {
        continue;
      }
      const kept = p.amount.amount - p.refundedAmount;
      if (p.method === 'cash') {
        cash += kept;
      } else {
        other += kept;
      }
    }
    // The receipt states the sale total; change handed back in cash is not part of it.
    cash = Math.min(cash, sale.totals.total - other);
    return [
      ...(cash > 0 ? [{ code: 'CASH' as const, amount: cash }] : []),
      ...(other > 0 ? [{ code: 'PAYMENT_CARD' as const, amount: other }] : []),
    ];
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
    if (sale.receipt?.status === 'issued') {
      throw new KassaError(
        'state.conflict',
        'The receipt is already issued; register it to the buyer on the E-receipt screen.',
        { params: { reason: 'receipt-issued' } },
      );
    }
    if (this.#memory.get(saleId)?.issuing) {
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
