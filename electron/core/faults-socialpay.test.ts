/**
 * SocialPay fault matrix (docs/payment-outcomes.md): transport faults and timeouts on create and check, and the
 * business answers, for a QR and a phone invoice. Every cell ends in a final state or in `unknown` with a
 * manager's resolution as its exit, a failed create is probed at most three times, and the sale can always be
 * finished afterwards (resolved and/or paid in cash).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment, PaymentMethod, PaymentState } from '../../shared/domain';
import { SocialpaySettingsSchema } from '../../shared/settings/socialpay';
import { ManualClock } from '../kernel/testing/manual-clock';
import { socialpayPaymentProvider } from '../payments/adapters/socialpay';
import { createSocialpayClient, SOCIALPAY_PATHS } from '../providers/socialpay/client';
import { startSocialpaySimulator, type SocialpaySimulator } from '../providers/socialpay/simulator';
import { testContext } from '../providers/testing/context';
import { faultRig, SETTLED_OR_MANAGER, type FaultRig } from '../testing/fault-rig';

const PHONE = '99112233';
const CREATES = /^\/pos\/invoice\/(qr|qr\/deeplink|phone)$/;

let sim: SocialpaySimulator;
let rig: FaultRig;

beforeEach(async () => {
  sim = await startSocialpaySimulator();
  const clock = new ManualClock(Date.now());
  const { ctx } = testContext(
    { 'socialpay.checksumKey': sim.sandbox.secrets['socialpay.checksumKey'] },
    { timeoutMs: 300, clock },
  );
  const client = createSocialpayClient(ctx, SocialpaySettingsSchema.parse(sim.sandbox.settings));
  rig = faultRig({
    country: 'MN',
    providerId: 'socialpay',
    provider: socialpayPaymentProvider(client),
    requests: sim.requests,
    clock,
  });
});

afterEach(async () => {
  await rig.close();
  await sim.close();
});

/** A documented error envelope (header.code ≠ 200, body.error) as the bank sends it on a refused request. */
function refusal(errorType: string) {
  return {
    status: 200,
    body: {
      header: { status: 'FAIL', code: 400 },
      body: { error: { errorDesc: `${errorType} (simulated)`, errorType } },
    },
  };
}

interface Cell {
  name: string;
  method: PaymentMethod;
  arrange?: (sim: SocialpaySimulator) => void;
  afterStart?: (sim: SocialpaySimulator, payment: Payment) => void;
  /** Where the payment must end. */
  ends: PaymentState;
  /** Whether the start's outcome was lost (the probes are counted then). */
  lost?: boolean;
}

const createPathOf = (method: PaymentMethod): string =>
  method === 'socialpay.phone' ? SOCIALPAY_PATHS.phone : SOCIALPAY_PATHS.qr;

const CELLS: Cell[] = (['socialpay.qr', 'socialpay.phone'] as const).flatMap((method): Cell[] => {
  const create = createPathOf(method);
  return [
    // Transport before the bank handled the create: nothing exists there; the probes find nothing.
    {
      name: 'create: reset before handling',
      method,
      arrange: (s) => {
        s.failOn(create, 'reset');
      },
      ends: 'abandoned',
      lost: true,
    },
    {
      name: 'create: timeout before handling',
      method,
      arrange: (s) => {
        s.failOn(create, 'hang');
      },
      ends: 'abandoned',
      lost: true,
    },
    {
      name: 'create: HTTP 500',
      method,
      arrange: (s) => {
        s.failOn(create, 'http500');
      },
      ends: 'abandoned',
      lost: true,
    },
    {
      name: 'create: HTML error page',
      method,
      arrange: (s) => {
        s.failOn(create, 'html');
      },
      ends: 'abandoned',
      lost: true,
    },
    {
      name: 'create: malformed JSON',
      method,
      arrange: (s) => {
        s.failOn(create, 'malformed-json');
      },
      ends: 'abandoned',
      lost: true,
    },
    // The invoice was created and the answer lost: the first probe finds it waiting; unpaid, it expires.
    {
      name: 'create: answer lost (reset after)',
      method,
      arrange: (s) => {
        s.failOn(create, 'reset-after');
      },
      ends: 'expired',
      lost: true,
    },
    {
      name: 'create: answer lost (timeout after)',
      method,
      arrange: (s) => {
        s.failOn(create, 'hang-after');
      },
      ends: 'expired',
      lost: true,
    },
    // ...and the customer pays it meanwhile.
    {
      name: 'create: answer lost, the customer pays',
      method,
      arrange: (s) => {
        s.failOn(create, 'reset-after');
      },
      afterStart: (s, p) => {
        s.markPaid(p.idempotencyKey);
      },
      ends: 'paid',
      lost: true,
    },
    // Answer lost and the bank cannot be asked at all: a QR nobody saw is closed; a phone invoice waits for a manager.
    {
      name: 'create: answer lost, every check fails',
      method,
      arrange: (s) => {
        s.failOn(create, 'reset-after');
        s.failOn(SOCIALPAY_PATHS.check, 'reset', 50);
        s.failOn(SOCIALPAY_PATHS.cancelInvoice, 'reset', 50);
      },
      ends: method === 'socialpay.phone' ? 'unknown' : 'abandoned',
      lost: true,
    },
    {
      name: 'create: nothing created, every check times out',
      method,
      arrange: (s) => {
        s.failOn(create, 'reset');
        s.failOn(SOCIALPAY_PATHS.check, 'hang', 50);
      },
      ends: method === 'socialpay.phone' ? 'unknown' : 'abandoned',
      lost: true,
    },
    // Business refusals of the create: declined at once, never asked about.
    ...['VALIDATION', 'CHECKSUM', 'TERMINAL', 'DUPLICATE', 'STATE', 'AMOUNT'].map((code): Cell => ({
      name: `create refused: ${code}`,
      method,
      arrange: (s) => {
        s.replyOn(create, refusal(code));
      },
      ends: 'declined',
    })),
    // Checks failing for a while once the invoice is waiting: it keeps waiting and ends by itself.
    {
      name: 'check: HTTP 500 and timeouts while waiting',
      method,
      arrange: (s) => {
        s.failOn(SOCIALPAY_PATHS.check, 'http500', 5);
        s.failOn(SOCIALPAY_PATHS.check, 'hang', 3);
      },
      afterStart: (s, p) => {
        s.markPaid(p.idempotencyKey);
      },
      ends: 'paid',
    },
    // The bank's answers to a check (resp_code): declined (05), expired (54), still waiting → expiry.
    {
      name: 'check: declined by the customer',
      method,
      afterStart: (s, p) => {
        s.markDeclined(p.idempotencyKey);
      },
      ends: 'declined',
    },
    {
      name: 'check: the invoice expired at the bank',
      method,
      afterStart: (s, p) => {
        s.markExpired(p.idempotencyKey);
      },
      ends: 'expired',
    },
    { name: 'check: never paid', method, ends: 'expired' },
  ];
});

describe('SocialPay fault matrix', () => {
  it.each(CELLS.map((c) => [`${c.method} · ${c.name}`, c] as const))('%s', async (_name, c) => {
    c.arrange?.(sim);
    const outcome = await rig.cell({
      method: c.method,
      ...(c.method === 'socialpay.phone' ? { phone: PHONE } : {}),
      creates: CREATES,
      asked: SOCIALPAY_PATHS.check,
      afterStart: (payment) => c.afterStart?.(sim, payment),
    });
    expect(SETTLED_OR_MANAGER).toContain(outcome.payment.state);
    expect(outcome.payment.state).toBe(c.ends);
    // One create per start, never re-sent; a lost start is asked about at most three times.
    expect(outcome.creates).toBe(1);
    expect(outcome.probes).toBeLessThanOrEqual(3);
    if (c.lost === true) {
      expect(outcome.states).toContain('unknown');
    } else {
      expect(outcome.probes).toBe(0);
    }
    await rig.finishSale(outcome.payment);
  });

  it('cancel right after a lost QR start closes it at once; the cashier starts again', async () => {
    sim.failOn(SOCIALPAY_PATHS.qr, 'reset');
    sim.failOn(SOCIALPAY_PATHS.check, 'reset', 5);
    sim.failOn(SOCIALPAY_PATHS.cancelInvoice, 'reset', 5);
    const outcome = await rig.cell({
      method: 'socialpay.qr',
      creates: CREATES,
      asked: SOCIALPAY_PATHS.check,
      runFor: 0,
    });
    expect(outcome.payment.state).toBe('unknown');
    const cancelled = (await rig.call('payment:cancel', { paymentId: outcome.payment.id })) as Payment;
    expect(cancelled.state).toBe('cancelled');
    const again = (await rig.call('payment:start', {
      saleId: cancelled.saleId,
      method: 'socialpay.qr',
    })) as Payment;
    expect(again.state).toBe('awaiting_customer');
  });

  it('retry of a lost QR start closes it and starts a new attempt under a new key', async () => {
    sim.failOn(SOCIALPAY_PATHS.qr, 'reset');
    const outcome = await rig.cell({
      method: 'socialpay.qr',
      creates: CREATES,
      asked: SOCIALPAY_PATHS.check,
      runFor: 0,
    });
    const retried = (await rig.call('payment:retry', { paymentId: outcome.payment.id })) as Payment;
    expect(retried).toMatchObject({ state: 'awaiting_customer', attempt: 2 });
    expect(rig.till.engine.get(outcome.payment.id).state).toBe('cancelled');
  });

  it('a stuck phone invoice: cancel needs the bank’s word (refused while it cannot be reached), void after a manager resolved it', async () => {
    sim.failOn(SOCIALPAY_PATHS.phone, 'reset-after');
    sim.failOn(SOCIALPAY_PATHS.check, 'reset', 50);
    sim.failOn(SOCIALPAY_PATHS.cancelInvoice, 'reset', 50);
    const outcome = await rig.cell({
      method: 'socialpay.phone',
      phone: PHONE,
      creates: CREATES,
      asked: SOCIALPAY_PATHS.check,
    });
    expect(outcome.payment.state).toBe('unknown');
    await expect(rig.call('payment:cancel', { paymentId: outcome.payment.id })).rejects.toMatchObject({
      code: 'provider.network',
    });
    await rig.call(
      'payment:resolve',
      { paymentId: outcome.payment.id, outcome: 'failed', reason: 'Invoice not in the portal' },
      'manager',
    );
    const voided = (await rig.call('sale:void', { saleId: outcome.payment.saleId })) as {
      sale: { status: string };
    };
    expect(voided.sale.status).toBe('voided');
  });
});
