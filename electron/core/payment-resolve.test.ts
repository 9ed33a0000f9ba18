/**
 * Manager resolution of a payment that cannot settle by itself (docs/payment-outcomes.md, "Manager
 * resolution"): `payment:resolve` is a manager's, journaled in the payment's own command with who and why, and
 * counted in the running totals (journal:report).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SalesReport } from '../../shared/channels/journal';
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { ProviderError } from '../providers/errors';
import { SOCIALPAY_PATHS } from '../providers/socialpay/client';
import { signInManager } from '../testing/manager';
import { closeTills, openTestTill, value } from '../testing/till';
import { cleanupRig, rig } from '../testing/till-rig';

const MILK = '8650001000015';
const PHONE = '99112233';
const unreachable = new ProviderError({ provider: 'socialpay', kind: 'timeout', message: 'timed out' });

afterEach(async () => {
  await closeTills();
  await cleanupRig();
});

/** A socialpay.phone start whose answer was lost and whose bank cannot be asked: stuck in `unknown`. */
async function stuckPhoneInvoice(): Promise<{ r: ReturnType<typeof rig>; payment: Payment }> {
  const r = rig();
  await r.call('sale:new', {});
  await r.call('sale:add-line', { kind: 'catalog', code: MILK });
  r.bank.script = { start: 'timeout', statusError: unreachable };
  const payment = (await r.call('payment:start', {
    saleId: 'S1',
    method: 'socialpay.phone',
    phone: PHONE,
  })) as Payment;
  await r.scheduler.advance(10 * 60_000);
  expect(r.till.engine.get(payment.id).state).toBe('unknown');
  return { r, payment };
}

describe('payment:resolve', () => {
  it('is a manager’s: the cashier is refused, paid needs the approval code, failed needs only a reason', async () => {
    const { r, payment } = await stuckPhoneInvoice();
    await expect(
      r.call('payment:resolve', { paymentId: payment.id, outcome: 'failed', reason: 'not in the portal' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      r.call('payment:resolve', { paymentId: payment.id, outcome: 'paid', reason: 'seen' }, 'manager'),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      r.call('payment:resolve', { paymentId: payment.id, outcome: 'failed', reason: '  ' }, 'manager'),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(r.till.engine.get(payment.id).state).toBe('unknown');
  });

  it('failed: the payment is declined with the resolution, the sale can be paid again, totals count it', async () => {
    const { r, payment } = await stuckPhoneInvoice();
    const resolved = (await r.call(
      'payment:resolve',
      { paymentId: payment.id, outcome: 'failed', reason: 'Not in the SocialPay portal' },
      'manager',
    )) as Payment;
    expect(resolved).toMatchObject({
      state: 'declined',
      resolution: { by: 'manager', outcome: 'failed', reason: 'Not in the SocialPay portal' },
    });
    expect(resolved.resolution?.approvalCode).toBeUndefined();
    r.bank.script = { start: 'ok' };
    const again = (await r.call('payment:start', { saleId: 'S1', method: 'cash' })) as Payment;
    expect(again.state).toBe('paid');
    const report = (await r.call('journal:report', {})) as SalesReport;
    expect(report.resolved).toEqual({ paidCount: 0, paidAmount: 0, failedCount: 1, failedAmount: 4500 });
    // A settled payment cannot be resolved again.
    await expect(
      r.call('payment:resolve', { paymentId: payment.id, outcome: 'failed', reason: 'again' }, 'manager'),
    ).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('survives a restart: the resolution is on the stored payment and in the totals', async () => {
    const { r, payment } = await stuckPhoneInvoice();
    await r.call(
      'payment:resolve',
      { paymentId: payment.id, outcome: 'paid', approvalCode: 'A1B2C3', reason: 'Paid per portal' },
      'manager',
    );
    await r.restart();
    expect(r.till.engine.get(payment.id)).toMatchObject({
      state: 'paid',
      resolution: { outcome: 'paid', approvalCode: 'A1B2C3' },
    });
    expect(r.journal.sale('S1')?.status).toBe('paid');
    const report = (await r.call('journal:report', {})) as SalesReport;
    expect(report).toMatchObject({
      salesPaid: 1,
      total: 4500,
      resolved: { paidCount: 1, paidAmount: 4500, failedCount: 0 },
    });
  });

  it('through the core: journaled with the signed-in manager’s name, sale and payment in one command', async () => {
    const node = openTestTill();
    const sale = value<SaleView>(await node.kassa.invoke('cashier', 'sale:new', {}));
    value(await node.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: MILK }));
    const sims = await node.simulators();
    // The connection drops after the invoice reached SocialPay: the start's outcome is unknown.
    sims.socialpay.failNext('reset');
    const started = value<Payment>(
      await node.kassa.invoke('cashier', 'payment:start', {
        saleId: sale.sale.id,
        method: 'socialpay.phone',
        phone: PHONE,
      }),
    );
    expect(started.state).toBe('unknown');
    expect(sims.socialpay.requests.filter((q) => q.path === SOCIALPAY_PATHS.phone)).toHaveLength(1);
    const manager = await signInManager(node.kassa);
    const resolved = value<Payment>(
      await manager.invoke('payment:resolve', {
        paymentId: started.id,
        outcome: 'paid',
        approvalCode: '123456',
        reason: 'Customer showed the approved invoice; portal shows it paid',
      }),
    );
    expect(resolved.resolution).toMatchObject({
      by: 'Test manager',
      outcome: 'paid',
      approvalCode: '123456',
    });
    const view = value<SaleView>(await node.kassa.invoke('cashier', 'journal:get', { saleId: sale.sale.id }));
    expect(view.sale.status).toBe('paid');
    expect(view.payments[0]?.resolution?.by).toBe('Test manager');
    const report = value<SalesReport>(await node.kassa.invoke('cashier', 'journal:report', {}));
    expect(report.resolved).toMatchObject({ paidCount: 1, paidAmount: view.sale.totals.total });
  });
});
