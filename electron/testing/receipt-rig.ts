/**
 * Test-only: a ReceiptService over in-memory sales and payments (the ReceiptSales the core would hand it) and
 * the PosAPI simulator, with a hand-moved clock. Every receipt ref the service writes is recorded in order, so
 * tests can check the write-ahead (pending before PosAPI is called) as well as the end state.
 */
import type { SaleView } from '../../shared/channels/sale';
import type { Product } from '../../shared/channels/sale';
import { computeSaleTotals, type Payment, type ReceiptRef, type Sale } from '../../shared/domain';
import { money } from '../../shared/money';
import { defaultSettings, type Settings } from '../../shared/settings';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { createPosApiClient, type EasyRegisterClient, type TaxpayerInfoClient } from '../providers/ebarimt';
import { startEbarimtSimulators, type EbarimtSimulators } from '../providers/ebarimt/simulators';
import { testContext } from '../providers/ebarimt/test-support';
import { withAddedLine } from '../sales/line-edits';
import { saleView } from '../sales/sale-view';
import { ReceiptService, type ReceiptSales } from '../receipts/receipt-service';

export const DRINK: Product = {
  sku: 'DRINK',
  barcode: '8650001000015',
  name: 'Ундаа',
  price: 4_500,
  currency: 'MNT',
  measure: 'each',
  vatBasisPoints: 1000,
  cityTaxBasisPoints: 0,
  taxType: 'VAT_ABLE',
  classificationCode: '2211000',
};
export const BOOK: Product = {
  ...DRINK,
  sku: 'BOOK',
  barcode: '8650001000022',
  name: 'Ном',
  price: 3_001,
  vatBasisPoints: 0,
  taxType: 'VAT_FREE',
  classificationCode: '4761000',
  taxProductCode: '305',
};

export interface ReceiptRig {
  sims: EbarimtSimulators;
  clock: ManualClock;
  service: ReceiptService;
  /** Every ref written, in order, with the event name. */
  writes: { saleId: string; ref: ReceiptRef; what: string }[];
  sales: Map<string, Sale>;
  payments: Map<string, Payment[]>;
  /** A paid sale of the given products, paid by one SocialPay payment (no receipt yet). */
  paidSale(id: string, number: number, products: Product[]): Sale;
  /** Refund `amount` of the sale's payment, as the payment engine would once the bank confirmed it. */
  refund(saleId: string, amount: number): Sale;
  close(): Promise<void>;
}

export async function receiptRig(options: { timeoutMs?: number } = {}): Promise<ReceiptRig> {
  const sims = await startEbarimtSimulators();
  const clock = new ManualClock(Date.UTC(2026, 10, 30, 2));
  const ctx = testContext(sims.sandbox.secrets, { timeoutMs: options.timeoutMs ?? 1_500 });
  const settings: Settings = {
    ...defaultSettings(),
    country: 'MN',
    providers: {
      ...defaultSettings().providers,
      ebarimt: { ...defaultSettings().providers.ebarimt, ...sims.sandbox.settings, enabled: true },
    },
  };
  const posApi = createPosApiClient(ctx, settings.providers.ebarimt);
  const sales = new Map<string, Sale>();
  const payments = new Map<string, Payment[]>();
  const writes: ReceiptRig['writes'] = [];
  const get = (saleId: string): Sale => {
    const sale = sales.get(saleId);
    if (!sale) {
      throw new Error(`no sale ${saleId}`);
    }
    return sale;
  };
  const view = (sale: Sale): SaleView => saleView(sale, payments.get(sale.id) ?? []);
  const receiptSales: ReceiptSales = {
    get,
    view,
    setReceipt(saleId, receipt, what = 'receipt') {
      const next = { ...get(saleId), receipt };
      sales.set(saleId, next);
      writes.push({ saleId, ref: receipt, what });
      return Promise.resolve(view(next));
    },
    setBuyer(saleId, customerNo) {
      const { buyer: _buyer, ...rest } = get(saleId);
      const next: Sale = customerNo === null ? rest : { ...rest, buyer: { customerNo } };
      sales.set(saleId, next);
      return Promise.resolve(view(next));
    },
  };
  const service = new ReceiptService({
    sales: receiptSales,
    settings: () => settings,
    posApi: () => Promise.resolve(posApi),
    easyRegister: () => Promise.reject<EasyRegisterClient>(new Error('no Easy Register in this rig')),
    taxpayerInfo: () => Promise.reject<TaxpayerInfoClient>(new Error('no taxpayer lookup in this rig')),
    logger: createCapturingLogger('warn').logger,
    emit: () => undefined,
    now: () => clock.now(),
  });
  return {
    sims,
    clock,
    service,
    writes,
    sales,
    payments,
    paidSale(id, number, products) {
      const base = { currency: 'MNT' as const, lines: [], discount: null };
      let sale: Sale = {
        ...base,
        id,
        number,
        status: 'paid',
        totals: computeSaleTotals(base),
        createdAt: clock.now(),
        updatedAt: clock.now(),
      };
      for (const product of products) {
        sale = withAddedLine(sale, { kind: 'catalog', code: product.sku }, (code) =>
          products.find((p) => p.sku === code),
        );
      }
      sale = { ...sale, totals: computeSaleTotals(sale) };
      sales.set(id, sale);
      payments.set(id, [
        {
          id: `${id}p1`,
          saleId: id,
          attempt: 1,
          method: 'socialpay.qr',
          amount: money(sale.totals.total, 'MNT'),
          state: 'paid',
          idempotencyKey: `${id}A1`,
          createdAt: clock.now(),
          updatedAt: clock.now(),
          refundedAmount: 0,
          refunds: [],
        },
      ]);
      return sale;
    },
    refund(saleId, amount) {
      const [payment] = payments.get(saleId) ?? [];
      if (!payment) {
        throw new Error(`no payment for ${saleId}`);
      }
      const refundedAmount = payment.refundedAmount + amount;
      payments.set(saleId, [
        {
          ...payment,
          state: refundedAmount >= payment.amount.amount ? 'refunded' : 'partly_refunded',
          refundedAmount,
          refunds: [
            ...payment.refunds,
            {
              id: `${payment.id}-r${payment.refunds.length + 1}`,
              amount,
              state: 'refunded',
              at: clock.now(),
            },
          ],
        },
      ]);
      return get(saleId);
    },
    close: () => sims.close(),
  };
}
