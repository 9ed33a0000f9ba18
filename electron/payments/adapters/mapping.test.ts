/** Pocket and BoG adapters over stub clients: the status mapping and which reference each call uses. */
import { describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import type { BogClient, BogStatus } from '../../providers/bog/client';
import { ProviderError } from '../../providers/errors';
import type { PocketClient, PocketStatus } from '../../providers/pocket/client';
import { bogPaymentProvider } from './bog';
import { pocketPaymentProvider } from './pocket';

const MNT = money(5000, 'MNT');
const GEL = money(1250, 'GEL');
const notFound = new ProviderError({ provider: 'x', kind: 'rejected', status: 404, message: 'not found' });

function pocketStub(calls: string[], state: string, outcome: PocketStatus['status']): PocketClient {
  const status = (how: string) => (id: string) => {
    calls.push(`${how}:${id}`);
    return id === 'missing'
      ? Promise.reject(notFound)
      : Promise.resolve({
          status: outcome,
          state,
          invoiceId: 'inv1',
          amount: MNT,
          messages: { en: `state ${state}`, mn: '' },
        });
  };
  return {
    createInvoice: (req: { orderNumber: string }) =>
      Promise.resolve({
        invoiceId: 'inv1',
        orderNumber: req.orderNumber,
        qr: 'pocket-qr',
        deeplink: 'pocket://x',
      }),
    statusByInvoiceId: status('invoice'),
    statusByOrderNumber: status('order'),
  } as unknown as PocketClient;
}

describe('Pocket adapter', () => {
  it('starts under our order number and reads status by invoice id, or by order number while unknown', async () => {
    const calls: string[] = [];
    const p = pocketPaymentProvider(pocketStub(calls, 'PAID', 'paid'));
    expect(
      await p.start({ method: 'pocket.qr', idempotencyKey: 'S1A1', amount: MNT, description: 'd' }),
    ).toEqual({
      providerRef: 'inv1',
      qr: 'pocket-qr',
      deeplink: 'pocket://x',
    });
    expect(
      (await p.status({ method: 'pocket.qr', idempotencyKey: 'S1A1', providerRef: 'inv1', amount: MNT }))
        .status,
    ).toBe('paid');
    expect((await p.status({ method: 'pocket.qr', idempotencyKey: 'S1A1', amount: MNT })).status).toBe(
      'paid',
    );
    expect((await p.status({ method: 'pocket.qr', idempotencyKey: 'missing', amount: MNT })).status).toBe(
      'not_found',
    );
    expect(calls).toEqual(['invoice:inv1', 'order:S1A1', 'order:missing']);
    expect(p.capabilities).toMatchObject({ cancel: false, refund: false });
  });

  it('maps failed states: cancelled → cancelled, the rest → declined with the text', async () => {
    const cancelled = pocketPaymentProvider(pocketStub([], 'cancelled', 'failed'));
    expect(await cancelled.status({ method: 'pocket.qr', idempotencyKey: 'k', amount: MNT })).toMatchObject({
      status: 'cancelled',
    });
    const rejected = pocketPaymentProvider(pocketStub([], 'rejected', 'failed'));
    expect(await rejected.status({ method: 'pocket.qr', idempotencyKey: 'k', amount: MNT })).toMatchObject({
      status: 'declined',
      reason: 'state rejected',
    });
  });
});

function bogStub(outcome: BogStatus['outcome'], log: unknown[]): BogClient {
  return {
    createOrder: (req: unknown) => {
      log.push(req);
      return Promise.resolve({ orderId: 'ord1', approveUrl: 'https://bog/approve', expiresAt: 99 });
    },
    status: (id: string) =>
      Promise.resolve({ orderId: id, outcome, providerStatus: outcome, messages: { en: outcome, mn: '' } }),
    refund: (id: string, amount?: unknown) => {
      log.push(['refund', id, amount]);
      return Promise.resolve();
    },
  } as unknown as BogClient;
}

describe('BoG adapter', () => {
  it('one item for the attempt amount; the approve link is the QR; expiry from BoG', async () => {
    const log: unknown[] = [];
    const p = bogPaymentProvider(bogStub('paid', log));
    expect(
      await p.start({ method: 'bog.qr', idempotencyKey: 'S1A1', amount: GEL, description: 'Sale #1' }),
    ).toEqual({
      providerRef: 'ord1',
      qr: 'https://bog/approve',
      expiresAt: 99,
    });
    expect(log[0]).toEqual({
      idempotencyKey: 'S1A1',
      items: [{ productId: 'S1A1', description: 'Sale #1', quantity: 1, unitPrice: GEL }],
    });
  });

  it.each([
    ['pending', 'pending'],
    ['authorized', 'pending'],
    ['paid', 'paid'],
    ['partially_refunded', 'paid'],
    ['declined', 'declined'],
    ['cancelled', 'cancelled'],
  ] as const)('status %s → %s', async (outcome, expected) => {
    const p = bogPaymentProvider(bogStub(outcome, []));
    expect(
      (await p.status({ method: 'bog.qr', idempotencyKey: 'k', providerRef: 'ord1', amount: GEL })).status,
    ).toBe(expected);
  });

  it('without an order id it cannot ask (the payment stays unknown, never re-sent); full vs partial refund', async () => {
    const log: unknown[] = [];
    const p = bogPaymentProvider(bogStub('paid', log));
    await expect(p.status({ method: 'bog.qr', idempotencyKey: 'k', amount: GEL })).rejects.toBeInstanceOf(
      ProviderError,
    );
    await p.refund({ method: 'bog.qr', idempotencyKey: 'k', providerRef: 'ord1', amount: GEL }, GEL, 'kR1');
    await p.refund(
      { method: 'bog.qr', idempotencyKey: 'k', providerRef: 'ord1', amount: GEL },
      money(250, 'GEL'),
      'kR2',
    );
    expect(log).toEqual([
      ['refund', 'ord1', undefined],
      ['refund', 'ord1', money(250, 'GEL')],
    ]);
  });
});
