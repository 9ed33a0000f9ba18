/**
 * Bank of Georgia fault matrix, for both APIs (docs/payment-outcomes.md): transport faults and timeouts on the
 * token endpoint, the order create and the status read, and the documented HTTP refusals. A lost order create is
 * re-sent on the Payments API under the same Idempotency-Key (BoG answers with the first order, never a second
 * one); iPay has no such key, so a lost create is closed as abandoned (its approve link was never shown). Every
 * cell ends final (or unknown with a manager's exit), at most three probes per failed create, and the sale can
 * always be finished.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../shared/domain';
import type { BogApi } from '../../shared/settings/bog';
import { MINUTE } from '../kernel/clock';
import { ManualClock } from '../kernel/testing/manual-clock';
import { bogPaymentProvider } from '../payments/adapters/bog';
import { bogFixture } from '../providers/bog/fixture';
import type { BogSimulator } from '../providers/bog/simulator';
import {
  faultRig,
  SETTLED_OR_MANAGER,
  TRANSPORT_FAULTS,
  tokenFailureCells,
  type FaultRig,
} from '../testing/fault-rig';

const PATHS: Record<BogApi, { token: RegExp; create: RegExp; status: RegExp }> = {
  ipay: {
    token: /^\/opay\/api\/v1\/oauth2\/token$/,
    create: /^\/opay\/api\/v1\/checkout\/orders$/,
    status: /^\/opay\/api\/v1\/checkout\/payment\/[^/]+$/,
  },
  payments: {
    token: /openid-connect\/token$/,
    create: /^\/payments\/v1\/ecommerce\/orders$/,
    status: /^\/payments\/v1\/receipt\/[^/]+$/,
  },
};

const reply = (status: number) => ({ status, body: { message: `HTTP ${String(status)} (simulated)` } });

interface Cell {
  name: string;
  arrange?: (sim: BogSimulator) => void;
  afterStart?: (sim: BogSimulator, payment: Payment) => void;
  ends: PaymentState | readonly PaymentState[];
  lost?: boolean;
  /** How many create requests reach the simulator (default 1). */
  creates?: number;
}

function cellsFor(api: BogApi): Cell[] {
  const { token, create, status } = PATHS[api];
  // On the Payments API the first probe re-sends the order under its key: BoG's first answer (or, when the
  // first request never arrived, the order now) — the customer then has a QR that runs out unpaid: the till's
  // expiry, or BoG's own answer when its ttl passed first (iPay `error`, Payments `rejected`: declined).
  const unpaid: readonly PaymentState[] = ['expired', 'declined'];
  const afterLostCreate: PaymentState | readonly PaymentState[] = api === 'payments' ? unpaid : 'abandoned';
  const resent = api === 'payments' ? 2 : 1;
  return [
    ...tokenFailureCells(token, reply(401)),
    ...TRANSPORT_FAULTS.map((f): Cell => ({
      name: `create: ${f}`,
      arrange: (s) => {
        s.failOn(create, f);
      },
      ends: afterLostCreate,
      lost: true,
      creates: resent,
    })),
    {
      name: 'create: answer lost (reset after)',
      arrange: (s) => {
        s.failOn(create, 'reset-after');
      },
      ends: afterLostCreate,
      lost: true,
      creates: resent,
    },
    {
      name: 'create: answer lost (timeout after)',
      arrange: (s) => {
        s.failOn(create, 'hang-after');
      },
      ends: afterLostCreate,
      lost: true,
      creates: resent,
    },
    {
      name: 'create: answer lost, every re-send and status fails',
      arrange: (s) => {
        s.failOn(create, 'reset-after');
        s.failOn(create, 'reset', 10);
        s.failOn(status, 'reset', 50);
      },
      ends: 'abandoned',
      lost: true,
      creates: api === 'payments' ? 4 : 1,
    },
    ...[400, 403, 409, 422, 429].map((code): Cell => ({
      name: `create refused: HTTP ${String(code)}`,
      arrange: (s) => {
        s.replyOn(create, reply(code));
      },
      ends: 'declined',
    })),
    {
      name: 'create refused: HTTP 401 twice',
      arrange: (s) => {
        s.replyOn(create, reply(401), 2);
      },
      ends: 'declined',
      creates: 2,
    },
    {
      name: 'status: 500s and timeouts while waiting, then paid',
      arrange: (s) => {
        s.failOn(status, 'http500', 4);
        s.failOn(status, 'hang', 2);
      },
      afterStart: (s, p) => {
        s.markPaid(p.providerRef ?? '');
      },
      ends: 'paid',
    },
    {
      name: 'status: declined',
      afterStart: (s, p) => {
        s.markDeclined(p.providerRef ?? '');
      },
      ends: 'declined',
    },
    {
      name: 'status: expired at BoG',
      afterStart: (s, p) => {
        s.markExpired(p.providerRef ?? '');
      },
      ends: ['expired', 'cancelled', 'declined'],
    },
    { name: 'status: never paid', ends: unpaid },
  ];
}

describe.each(['ipay', 'payments'] as const)('BoG %s fault matrix', (api) => {
  let sim: BogSimulator;
  let rig: FaultRig;

  beforeEach(async () => {
    const clock = new ManualClock(Date.now());
    const fx = await bogFixture(api, { timeoutMs: 300, clock });
    sim = fx.sim;
    rig = faultRig({
      country: 'GE',
      providerId: 'bog',
      provider: bogPaymentProvider(fx.client),
      requests: sim.requests,
      clock,
    });
  });

  afterEach(async () => {
    await rig.close();
    await sim.close();
  });

  it.each(cellsFor(api).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    c.arrange?.(sim);
    const outcome = await rig.cell({
      method: 'bog.qr',
      creates: PATHS[api].create,
      // The probes of a lost create: status reads, and on the Payments API the re-sent create.
      asked:
        api === 'payments'
          ? new RegExp(`${PATHS[api].status.source}|${PATHS[api].create.source}`)
          : PATHS[api].status,
      runFor: (api === 'ipay' ? 62 : 17) * MINUTE,
      afterStart: (payment) => c.afterStart?.(sim, payment),
    });
    expect(SETTLED_OR_MANAGER).toContain(outcome.payment.state);
    expect(([] as PaymentState[]).concat(c.ends)).toContain(outcome.payment.state);
    expect(outcome.creates).toBe(c.creates ?? 1);
    expect(outcome.probes).toBeLessThanOrEqual(3);
    expect(outcome.states.includes('unknown')).toBe(c.lost === true);
    await rig.finishSale(outcome.payment);
  });

  if (api === 'payments') {
    it('a lost create is re-sent with the same body and Idempotency-Key; BoG answers with the first order', async () => {
      const createPath = PATHS.payments.create;
      sim.failOn(createPath, 'reset-after');
      const outcome = await rig.cell({
        method: 'bog.qr',
        creates: createPath,
        asked: createPath,
        runFor: 10_000,
      });
      expect(outcome.payment).toMatchObject({ state: 'awaiting_customer' });
      const creates = sim.requests.filter((r) => createPath.test(r.path));
      expect(creates).toHaveLength(2);
      expect(creates[1]?.headers['idempotency-key']).toBe(creates[0]?.headers['idempotency-key']);
      expect(creates[1]?.rawBody).toBe(creates[0]?.rawBody);
      // The order the till now shows is the one the first request created: the bank holds one order.
      expect(sim.order(outcome.payment.providerRef ?? '')).toMatchObject({ state: 'pending' });
      expect(outcome.payment.qr).toBeTruthy();
    });
  }
});
