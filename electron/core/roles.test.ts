/**
 * Issue #13 finding 4, through the real gate of a whole till: a cashier sells; settings, provider endpoints,
 * the profile, refunds and void after payment are a signed-in manager's. The session on the connection decides
 * the person — not the payload, and not another connection's sign-in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { signInManager, TEST_MANAGER } from '../testing/manager';
import { closeTills, openTestTill, value } from '../testing/till';

afterEach(closeTills);

/** A cash-paid part of a sale: `amount` of the 4 500 ₮ milk taken in cash. */
async function cashPayment(till: ReturnType<typeof openTestTill>, amount?: number): Promise<Payment> {
  const { sale } = value<SaleView>(await till.kassa.invoke('cashier', 'sale:new', {}));
  value(await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: 'MN-MILK-1L' }));
  return value<Payment>(
    await till.kassa.invoke('cashier', 'payment:start', {
      saleId: sale.id,
      method: 'cash',
      ...(amount === undefined ? { tendered: 5000 } : { amount }),
    }),
  );
}

describe('roles in the gate', () => {
  it('a cashier cannot change settings or provider endpoints; nothing changes', async () => {
    const till = openTestTill();
    const before = till.settings.get();
    const settings = {
      ...before,
      providers: {
        ...before.providers,
        pocket: { ...before.providers.pocket, ssoUrl: 'http://127.0.0.1:9/x' },
      },
    };
    for (const payload of [{ settings }, { settings, role: 'manager' }]) {
      expect(await till.kassa.invoke('cashier', 'settings:set', payload)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', params: { needs: 'manager' } },
      });
    }
    expect(till.settings.get()).toEqual(before);
    // The language is the cashier's own.
    expect(await till.kassa.invoke('cashier', 'settings:set-locale', { locale: 'en' })).toMatchObject({
      ok: true,
      value: { locale: 'en', profile: 'sandbox' },
    });
  });

  it('a cashier cannot switch to production, set secrets or run the doctor', async () => {
    const till = openTestTill();
    for (const [channel, input] of [
      ['profile:switch', { profile: 'production', confirm: true }],
      ['profile:check', { profile: 'production' }],
      ['secrets:set', { name: 'pocket.clientSecret', value: 'x'.repeat(12) }],
      ['secrets:status', {}],
      ['app:doctor', {}],
      ['catalog:import-csv', { csv: 'sku,name,price\nA,B,1\n' }],
    ] as const) {
      expect(await till.kassa.invoke('cashier', channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(till.settings.get().profile).toBe('sandbox');
    expect(till.vault.status().secrets.every((s) => !s.set)).toBe(true);
  });

  it('a cashier cannot refund; a signed-in manager can', async () => {
    const till = openTestTill();
    const payment = await cashPayment(till);
    expect(payment.state).toBe('paid');
    expect(await till.kassa.invoke('cashier', 'payment:refund', { paymentId: payment.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const manager = await signInManager(till.kassa);
    const refunded = value<Payment>(await manager.invoke('payment:refund', { paymentId: payment.id }));
    expect(refunded.state).toBe('refunded');
  });

  it('void after a payment is a manager’s; voiding an unpaid sale stays the cashier’s', async () => {
    const till = openTestTill();
    const part = await cashPayment(till, 1000);
    const manager = await signInManager(till.kassa);
    value(await manager.invoke('payment:refund', { paymentId: part.id }));
    const saleId = part.saleId;
    expect(await till.kassa.invoke('cashier', 'sale:void', { saleId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const voided = value<SaleView>(await manager.invoke('sale:void', { saleId, reason: 'customer left' }));
    expect(voided.sale.status).toBe('voided');

    const { sale } = value<SaleView>(await till.kassa.invoke('cashier', 'sale:new', {}));
    value(await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: 'MN-BREAD' }));
    expect(
      value<SaleView>(await till.kassa.invoke('cashier', 'sale:void', { saleId: sale.id })).sale.status,
    ).toBe('voided');
  });

  it('a manager signed in on one connection gives no rights to another, and signs out', async () => {
    const till = openTestTill();
    const manager = await signInManager(till.kassa);
    const otherConnection = {};
    expect(await till.kassa.invoke('cashier', 'secrets:status', {}, otherConnection)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await manager.invoke('secrets:status', {})).toMatchObject({ ok: true });
    expect(value(await manager.invoke('session:sign-out', {}))).toMatchObject({ role: 'cashier' });
    expect(await manager.invoke('secrets:status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('the display page cannot sign in, and a wrong PIN gives nothing', async () => {
    const till = openTestTill();
    await signInManager(till.kassa);
    expect(
      await till.kassa.invoke('display', 'session:sign-in', { code: TEST_MANAGER.pin }, {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const connection = {};
    expect(
      await till.kassa.invoke('cashier', 'session:sign-in', { code: '000000' }, connection),
    ).toMatchObject({
      ok: false,
      error: { code: 'session.wrong-code' },
    });
    expect(value(await till.kassa.invoke('cashier', 'session:status', {}, connection))).toMatchObject({
      role: 'cashier',
    });
  });

  it('the operator (CLI) keeps every right without a session', async () => {
    const till = openTestTill();
    expect(await till.kassa.invoke('operator', 'secrets:status', {})).toMatchObject({ ok: true });
    expect(await till.kassa.invoke('operator', 'managers:add', { name: 'Boss', pin: '7777' })).toMatchObject({
      ok: true,
      value: { name: 'Boss', hasBadge: false },
    });
    const manager = await signInManager(till.kassa);
    expect(await manager.invoke('managers:add', { name: 'Eve', pin: '8888' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
