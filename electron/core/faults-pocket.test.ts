/**
 * Pocket fault matrix (docs/payment-outcomes.md): transport faults and timeouts on the token endpoint, the
 * invoice create and the status reads, and the documented HTTP refusals (400, 401, 403, 404, 409). Every cell
 * ends final (or unknown with a manager's exit), a failed create is asked about at most three times, a token
 * failure declines (the invoice request never left), and the sale can always be finished.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../shared/domain';
import { PocketSettingsSchema } from '../../shared/settings/pocket';
import { ManualClock } from '../kernel/testing/manual-clock';
import { pocketPaymentProvider } from '../payments/adapters/pocket';
import { createPocketClient } from '../providers/pocket/client';
import { startPocketSimulator, type PocketSimulator } from '../providers/pocket/simulator';
import { testContext } from '../providers/testing/context';
import {
  faultRig,
  SETTLED_OR_MANAGER,
  TRANSPORT_FAULTS,
  tokenFailureCells,
  type FaultRig,
} from '../testing/fault-rig';

const TOKEN = /openid-connect\/token$/;
const CREATE = /generate-invoice$/;
const STATUS = /invoices\/(invoice-id|order-number)$/;

let sim: PocketSimulator;
let rig: FaultRig;

beforeEach(async () => {
  sim = await startPocketSimulator();
  const clock = new ManualClock(Date.now());
  const { ctx } = testContext(sim.sandbox.secrets, { timeoutMs: 300, clock });
  rig = faultRig({
    country: 'MN',
    providerId: 'pocket',
    provider: pocketPaymentProvider(
      createPocketClient(ctx, PocketSettingsSchema.parse(sim.sandbox.settings)),
    ),
    requests: sim.requests,
    clock,
  });
});

afterEach(async () => {
  await rig.close();
  await sim.close();
});

interface Cell {
  name: string;
  arrange?: (sim: PocketSimulator) => void;
  afterStart?: (sim: PocketSimulator, payment: Payment) => void;
  ends: PaymentState;
  /** The start's outcome was lost (it passed through `unknown`). */
  lost?: boolean;
  /** The create request reached the simulator this many times (0: the token failed first). */
  creates?: number;
}

const reply = (status: number) => ({ status, body: { message: `HTTP ${String(status)} (simulated)` } });

const CELLS: Cell[] = [
  // The token endpoint fails: the invoice request never left → declined, never asked about.
  ...tokenFailureCells(TOKEN, { status: 401, body: { error: 'invalid_client' } }),
  // The create fails before Pocket handled it: nothing to find → abandoned after the probes.
  ...TRANSPORT_FAULTS.map((f): Cell => ({
    name: `create: ${f}`,
    arrange: (s) => {
      s.failOn(CREATE, f);
    },
    ends: 'abandoned',
    lost: true,
  })),
  // Handled, answer lost: the first probe (by order number) finds it; unpaid, it expires.
  {
    name: 'create: answer lost (reset after)',
    arrange: (s) => {
      s.failOn(CREATE, 'reset-after');
    },
    ends: 'expired',
    lost: true,
  },
  {
    name: 'create: answer lost (timeout after)',
    arrange: (s) => {
      s.failOn(CREATE, 'hang-after');
    },
    ends: 'expired',
    lost: true,
  },
  // Handled, answer lost and the status cannot be read: the QR nobody saw is closed.
  {
    name: 'create: answer lost, every status read fails',
    arrange: (s) => {
      s.failOn(CREATE, 'reset-after');
      s.failOn(STATUS, 'hang', 50);
    },
    ends: 'abandoned',
    lost: true,
  },
  // Documented refusals of the create → declined (401 twice: the one re-auth is refused too).
  ...[400, 403, 404, 409].map((status): Cell => ({
    name: `create refused: HTTP ${String(status)}`,
    arrange: (s) => {
      s.replyOn(CREATE, reply(status));
    },
    ends: 'declined',
  })),
  {
    name: 'create refused: HTTP 401 twice',
    arrange: (s) => {
      s.replyOn(CREATE, reply(401), 2);
    },
    ends: 'declined',
  },
  // Status faults and answers while the customer has the QR.
  {
    name: 'status: 500s and timeouts while waiting, then paid',
    arrange: (s) => {
      s.failOn(STATUS, 'http500', 4);
      s.failOn(STATUS, 'hang', 2);
    },
    afterStart: (s, p) => {
      s.markPaid(p.providerRef ?? '');
    },
    ends: 'paid',
  },
  {
    name: 'status: declined by the customer',
    afterStart: (s, p) => {
      s.markDeclined(p.providerRef ?? '');
    },
    ends: 'declined',
  },
  {
    name: 'status: cancelled at Pocket',
    afterStart: (s, p) => {
      s.markExpired(p.providerRef ?? '');
    },
    ends: 'cancelled',
  },
  { name: 'status: never paid', ends: 'expired' },
];

describe('Pocket fault matrix', () => {
  it.each(CELLS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    c.arrange?.(sim);
    const outcome = await rig.cell({
      method: 'pocket.qr',
      creates: CREATE,
      asked: STATUS,
      afterStart: (payment) => c.afterStart?.(sim, payment),
    });
    expect(SETTLED_OR_MANAGER).toContain(outcome.payment.state);
    expect(outcome.payment.state).toBe(c.ends);
    expect(outcome.creates).toBe(c.creates ?? (c.name.includes('401 twice') ? 2 : 1));
    expect(outcome.probes).toBeLessThanOrEqual(3);
    expect(outcome.states.includes('unknown')).toBe(c.lost === true);
    if (c.creates === 0) {
      expect(outcome.payment.reason).toBeTruthy();
    }
    await rig.finishSale(outcome.payment);
  });

  it('a token failure is declined at once: the cashier retries as soon as the token works', async () => {
    sim.failOn(TOKEN, 'hang');
    const outcome = await rig.cell({ method: 'pocket.qr', creates: CREATE, asked: STATUS, runFor: 0 });
    expect(outcome.payment.state).toBe('declined');
    const retried = (await rig.call('payment:retry', { paymentId: outcome.payment.id })) as Payment;
    expect(retried.state).toBe('awaiting_customer');
  });
});
