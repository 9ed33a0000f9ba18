import { afterEach, describe, expect, it } from 'vitest';
import { paymentChannels } from '../../shared/channels/payment';
import { saleChannels } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { SECOND } from '../kernel/clock';
import { cleanupRig, rig } from '../testing/till-rig';

afterEach(async () => {
  await cleanupRig();
});

const MILK = '8650001000015';
const VODKA = '8650001000046';

describe('sales on the till', () => {
  it('builds a sale: scan, scan again merges, weight needs grams, free item, quantity, discounts, remove', async () => {
    const { till } = rig();
    await till.sales.newSale();
    await till.sales.addLine({ kind: 'catalog', code: MILK });
    let view = await till.sales.addLine({ kind: 'catalog', code: MILK });
    expect(view.sale.lines).toHaveLength(1);
    expect(view.sale.lines[0]?.quantity).toBe(2);
    await expect(till.sales.addLine({ kind: 'catalog', code: '2000001000007' })).rejects.toMatchObject({
      code: 'validation',
    });
    view = await till.sales.addLine({ kind: 'catalog', code: '2000001000007', quantity: 1500 }); // 1.5 kg apples
    expect(view.sale.totals.lines[1]?.gross).toBe(9750);
    view = await till.sales.addLine({ kind: 'free', name: 'Gift wrap', unitPrice: 1000 });
    expect(view.sale.lines[2]).toMatchObject({ name: 'Gift wrap', vatBasisPoints: 1000 });
    await expect(till.sales.addLine({ kind: 'catalog', code: '123' })).rejects.toMatchObject({
      code: 'not_found',
    });

    view = await till.sales.setQuantity('L1', 3);
    expect(view.sale.totals.subtotal).toBe(3 * 4500 + 9750 + 1000);
    await expect(till.sales.setLineDiscount('L1', { kind: 'amount', amount: 999_999 })).rejects.toMatchObject(
      {
        code: 'validation',
      },
    );
    view = await till.sales.setLineDiscount('L1', { kind: 'percent', basisPoints: 1000 });
    expect(view.sale.totals.lineDiscounts).toBe(1350);
    view = await till.sales.setDiscount({ kind: 'amount', amount: 400 });
    expect(view.sale.totals.saleDiscount).toBe(400);
    view = await till.sales.removeLine('L3');
    expect(view.sale.lines.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(view.sale.totals.total).toBe(13_500 - 1350 + 9750 - 400);
    expect(view.due).toBe(view.sale.totals.total);
  });

  it('hold, list, recall; a new sale is refused while one with lines is open', async () => {
    const { till } = rig();
    await till.sales.newSale();
    await till.sales.addLine({ kind: 'catalog', code: MILK });
    await expect(till.sales.newSale()).rejects.toMatchObject({ code: 'state.conflict' });
    const held = await till.sales.hold();
    expect(held.sale.status).toBe('held');
    expect(till.sales.current()).toBeNull();
    const second = await till.sales.newSale();
    expect(second.sale.number).toBe(2);
    expect(till.sales.held().map((h) => h.id)).toEqual([held.sale.id]);
    // The empty second sale is dropped when the held one is recalled.
    const recalled = await till.sales.recall(held.sale.id);
    expect(recalled.sale.status).toBe('open');
    expect(till.sales.current()?.sale.id).toBe(held.sale.id);
    expect(till.sales.held()).toEqual([]);
  });

  it('split payment: part by QR, the rest in cash with change → the sale is paid; edits are then refused', async () => {
    const r = rig();
    const { till } = r;
    await till.sales.newSale();
    await till.sales.addLine({ kind: 'catalog', code: VODKA }); // 32 000
    const qr = (await r.call('payment:start', {
      saleId: 'S1',
      method: 'socialpay.qr',
      amount: 20_000,
    })) as Payment;
    expect(qr.state).toBe('awaiting_customer');
    await expect(till.sales.addLine({ kind: 'catalog', code: MILK })).rejects.toMatchObject({
      code: 'state.conflict',
    });
    await expect(till.sales.void()).rejects.toMatchObject({ code: 'state.conflict' });
    await expect(
      r.call('payment:start', { saleId: 'S1', method: 'cash', amount: 20_000 }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    r.bank.pay(qr.idempotencyKey);
    await r.scheduler.advance(1 * SECOND);
    expect(till.sales.current()).toMatchObject({ paid: 20_000, due: 12_000, sale: { status: 'paying' } });

    const cash = (await r.call('payment:start', {
      saleId: 'S1',
      method: 'cash',
      tendered: 15_000,
    })) as Payment;
    expect(cash).toMatchObject({
      state: 'paid',
      amount: { amount: 12_000 },
      cash: { tendered: 15_000, change: 3_000 },
    });
    const view = till.sales.current();
    expect(view).toMatchObject({ paid: 32_000, due: 0, change: 3_000, sale: { status: 'paid' } });
    expect(r.sales.at(-1)?.sale.status).toBe('paid');
    await expect(till.sales.addLine({ kind: 'catalog', code: MILK })).rejects.toMatchObject({
      code: 'state.conflict',
    });
    await expect(r.call('payment:start', { saleId: 'S1', method: 'cash' })).rejects.toMatchObject({
      code: 'state.conflict',
    });
    // The next customer.
    expect((await till.sales.newSale()).sale.number).toBe(2);
  });

  it('a declined payment can be retried through checkout (new attempt); cancelling reopens the sale for edits', async () => {
    const r = rig();
    await r.till.sales.newSale();
    await r.till.sales.addLine({ kind: 'catalog', code: MILK });
    r.bank.script = { start: 'ok', declineAfterPolls: 1 };
    const first = (await r.call('payment:start', { saleId: 'S1', method: 'socialpay.qr' })) as Payment;
    await r.scheduler.advance(1 * SECOND);
    r.bank.script = { start: 'ok' };
    const second = (await r.call('payment:retry', { paymentId: first.id })) as Payment;
    expect(second).toMatchObject({ attempt: 2, idempotencyKey: 'S1A2', amount: { amount: 4500 } });
    await r.call('payment:cancel', { paymentId: second.id });
    const view = await r.till.sales.addLine({ kind: 'catalog', code: MILK });
    expect(view.sale).toMatchObject({ status: 'open', totals: { total: 9000 } });
  });

  it('restart: the current sale, held sales, sale numbers and a waiting payment all come back', async () => {
    const r = rig();
    await r.till.sales.newSale();
    await r.till.sales.addLine({ kind: 'catalog', code: MILK });
    await r.till.sales.hold();
    await r.till.sales.newSale();
    await r.till.sales.addLine({ kind: 'catalog', code: VODKA });
    const qr = (await r.call('payment:start', { saleId: 'S2', method: 'socialpay.qr' })) as Payment;
    await r.restart();
    expect(r.till.sales.current()?.sale).toMatchObject({ id: 'S2', status: 'paying' });
    expect(r.till.sales.held().map((h) => h.id)).toEqual(['S1']);
    r.bank.pay(qr.idempotencyKey);
    await r.scheduler.advance(1 * SECOND);
    expect(r.till.sales.current()?.sale.status).toBe('paid');
    await r.till.sales.recall('S1');
    await r.till.sales.void('customer left');
    expect(r.journal.lastSaleNumber()).toBe(2);
  });

  it('journal:list, journal:get and journal:report over today', async () => {
    const r = rig();
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'catalog', code: MILK, quantity: 2 });
    await r.call('payment:start', { saleId: 'S1', method: 'cash', tendered: 10_000 });
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'free', name: 'Bag', unitPrice: 200 });
    await r.call('sale:void', { reason: 'mistake' });
    r.clock.advance(1000);

    const list = (await r.call('journal:list', {})) as { id: string; status: string; paid: number }[];
    expect(list.map((s) => [s.id, s.status, s.paid])).toEqual([
      ['S2', 'voided', 0],
      ['S1', 'paid', 9000],
    ]);
    expect(await r.call('journal:get', { saleId: 'S1' })).toMatchObject({ sale: { id: 'S1' }, paid: 9000 });
    expect(await r.call('journal:report', {})).toMatchObject({
      currency: 'MNT',
      salesPaid: 1,
      salesVoided: 1,
      methods: [{ method: 'cash', count: 1, amount: 9000, refundCount: 0, refunded: 0 }],
      cashNet: 9000,
      total: 9000,
    });
  });

  it('channel inputs are strict and say what is wrong', async () => {
    const r = rig();
    expect(() =>
      saleChannels['sale:add-line'].input.parse({ kind: 'catalog', code: MILK, price: 1 }),
    ).toThrow();
    const bad = saleChannels['sale:set-quantity'].input.safeParse({ lineId: 'L1', quantity: 1.5 });
    expect(bad.success ? '' : bad.error.issues[0]?.message).toMatch(/whole number/);
    expect(
      paymentChannels['payment:start'].input.safeParse({ saleId: 'S1', method: 'cash', amount: 0 }).success,
    ).toBe(false);
    expect(await r.call('payment:methods', {})).toEqual([
      expect.objectContaining({ method: 'cash', available: true }),
      expect.objectContaining({ method: 'socialpay.qr', available: true, providerName: 'Fake Bank' }),
      expect.objectContaining({ method: 'socialpay.deeplink', available: true }),
      expect.objectContaining({ method: 'socialpay.phone', available: true, needsPhone: true }),
      expect.objectContaining({
        method: 'pocket.qr',
        available: false,
        reason: expect.stringMatching(/pocket/) as string,
      }),
    ]);
  });
});
