import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { HOUR } from '../../kernel/clock';
import { KassaError } from '../../kernel/errors';
import type { BogClient } from './common';
import { bogFixture, ITEMS_TOTAL, orderRequest, tetri } from './fixture';
import type { BogSimulator } from './simulator';
import { providerFailure } from '../testing/context';

let sim: BogSimulator;
let client: BogClient;
const clock = new ManualClock();

beforeEach(async () => {
  ({ sim, client } = await bogFixture('ipay', { clock }));
});
afterEach(async () => {
  await sim.close();
});

function lastBody(path: string): Record<string, unknown> {
  const req = sim.requests.filter((r) => r.path.endsWith(path)).at(-1);
  return req?.body as Record<string, unknown>;
}

describe('iPay create order', () => {
  it('sends GEL major-unit strings, the idempotency key as shop_order_id, and returns the approve link', async () => {
    const order = await client.createOrder(orderRequest('sale-1-a1'));
    const body = lastBody('/checkout/orders');
    expect(body).toMatchObject({
      intent: 'CAPTURE',
      capture_method: 'AUTOMATIC',
      shop_order_id: 'sale-1-a1',
      locale: 'ka',
      purchase_units: [{ amount: { currency_code: 'GEL', value: '26.99' } }],
    });
    expect(body.items).toEqual([
      { amount: '12.50', description: 'Khachapuri', quantity: 2, product_id: 'SKU-1' },
      { amount: '1.99', description: 'Borjomi 0.5 l', quantity: 1, product_id: 'SKU-2' },
    ]);
    const stored = sim.order(order.orderId);
    expect(stored?.amount).toBe(ITEMS_TOTAL);
    expect(order.paymentHash).toBe(stored?.paymentHash);
    expect(order.approveUrl).toContain(`order_id=${order.orderId}`);
    expect(order.expiresAt).toBe(clock.now() + HOUR);
    expect(sim.requests.find((r) => r.path.endsWith('/checkout/orders'))?.headers.authorization).toMatch(
      /^Bearer /,
    );
  });

  it('a manual-capture order is a pre-auth (AUTHORIZE, MANUAL)', async () => {
    await client.createOrder(orderRequest('sale-2', 'manual'));
    expect(lastBody('/checkout/orders')).toMatchObject({ intent: 'AUTHORIZE', capture_method: 'MANUAL' });
  });

  it('refuses non-GEL amounts and bad keys before sending anything', async () => {
    const before = sim.requests.length;
    await expect(
      client.createOrder({
        idempotencyKey: 'x',
        items: [
          { productId: 'a', description: 'a', quantity: 1, unitPrice: { amount: 100, currency: 'MNT' } },
        ],
      }),
    ).rejects.toBeInstanceOf(KassaError);
    await expect(client.createOrder(orderRequest('has space'))).rejects.toBeInstanceOf(KassaError);
    expect(sim.requests.length).toBe(before);
  });
});

describe('iPay payment status', () => {
  it('in_progress keeps polling; success is paid with the masked card', async () => {
    const { orderId } = await client.createOrder(orderRequest('s-3'));
    expect((await client.status(orderId)).outcome).toBe('pending');
    sim.markPaid(orderId);
    const paid = await client.status(orderId);
    expect(paid).toMatchObject({ outcome: 'paid', providerStatus: 'PERFORMED', shopOrderId: 's-3' });
    expect(paid.maskedPan).toMatch(/\*{6}/);
  });

  it('error (declined) and the 1 h auto-cancel are declined', async () => {
    const a = await client.createOrder(orderRequest('s-4'));
    sim.markDeclined(a.orderId);
    expect((await client.status(a.orderId)).outcome).toBe('declined');
    const b = await client.createOrder(orderRequest('s-5'));
    clock.advance(HOUR);
    expect((await client.status(b.orderId)).outcome).toBe('declined');
  });

  it('an unknown order is rejected as not found', async () => {
    const error = await providerFailure(client.status('0000deadbeef'));
    expect(error).toMatchObject({ kind: 'rejected', status: 404 });
    expect(error.message).toMatch(/order not found/);
  });
});

describe('iPay refund (form-encoded, empty 200 body)', () => {
  it('partial then full refund of the rest', async () => {
    const { orderId } = await client.createOrder(orderRequest('s-6'));
    sim.markPaid(orderId);
    await client.refund(orderId, tetri(500));
    const req = sim.requests.at(-1);
    expect(req?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(req?.body).toEqual({ order_id: orderId, amount: '5.00' });
    expect(sim.order(orderId)?.refunded).toBe(500);
    await client.refund(orderId);
    expect(sim.requests.at(-1)?.body).toEqual({ order_id: orderId });
    expect(sim.order(orderId)?.refunded).toBe(ITEMS_TOTAL);
  });

  it('an unpaid order, a partial amount not below the paid amount, and a second full refund are rejected', async () => {
    const { orderId } = await client.createOrder(orderRequest('s-7'));
    expect(await providerFailure(client.refund(orderId))).toMatchObject({ kind: 'rejected', status: 400 });
    sim.markPaid(orderId);
    expect(await providerFailure(client.refund(orderId, tetri(ITEMS_TOTAL)))).toMatchObject({ status: 400 });
    await client.refund(orderId);
    const again = await providerFailure(client.refund(orderId));
    expect(again.message).toMatch(/already refunded/);
  });
});

describe('iPay pre-auth completion', () => {
  async function held(key: string): Promise<string> {
    const { orderId } = await client.createOrder(orderRequest(key, 'manual'));
    sim.markPaid(orderId);
    expect((await client.status(orderId)).outcome).toBe('authorized');
    return orderId;
  }

  it('FULL_COMPLETE captures the hold', async () => {
    const orderId = await held('p-1');
    await client.completion(orderId, { type: 'full' });
    expect(lastBody('/pre-auth/completion')).toEqual({ auth_type: 'FULL_COMPLETE' });
    expect((await client.status(orderId)).outcome).toBe('paid');
  });

  it('PARTIAL_COMPLETE sends the amount; CANCEL releases', async () => {
    const a = await held('p-2');
    await client.completion(a, { type: 'partial', amount: tetri(1000) });
    expect(lastBody('/pre-auth/completion')).toEqual({ auth_type: 'PARTIAL_COMPLETE', amount: '10.00' });
    expect(sim.order(a)?.captured).toBe(1000);
    const b = await held('p-3');
    await client.completion(b, { type: 'cancel' });
    expect((await client.status(b)).outcome).toBe('cancelled');
  });

  it('completing an order that is not a pre-auth is rejected', async () => {
    const { orderId } = await client.createOrder(orderRequest('p-4'));
    sim.markPaid(orderId);
    const error = await providerFailure(client.completion(orderId, { type: 'full' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
    expect(error.message).toMatch(/not a pre-authorised payment/);
  });
});
