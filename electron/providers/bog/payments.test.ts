import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { MINUTE } from '../../kernel/clock';
import type { BogClient } from './common';
import { bogFixture, ITEMS_TOTAL, orderRequest, tetri } from './fixture';
import { idempotencyUuid } from './input';
import type { BogSimulator } from './simulator';
import { providerFailure } from '../testing/context';

let sim: BogSimulator;
let client: BogClient;
const clock = new ManualClock();

beforeEach(async () => {
  ({ sim, client } = await bogFixture('payments', { clock }));
});
afterEach(async () => {
  await sim.close();
});

const orders = (): typeof sim.requests => sim.requests.filter((r) => r.path.endsWith('/ecommerce/orders'));

describe('Payments API create order', () => {
  it('sends the basket in GEL with Idempotency-Key and returns the redirect link', async () => {
    const order = await client.createOrder(orderRequest('sale-9-a1'));
    const req = orders()[0];
    expect(req?.headers['idempotency-key']).toBe(idempotencyUuid('sale-9-a1'));
    expect(req?.headers.authorization).toMatch(/^Bearer /);
    expect(req?.body).toMatchObject({
      external_order_id: 'sale-9-a1',
      capture: 'automatic',
      purchase_units: {
        currency: 'GEL',
        total_amount: 26.99,
        basket: [
          { product_id: 'SKU-1', quantity: 2, unit_price: 12.5 },
          { product_id: 'SKU-2', quantity: 1, unit_price: 1.99 },
        ],
      },
    });
    expect(req?.rawBody).toContain('"total_amount":26.99');
    expect(sim.order(order.orderId)?.amount).toBe(ITEMS_TOTAL);
    expect(order.approveUrl).toContain(order.orderId);
    expect(order.expiresAt).toBe(clock.now() + 15 * MINUTE);
    expect(sim.tokenRequests('payments')).toBe(1);
  });

  it('a retried attempt replays the same order (same key, same UUID), never a second one', async () => {
    const first = await client.createOrder(orderRequest('sale-10-a1'));
    const again = await client.createOrder(orderRequest('sale-10-a1'));
    expect(again.orderId).toBe(first.orderId);
    const other = await client.createOrder(orderRequest('sale-10-a2'));
    expect(other.orderId).not.toBe(first.orderId);
  });

  it('the same key with a different basket is a 409 conflict', async () => {
    await client.createOrder(orderRequest('sale-11-a1'));
    const error = await providerFailure(
      client.createOrder({
        idempotencyKey: 'sale-11-a1',
        items: [{ productId: 'x', description: 'x', quantity: 1, unitPrice: tetri(1) }],
      }),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 409, code: 'conflict' });
  });
});

describe('Payments API receipt (status)', () => {
  it('created → completed', async () => {
    const { orderId } = await client.createOrder(orderRequest('r-1'));
    expect(await client.status(orderId)).toMatchObject({ outcome: 'pending', providerStatus: 'created' });
    sim.markPaid(orderId);
    const paid = await client.status(orderId);
    expect(paid).toMatchObject({
      outcome: 'paid',
      providerStatus: 'completed',
      shopOrderId: 'r-1',
      paymentMethod: 'card',
    });
    expect(paid.maskedPan).toMatch(/\*{6}/);
  });

  it('declined and expired are rejected → declined', async () => {
    const a = await client.createOrder(orderRequest('r-2'));
    sim.markDeclined(a.orderId);
    expect((await client.status(a.orderId)).outcome).toBe('declined');
    const b = await client.createOrder(orderRequest('r-3'));
    sim.markExpired(b.orderId);
    expect((await client.status(b.orderId)).providerStatus).toBe('rejected');
  });

  it('an unknown order is 404', async () => {
    expect(await providerFailure(client.status('nope'))).toMatchObject({
      kind: 'rejected',
      status: 404,
      code: 'not_found',
    });
  });
});

describe('Payments API refund', () => {
  it('partial then the rest', async () => {
    const { orderId } = await client.createOrder(orderRequest('f-1'));
    sim.markPaid(orderId);
    await client.refund(orderId, tetri(699));
    expect(sim.requests.at(-1)?.body).toEqual({ amount: 6.99 });
    expect((await client.status(orderId)).outcome).toBe('partially_refunded');
    await client.refund(orderId);
    expect(sim.requests.filter((r) => r.path.includes('/payment/refund/')).at(-1)?.body).toEqual({});
    expect((await client.status(orderId)).outcome).toBe('refunded');
  });

  it('refunding an unpaid or fully refunded order is 422; too much is 400', async () => {
    const { orderId } = await client.createOrder(orderRequest('f-2'));
    expect(await providerFailure(client.refund(orderId))).toMatchObject({ status: 422, code: 'state' });
    sim.markPaid(orderId);
    expect(await providerFailure(client.refund(orderId, tetri(ITEMS_TOTAL + 1)))).toMatchObject({
      status: 400,
    });
    await client.refund(orderId);
    expect(await providerFailure(client.refund(orderId))).toMatchObject({ status: 422 });
  });
});

describe('Payments API pre-auth', () => {
  async function held(key: string): Promise<string> {
    const { orderId } = await client.createOrder(orderRequest(key, 'manual'));
    expect(orders().at(-1)?.body).toMatchObject({ capture: 'manual' });
    sim.markPaid(orderId);
    expect((await client.status(orderId)).outcome).toBe('authorized');
    return orderId;
  }

  it('approve in full, approve partly, cancel', async () => {
    const a = await held('h-1');
    await client.completion(a, { type: 'full' });
    expect((await client.status(a)).providerStatus).toBe('completed');
    const b = await held('h-2');
    await client.completion(b, { type: 'partial', amount: tetri(1000) });
    expect(sim.requests.filter((r) => r.path.includes('/approve/')).at(-1)?.body).toEqual({ amount: 10 });
    expect(await client.status(b)).toMatchObject({ outcome: 'paid', providerStatus: 'partial_completed' });
    const c = await held('h-3');
    await client.completion(c, { type: 'cancel' });
    expect(sim.order(c)?.state).toBe('released');
  });

  it('approving an order that is not blocked is 422', async () => {
    const { orderId } = await client.createOrder(orderRequest('h-4'));
    expect(await providerFailure(client.completion(orderId, { type: 'full' }))).toMatchObject({
      status: 422,
    });
  });
});

describe('Payments API token', () => {
  it('is cached across calls and re-fetched once on a 401', async () => {
    const { orderId } = await client.createOrder(orderRequest('k-1'));
    await client.status(orderId);
    expect(sim.tokenRequests('payments')).toBe(1);
    sim.expireTokens();
    await client.status(orderId);
    expect(sim.tokenRequests('payments')).toBe(2);
  });

  it('a wrong client secret is an auth error at the token call', async () => {
    sim.sandbox.secrets['bog.paymentsClientSecret'] = 'wrong';
    expect(await providerFailure(client.createOrder(orderRequest('k-2')))).toMatchObject({
      kind: 'auth',
      status: 401,
    });
    expect(orders()).toHaveLength(0);
  });
});
