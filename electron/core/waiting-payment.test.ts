/**
 * Issue 11, finding 4: the customer can always pay a waiting attempt. A start whose answer came too late is
 * revived with what the bank's status answer names (its reference), so the sandbox's customer app reaches it;
 * after a restart — the sandbox's in-process bank restarts too — the display shows the QR kept in the journal
 * and "customer pays" settles it (docs/architecture.md, "Customer display").
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayViewModel } from '../../shared/channels/display';
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { until, value } from '../testing/till';
import type { Kassa } from './kassa';
import { openTillOver } from '../testing/restartable-till';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
});

const openTill = (dataDir: string, sims: RunningSandbox): Kassa =>
  openTillOver(dataDir, sims, { providerTimeoutMs: 300 });

async function saleWithMilk(kassa: Kassa): Promise<SaleView> {
  value(await kassa.invoke('cashier', 'sale:new', {}));
  return value<SaleView>(
    await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }),
  );
}

async function paymentNow(kassa: Kassa, id: string): Promise<Payment> {
  const view = value<SaleView | null>(await kassa.invoke('cashier', 'sale:current', {}));
  const found = view?.payments.find((p) => p.id === id);
  if (!found) {
    throw new Error(`payment ${id} is not on the current sale`);
  }
  return found;
}

describe('a waiting attempt can always be paid', () => {
  it('a late answer: the revived payment carries the bank reference and the customer can pay it', async () => {
    const t = tempDataDir();
    const sims = await startSandboxSimulators();
    cleanups.push(t.cleanup, () => sims.close());
    const kassa = openTill(t.dir, sims);
    cleanups.push(() => kassa.close());
    const sale = await saleWithMilk(kassa);

    sims.socialpay.setLatency(600);
    const started = value<Payment>(
      await kassa.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'socialpay.qr' }),
    );
    sims.socialpay.setLatency(0);
    expect(started.state).toBe('unknown');
    // The invoice exists at the bank: the create arrived, only its answer was too late.
    const atBank = await until(
      () => Promise.resolve(sims.socialpay.invoice(started.idempotencyKey)),
      (inv) => inv !== undefined,
    );
    expect(atBank?.state).toBe('pending');

    value(await kassa.invoke('cashier', 'payment:check', { paymentId: started.id }));
    const revived = await paymentNow(kassa, started.id);
    expect(revived.state).toBe('awaiting_customer');
    expect(revived.providerRef).toBe(started.idempotencyKey);
    // Without a QR to scan the screen says the till is settling it, never the welcome screen.
    expect(value<DisplayViewModel>(await kassa.invoke('display', 'display:ready', {}))).toMatchObject({
      state: 'pay',
      checking: true,
    });

    const paid = value<Payment>(
      await kassa.invoke('cashier', 'sandbox:customer-pay', { paymentId: started.id }),
    );
    expect(paid.state).toBe('paid');
  });

  it('after a restart (the sandbox bank restarts too) the display shows the journaled QR and the customer pays', async () => {
    const t = tempDataDir();
    const before = await startSandboxSimulators();
    cleanups.push(t.cleanup);
    const first = openTill(t.dir, before);
    const sale = await saleWithMilk(first);
    const started = value<Payment>(
      await first.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'socialpay.qr' }),
    );
    expect(started.state).toBe('awaiting_customer');
    expect(started.qr).toBeTruthy();
    await first.close();
    await before.close();

    const after = await startSandboxSimulators();
    cleanups.push(() => after.close());
    const second = openTill(t.dir, after);
    cleanups.push(() => second.close());
    await second.recovered;
    const shown = value<DisplayViewModel>(await second.invoke('display', 'display:ready', {}));
    expect(shown).toMatchObject({ state: 'pay', qr: started.qr, checking: false });

    value(await second.invoke('cashier', 'sandbox:customer-pay', { paymentId: started.id }));
    const done = await until(
      () => paymentNow(second, started.id),
      (p) => p.state === 'paid',
    );
    expect(done.state).toBe('paid');
  });
});
