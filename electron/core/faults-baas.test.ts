/**
 * Ipoteka BaaS microloan fault matrix (docs/payment-outcomes.md; error codes from the seed
 * ipoteka-baas-gateway.txt): transport faults and timeouts on the token endpoint, the pre-scoring request and
 * the status read, and every documented error code on pre-scoring. A loan application reaches the customer
 * without the till, so only the bank's answer settles a lost start: "Application not found" (1000) closes it,
 * silence leaves it unknown for a manager. At most three probes per failed start; the sale always finishes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../shared/domain';
import { ManualClock } from '../kernel/testing/manual-clock';
import { baasPaymentProvider, externalIdFor } from '../payments/adapters/baas';
import { baasFixture } from '../providers/baas/fixture';
import type { BaasSimulator } from '../providers/baas/simulator';
import {
  faultRig,
  SETTLED_OR_MANAGER,
  TRANSPORT_FAULTS,
  tokenFailureCells,
  type FaultRig,
} from '../testing/fault-rig';

const TOKEN = '/oauth2/token';
const CREATE = '/microloans/applications/pre-scoring/register';
const STATUS = '/microloans/applications/status';
const PHONE = '998901234567';

const applicationOf = (p: Payment): string => p.providerRef ?? externalIdFor(p.idempotencyKey);

interface Cell {
  name: string;
  arrange?: (sim: BaasSimulator) => void;
  afterStart?: (sim: BaasSimulator, payment: Payment) => void;
  ends: PaymentState;
  lost?: boolean;
  creates?: number;
}

const CELLS: Cell[] = [
  // The token never came: the application request never left → declined.
  ...tokenFailureCells(TOKEN, { status: 401, body: { error: 'unauthorized' } }),
  // Pre-scoring lost before the bank registered it: the bank answers 1000 "not found" → abandoned.
  ...TRANSPORT_FAULTS.map((f): Cell => ({
    name: `pre-scoring: ${f}`,
    arrange: (s) => {
      s.failOn(CREATE, f);
    },
    ends: 'abandoned',
    lost: true,
  })),
  // Registered, answer lost: the first probe finds it in progress; the bank decides.
  {
    name: 'pre-scoring: answer lost, the bank approves',
    arrange: (s) => {
      s.failOn(CREATE, 'reset-after');
    },
    afterStart: (s, p) => {
      s.setApplicationStatus(applicationOf(p), 'APPROVED');
    },
    ends: 'paid',
    lost: true,
  },
  {
    name: 'pre-scoring: answer lost (timeout), the bank rejects',
    arrange: (s) => {
      s.failOn(CREATE, 'hang-after');
    },
    afterStart: (s, p) => {
      s.setApplicationStatus(applicationOf(p), 'REJECTED');
    },
    ends: 'declined',
    lost: true,
  },
  // Registered, answer lost, the bank cannot be asked: only its answer settles a loan → a manager's exit.
  {
    name: 'pre-scoring: answer lost, every status read fails',
    arrange: (s) => {
      s.failOn(CREATE, 'reset-after');
      s.failOn(STATUS, 'hang', 50);
    },
    ends: 'unknown',
    lost: true,
  },
  // Documented codes on pre-scoring.
  ...[2, 3, 4, 5].map((code): Cell => ({
    name: `code ${String(code)}: the request is refused as sent`,
    arrange: (s) => {
      s.errorNext(code);
    },
    ends: 'declined',
  })),
  ...[1, 1004, 1005].map((code): Cell => ({
    name: `code ${String(code)}: nothing registered, the bank says not found`,
    arrange: (s) => {
      s.errorNext(code);
    },
    ends: 'abandoned',
    lost: true,
  })),
  {
    name: 'code 1005, the status cannot be read either',
    arrange: (s) => {
      s.errorNext(1005);
      s.failOn(STATUS, 'reset', 50);
    },
    ends: 'unknown',
    lost: true,
  },
  ...[1000, 1006, 1007, 1008, 1009, 1011].map((code): Cell => ({
    name: `code ${String(code)}: a business refusal`,
    arrange: (s) => {
      s.errorNext(code);
    },
    ends: 'declined',
  })),
  {
    name: 'code 1002: overdue loans',
    arrange: (s) => {
      s.refuseScoring(PHONE, 1002);
    },
    ends: 'declined',
  },
  {
    name: 'code 1003: high risk',
    arrange: (s) => {
      s.refuseScoring(PHONE, 1003);
    },
    ends: 'declined',
  },
  // Status faults and answers while the bank decides.
  {
    name: 'status: 500s and timeouts, then approved',
    arrange: (s) => {
      s.failOn(STATUS, 'http500', 4);
      s.failOn(STATUS, 'hang', 2);
    },
    afterStart: (s, p) => {
      s.setApplicationStatus(applicationOf(p), 'APPROVED');
    },
    ends: 'paid',
  },
  {
    name: 'status: rejected',
    afterStart: (s, p) => {
      s.setApplicationStatus(applicationOf(p), 'REJECTED');
    },
    ends: 'declined',
  },
  { name: 'status: the bank never decides', ends: 'expired' },
];

describe('Ipoteka BaaS microloan fault matrix', () => {
  let sim: BaasSimulator;
  let rig: FaultRig;

  beforeEach(async () => {
    const clock = new ManualClock(Date.now());
    const fx = await baasFixture({ timeoutMs: 300, clock });
    sim = fx.sim;
    rig = faultRig({
      country: 'UZ',
      providerId: 'baas',
      provider: baasPaymentProvider(fx.client),
      requests: sim.requests,
      clock,
    });
  });

  afterEach(async () => {
    await rig.close();
    await sim.close();
  });

  it.each(CELLS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    c.arrange?.(sim);
    const outcome = await rig.cell({
      method: 'baas.microloan',
      phone: PHONE,
      creates: CREATE,
      asked: STATUS,
      afterStart: (payment) => c.afterStart?.(sim, payment),
    });
    expect(SETTLED_OR_MANAGER).toContain(outcome.payment.state);
    expect(outcome.payment.state).toBe(c.ends);
    expect(outcome.creates).toBe(c.creates ?? 1);
    expect(outcome.probes).toBeLessThanOrEqual(3);
    expect(outcome.states.includes('unknown')).toBe(c.lost === true);
    await rig.finishSale(outcome.payment);
  });
});
