/**
 * Callbacks are hints, never outcomes. iPay's are matched by order_id + payment_hash; the Payments API's are
 * RSA-signed and verified on the raw bytes before parsing. A rejected callback sends nothing and changes nothing.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnownOrderLookup } from './common';
import { bogFixture, orderRequest, type BogFixture } from './fixture';
import { checkIpayCallback } from './ipay/callback';
import { checkPaymentsCallback } from './payments/callback';

let fx: BogFixture | undefined;
afterEach(async () => {
  await fx?.sim.close();
  fx = undefined;
});

describe('iPay callback (form body, matched by order_id + payment_hash)', () => {
  it('a matching callback triggers a status read, whose answer — not the callback — is the outcome', async () => {
    fx = await bogFixture('ipay');
    const order = await fx.client.createOrder(orderRequest('cb-1'));
    fx.sim.markPaid(order.orderId);
    const rawBody = fx.sim.ipayCallback(order.orderId);
    // The bank's view changes after the callback was built: the re-read wins.
    fx.sim.markDeclined(order.orderId);
    const known: KnownOrderLookup = (id) =>
      id === order.orderId ? { paymentHash: order.paymentHash ?? '' } : undefined;
    const before = fx.sim.requests.length;
    const result = await fx.client.handleCallback({ rawBody, headers: {} }, known);
    expect(result).toMatchObject({ accepted: true, status: { outcome: 'declined' } });
    expect(fx.sim.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('a wrong payment_hash, an unknown order or a malformed body is refused without any request', async () => {
    fx = await bogFixture('ipay');
    const order = await fx.client.createOrder(orderRequest('cb-2'));
    const good = fx.sim.ipayCallback(order.orderId);
    const known: KnownOrderLookup = (id) =>
      id === order.orderId ? { paymentHash: order.paymentHash ?? '' } : undefined;
    const forged = good.replace(/payment_hash=[^&]+/, 'payment_hash=0000');
    const before = fx.sim.requests.length;
    expect(await fx.client.handleCallback({ rawBody: forged, headers: {} }, known)).toMatchObject({
      accepted: false,
    });
    expect(checkIpayCallback(good, () => undefined)).toEqual({
      accepted: false,
      reason: 'callback for an order this till did not create',
    });
    expect(checkIpayCallback('status=success', known)).toMatchObject({ accepted: false });
    expect(checkIpayCallback(good, known)).toEqual({ accepted: true, orderId: order.orderId });
    expect(fx.sim.requests.length).toBe(before);
  });
});

describe('Payments API callback (Callback-Signature, RSA-SHA256 over the raw body)', () => {
  it('a genuine callback is accepted and the status is re-read', async () => {
    fx = await bogFixture('payments');
    const { orderId } = await fx.client.createOrder(orderRequest('cb-3'));
    fx.sim.markPaid(orderId);
    const { rawBody, headers } = fx.sim.signedCallback(orderId);
    const result = await fx.client.handleCallback({ rawBody, headers }, (id) =>
      id === orderId ? {} : undefined,
    );
    expect(result).toMatchObject({ accepted: true, status: { orderId, outcome: 'paid' } });
  });

  it('a bad signature is rejected before parsing and changes nothing', async () => {
    fx = await bogFixture('payments');
    const { orderId } = await fx.client.createOrder(orderRequest('cb-4'));
    const known: KnownOrderLookup = (id) => (id === orderId ? {} : undefined);
    const genuine = fx.sim.signedCallback(orderId);
    // Tampered: claims "completed" while the order is unpaid, under the signature of the genuine body.
    const tampered = genuine.rawBody.replace('"key":"created"', '"key":"completed"');
    expect(tampered).not.toBe(genuine.rawBody);
    // Signed by someone else's key.
    const stranger = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const foreignSig = sign('sha256', Buffer.from(genuine.rawBody), stranger).toString('base64');
    const stateBefore = structuredClone(fx.sim.order(orderId));
    const requestsBefore = fx.sim.requests.length;
    let lookups = 0;
    const counting: KnownOrderLookup = (id) => {
      lookups += 1;
      return known(id);
    };

    const attempts = [
      { rawBody: tampered, headers: genuine.headers },
      { rawBody: genuine.rawBody, headers: { 'callback-signature': foreignSig } },
      { rawBody: genuine.rawBody, headers: {} },
      { rawBody: genuine.rawBody, headers: { 'callback-signature': 'not base64 !' } },
      // Not even JSON: must be refused by the signature check, never reach a parser.
      { rawBody: '{"event":', headers: genuine.headers },
    ];
    for (const input of attempts) {
      const result = await fx.client.handleCallback(input, counting);
      expect(result.accepted).toBe(false);
    }
    expect(lookups).toBe(0);
    expect(fx.sim.requests.length).toBe(requestsBefore);
    expect(fx.sim.order(orderId)).toEqual(stateBefore);
    expect((await fx.client.status(orderId)).outcome).toBe('pending');
  });

  it('no configured key refuses everything; a signed callback for an unknown order is refused', async () => {
    fx = await bogFixture('payments');
    const { orderId } = await fx.client.createOrder(orderRequest('cb-5'));
    const { rawBody, headers } = fx.sim.signedCallback(orderId);
    const signature = headers['callback-signature'];
    expect(checkPaymentsCallback({ rawBody, signature }, '', () => ({}))).toMatchObject({ accepted: false });
    expect(checkPaymentsCallback({ rawBody, signature }, fx.sim.callbackPublicKey, () => undefined)).toEqual({
      accepted: false,
      reason: 'callback for an order this till did not create',
    });
    expect(checkPaymentsCallback({ rawBody, signature }, fx.sim.callbackPublicKey, () => ({}))).toEqual({
      accepted: true,
      orderId,
    });
  });

  it('sendCallback posts the signed bytes a receiver can verify', async () => {
    fx = await bogFixture('payments');
    const { orderId } = await fx.client.createOrder(orderRequest('cb-6'));
    const { startSimulatorServer } = await import('../simulator-kit');
    const publicKey = fx.sim.callbackPublicKey;
    const receiver = await startSimulatorServer((req) => {
      const sig = req.headers['callback-signature'];
      const check = checkPaymentsCallback(
        { rawBody: req.rawBody, signature: typeof sig === 'string' ? sig : undefined },
        publicKey,
        () => ({}),
      );
      return { status: check.accepted ? 200 : 400 };
    });
    try {
      expect(await fx.sim.sendCallback(receiver.url, orderId)).toBe(200);
    } finally {
      await receiver.close();
    }
  });
});
