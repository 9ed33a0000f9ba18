/**
 * A till restarts while the customer is paying (docs/architecture.md, "Sales, payments and the journal"): the
 * waiting payment comes back from the journal, polling resumes by itself, and it ends paid exactly once — the
 * bank saw one invoice, never a second create. The simulators stand for the bank and keep running across the
 * restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { tempDataDir } from '../kernel/testing/temp-dir';
import type { Kassa } from './kassa';
import { openTillOver } from '../testing/restartable-till';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
});

const openTill = (dataDir: string, sims: RunningSandbox): Kassa => openTillOver(dataDir, sims);

async function ok<T>(kassa: Kassa, channel: string, input: unknown): Promise<T> {
  const r = await kassa.invoke('cashier', channel, input);
  if (!r.ok) {
    throw new Error(`${channel}: ${r.error.message}`);
  }
  return r.value as T;
}

describe('restart while a payment is waiting', () => {
  it('resumes polling after the restart and ends paid exactly once; the bank saw one invoice', async () => {
    const t = tempDataDir();
    const sims = await startSandboxSimulators();
    cleanups.push(t.cleanup, () => sims.close());

    const first = openTill(t.dir, sims);
    await ok(first, 'sale:new', {});
    await ok<SaleView>(first, 'sale:add-line', { kind: 'catalog', code: '8650001000015' });
    const view = await ok<SaleView>(first, 'sale:add-line', { kind: 'catalog', code: '8650001000022' });
    const started = await ok<Payment>(first, 'payment:start', {
      saleId: view.sale.id,
      method: 'socialpay.qr',
    });
    expect(started.state).toBe('awaiting_customer');
    await first.close();

    const creates = (): number => sims.socialpay.requests.filter((r) => r.path === '/pos/invoice/qr').length;
    expect(creates()).toBe(1);

    // The till is down; the customer pays in their bank app meanwhile.
    sims.socialpay.markPaid(started.idempotencyKey);

    const second = openTill(t.dir, sims);
    cleanups.push(() => second.close());
    await second.recovered;
    const deadline = Date.now() + 5000;
    let payments: Payment[] = [];
    while (Date.now() < deadline) {
      payments = await ok<Payment[]>(second, 'payment:list', { saleId: view.sale.id });
      if (payments.every((p) => p.state === 'paid')) {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      id: started.id,
      state: 'paid',
      idempotencyKey: started.idempotencyKey,
    });
    expect(creates()).toBe(1);
    const current = await ok<SaleView | null>(second, 'sale:current', {});
    expect(current?.sale.status).toBe('paid');
  });
});
