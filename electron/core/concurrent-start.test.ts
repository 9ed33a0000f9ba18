/**
 * One start per sale at a time (issue 11, finding 1): twenty `payment:start` calls for one sale at the same
 * moment, through the real core (gate, checkout, engine, journal) and the SocialPay simulator, make exactly one
 * payment; every other call is refused with state.conflict. What is still due is read inside the sale's start
 * queue (payments/engine.ts startFor), so no second press can see the amount the first one took.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { SOCIALPAY_PATHS } from '../providers/socialpay/client';
import { closeTills, openTestTill, value } from '../testing/till';

afterEach(closeTills);

const PRESSES = 20;

async function saleWithMilk(node: ReturnType<typeof openTestTill>): Promise<SaleView> {
  value<SaleView>(await node.kassa.invoke('cashier', 'sale:new', {}));
  return value<SaleView>(
    await node.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }),
  );
}

describe('twenty payment:start for one sale at once', () => {
  it('SocialPay QR from twenty connections: one invoice at the bank, one payment, nineteen state.conflict', async () => {
    const node = openTestTill();
    const sale = await saleWithMilk(node);
    const sims = await node.simulators();
    const createsBefore = sims.socialpay.requests.filter((r) => r.path === SOCIALPAY_PATHS.qr).length;

    const answers = await Promise.all(
      Array.from({ length: PRESSES }, (_, i) =>
        // Each press on its own connection, as two cashier pages (or one page sending twice) would.
        node.kassa.invoke(
          'cashier',
          'payment:start',
          { saleId: sale.sale.id, method: 'socialpay.qr' },
          { connection: i },
        ),
      ),
    );

    const ok = answers.filter((a) => a.ok);
    const refused = answers.filter((a) => !a.ok);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(PRESSES - 1);
    expect(refused.map((a) => a.error.code)).toEqual(Array(PRESSES - 1).fill('state.conflict'));
    const creates =
      sims.socialpay.requests.filter((r) => r.path === SOCIALPAY_PATHS.qr).length - createsBefore;
    expect(creates).toBe(1);
    const payments = value<Payment[]>(
      await node.kassa.invoke('cashier', 'payment:list', { saleId: sale.sale.id }),
    );
    expect(payments).toHaveLength(1);
    expect(payments[0]?.amount.amount).toBe(sale.sale.totals.total);
  });

  it('cash twenty times at once: the sale is paid once, for its total', async () => {
    const node = openTestTill();
    const sale = await saleWithMilk(node);
    const answers = await Promise.all(
      Array.from({ length: PRESSES }, () =>
        node.kassa.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'cash' }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.error.code === 'state.conflict')).toHaveLength(PRESSES - 1);
    const report = value<{ total: number; salesPaid: number }>(
      await node.kassa.invoke('cashier', 'journal:report', {}),
    );
    expect(report).toMatchObject({ salesPaid: 1, total: sale.sale.totals.total });
  });
});
