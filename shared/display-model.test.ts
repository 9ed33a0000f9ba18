import { describe, expect, it } from 'vitest';
import { displayViewModelFor, receiptQrAllowed, SaleDisplayModelSchema } from './display-model';
import { computeSaleTotals, type Payment, type Sale } from './domain';

const base = {
  currency: 'MNT' as const,
  lines: [
    {
      id: 'L1',
      name: 'Архи 0.5 л',
      unitPrice: { amount: 32_000, currency: 'MNT' as const },
      measure: 'each' as const,
      quantity: 1,
      discount: null,
      vatBasisPoints: 1000,
      cityTaxBasisPoints: 100,
    },
    {
      id: 'L2',
      name: 'Алим (кг)',
      unitPrice: { amount: 6_500, currency: 'MNT' as const },
      measure: 'weight' as const,
      quantity: 1250,
      discount: { kind: 'amount' as const, amount: 125 },
      vatBasisPoints: 1000,
      cityTaxBasisPoints: 0,
    },
  ],
  discount: null,
};
const sale = (status: Sale['status'], extra: Partial<Sale> = {}): Sale => ({
  ...base,
  id: 'S1',
  number: 1,
  status,
  totals: computeSaleTotals(base),
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});
const payment = (state: Payment['state'], extra: Partial<Payment> = {}): Payment => ({
  id: 'p1',
  saleId: 'S1',
  attempt: 1,
  method: 'socialpay.qr',
  amount: { amount: 40_000, currency: 'MNT' },
  state,
  idempotencyKey: 'S1A1',
  qr: 'socialpay-link',
  expiresAt: 600_000,
  createdAt: 0,
  updatedAt: 0,
  refundedAmount: 0,
  refunds: [],
  ...extra,
});

describe('displayViewModelFor', () => {
  it('cart: formatted lines, weight in kg, discounts, VAT and city tax for Mongolia', () => {
    const vm = displayViewModelFor(sale('open'), [], 'mn');
    expect(SaleDisplayModelSchema.parse(vm)).toEqual(vm);
    expect(vm).toMatchObject({
      state: 'cart',
      itemCount: 2,
      lines: [
        { name: 'Архи 0.5 л', quantityText: '1 × 32\u202f000 ₮', amountText: '32\u202f000 ₮' },
        { quantityText: '1.250 кг × 6\u202f500 ₮', amountText: '8\u202f000 ₮', discountText: '−125 ₮' },
      ],
      totalText: '40\u202f000 ₮',
      discountText: '−125 ₮',
      cityTaxText: expect.any(String) as string,
    });
  });

  it('pay → paid (with change) → thank-you; declined and expired; unknown shows "checking"', () => {
    expect(displayViewModelFor(sale('paying'), [payment('awaiting_customer')], 'en')).toMatchObject({
      state: 'pay',
      providerName: 'SocialPay',
      qr: 'socialpay-link',
      amountText: '40\u202f000 ₮',
      expiresAt: 600_000,
      checking: false,
    });
    expect(displayViewModelFor(sale('paying'), [payment('unknown')], 'en')).toMatchObject({
      state: 'pay',
      checking: true,
    });
    expect(displayViewModelFor(sale('paying'), [payment('declined')], 'en')).toMatchObject({
      state: 'declined',
      dueText: '40\u202f000 ₮',
    });
    expect(displayViewModelFor(sale('paying'), [payment('expired')], 'en').state).toBe('expired');
    const cash = payment('paid', { method: 'cash', cash: { tendered: 50_000, change: 10_000 } });
    expect(displayViewModelFor(sale('paid'), [cash], 'en')).toMatchObject({
      state: 'paid',
      changeText: '10\u202f000 ₮',
    });
    expect(
      displayViewModelFor(sale('paid', { receipt: { id: 'r1', status: 'issued' } }), [cash], 'en').state,
    ).toBe('thank-you');
  });

  it('GE/UZ carts show no VAT split; a split payment shows paid and due', () => {
    const ge = {
      ...base,
      currency: 'GEL' as const,
      lines: base.lines.map((l) => ({ ...l, unitPrice: { amount: 850, currency: 'GEL' as const } })),
    };
    const geSale: Sale = { ...sale('paying'), ...ge, totals: computeSaleTotals(ge) };
    const part = payment('paid', { method: 'cash', amount: { amount: 500, currency: 'GEL' } });
    const vm = displayViewModelFor(geSale, [part], 'ka');
    expect(vm).toMatchObject({ state: 'cart', paidText: '5.00 ₾' });
    expect(vm).not.toHaveProperty('vatText');
  });
});

describe('the waiting invoice is always on the display (issue 11, finding 4)', () => {
  it('an earlier attempt still awaiting the customer wins over a later declined one', () => {
    const vm = displayViewModelFor(
      sale('paying'),
      [
        payment('awaiting_customer', { qr: 'first-qr' }),
        payment('declined', { id: 'p2', attempt: 2, qr: 'second-qr', idempotencyKey: 'S1A2' }),
      ],
      'en',
    );
    expect(vm).toMatchObject({ state: 'pay', qr: 'first-qr', checking: false });
  });

  it('a payment awaiting the customer shows its QR while the sale is still open', () => {
    expect(displayViewModelFor(sale('open'), [payment('awaiting_customer')], 'en')).toMatchObject({
      state: 'pay',
      qr: 'socialpay-link',
    });
  });
});

describe('receiptQrAllowed (issue 11, finding 9)', () => {
  const issued = sale('paid', { receipt: { status: 'issued', id: 'R1' } });
  it('only for a paid sale with an issued receipt and no refund of any kind', () => {
    expect(receiptQrAllowed(issued, [payment('paid')])).toBe(true);
    expect(receiptQrAllowed(sale('paid'), [payment('paid')])).toBe(false);
    expect(receiptQrAllowed(issued, [payment('refunding')])).toBe(false);
    expect(receiptQrAllowed(issued, [payment('refunded', { refundedAmount: 40_000 })])).toBe(false);
    expect(receiptQrAllowed(issued, [payment('paid', { refundedAmount: 100 })])).toBe(false);
  });
});
