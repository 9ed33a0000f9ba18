// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../shared/channels/sale';
import type { Payment } from '../../../shared/domain';
import { computeSaleTotals } from '../../../shared/domain';
import { installFakeKassa } from '../testing/fake-kassa';
import { amountToTake, lineView, usePaymentStore } from './payment';
import { parseEntry } from '../scanner/entry';
import { stepFor, useSaleStore } from './sale';

function saleView(over: Partial<SaleView> = {}): SaleView {
  const base = { currency: 'MNT' as const, lines: [], discount: null };
  return {
    sale: {
      ...base,
      id: 'S1',
      number: 1,
      status: 'open',
      totals: computeSaleTotals(base),
      createdAt: 0,
      updatedAt: 0,
    },
    payments: [],
    paid: 0,
    refunded: 0,
    refund: 'none',
    pending: 0,
    due: 10_000,
    available: 10_000,
    change: 0,
    ...over,
  };
}

function payment(over: Partial<Payment>): Payment {
  return {
    id: 'P1',
    saleId: 'S1',
    attempt: 1,
    method: 'socialpay.qr',
    amount: { amount: 10_000, currency: 'MNT' },
    state: 'awaiting_customer',
    idempotencyKey: 'S1a1',
    createdAt: 0,
    updatedAt: 0,
    refundedAmount: 0,
    refunds: [],
    ...over,
  };
}

describe('sale store: adding lines', () => {
  beforeEach(() => {
    useSaleStore.setState({ view: saleView(), step: 'sale', lastError: null });
  });

  it('reads 3*code as quantity 3', () => {
    expect(parseEntry('3*8650001000015')).toEqual({ code: '8650001000015', quantity: 3 });
    expect(parseEntry('8650001000015')).toEqual({ code: '8650001000015', quantity: undefined });
    expect(parseEntry('3*')).toEqual({ code: '', quantity: 3 });
    expect(parseEntry('  ')).toBeNull();
  });

  it('a scanned line is shown on the sale step, selected', () => {
    const lines = computeSaleTotals({ currency: 'MNT', lines: [], discount: null });
    const line = {
      id: 'L2',
      name: 'Талх',
      unitPrice: { amount: 2800, currency: 'MNT' as const },
      measure: 'each' as const,
      quantity: 1,
      discount: null,
      vatBasisPoints: 1000,
      cityTaxBasisPoints: 0,
    };
    const view = saleView({
      sale: { ...saleView().sale, lines: [{ ...line, id: 'L1' }, line], totals: lines },
    });
    useSaleStore.setState({ view, step: 'payment', selectedLineId: 'L1' });
    useSaleStore.getState().showLine('S1', 'L2');
    expect(useSaleStore.getState()).toMatchObject({ step: 'sale', selectedLineId: 'L2' });
    // A line of another sale (a stale outcome) moves nothing but the step.
    useSaleStore.getState().showLine('S9', 'L1');
    expect(useSaleStore.getState().selectedLineId).toBe('L2');
  });

  it('the step follows the sale status', () => {
    const paid = saleView({ sale: { ...saleView().sale, status: 'paid' } });
    expect(stepFor(paid, 'payment', true)).toBe('receipt');
    expect(stepFor(paid, 'payment', false)).toBe('payment');
    expect(stepFor(saleView({ sale: { ...saleView().sale, status: 'paying' } }), 'sale', true)).toBe(
      'payment',
    );
  });
});

describe('payment store', () => {
  it('maps payment states to line states with countdown and actions', () => {
    const waiting = lineView(payment({ expiresAt: 65_000 }), 0);
    expect(waiting).toMatchObject({ status: 'waiting', secondsLeft: 65, canCancel: true, canRetry: false });
    expect(lineView(payment({ state: 'requesting' }), 0).status).toBe('requesting');
    expect(lineView(payment({ state: 'unknown' }), 0)).toMatchObject({
      status: 'unknown',
      canCheck: true,
      canCancel: true,
    });
    expect(lineView(payment({ state: 'declined' }), 0)).toMatchObject({ canRetry: true, canCancel: false });
    expect(lineView(payment({ state: 'abandoned' }), 0)).toMatchObject({
      status: 'abandoned',
      canRetry: true,
      canCancel: false,
    });
    expect(lineView(payment({ state: 'paid' }), 0)).toMatchObject({ canRetry: false, canCheck: false });
  });

  it('split amounts default to what is available; typed amounts are parsed in minor units', () => {
    expect(amountToTake(saleView({ available: 7_300 }), null)).toBe(7_300);
    expect(amountToTake(saleView(), '5 000')).toBe(5_000);
    expect(amountToTake(saleView(), 'abc')).toBeNull();
    const gel = saleView();
    gel.sale = { ...gel.sale, currency: 'GEL' };
    expect(amountToTake(gel, '12.5')).toBe(1_250);
  });

  it('starts cash with amount and tendered, then resets the split amount', async () => {
    const { calls } = installFakeKassa({
      'payment:start': () => ({ ok: true, value: payment({ method: 'cash', state: 'paid' }) }),
    });
    usePaymentStore.setState({ method: 'cash', amountText: '5000', tenderedText: '10000', methods: [] });
    await usePaymentStore.getState().start(saleView());
    expect(calls[0]?.input).toEqual({ saleId: 'S1', method: 'cash', amount: 5_000, tendered: 10_000 });
    expect(usePaymentStore.getState().amountText).toBeNull();
  });
});
