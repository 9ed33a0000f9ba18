import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerFailure } from '../testing/context';
import { baasFailure, baasFixture, type BaasFixture } from './fixture';
import type { PreScoringRequest } from './client';

let fx: BaasFixture;
beforeEach(async () => {
  fx = await baasFixture();
});
afterEach(async () => {
  await fx.sim.close();
});

const application = (phoneNumber = '998901112233'): PreScoringRequest => ({
  externalId: randomUUID(),
  phoneNumber,
  isAgreementAccepted: true,
  clientData: { pinfl: '31234567890123', fullName: 'Test Client' },
});

describe('BaaS microloan pre-scoring', () => {
  it('registers an application; its externalId is the envelope id; a retry is the same application', async () => {
    const req = application();
    expect(await fx.client.preScoring(req)).toMatchObject({ outcome: 'registered', status: 'REGISTERED' });
    const body = fx.sim.requests.at(-1)?.body as { id: string; params: Record<string, unknown> };
    expect(body.id).toBe(req.externalId);
    expect(body.params).toMatchObject({
      externalId: req.externalId,
      isAgreementAccepted: true,
      phoneNumber: '998901112233',
    });
    expect(await fx.client.preScoring(req)).toMatchObject({ outcome: 'registered', status: 'IN_PROGRESS' });
    expect(fx.sim.application(req.externalId)?.status).toBe('IN_PROGRESS');
  });

  it('scoring refusals 1002 and 1003 come back as outcomes for the cashier, with distinct texts', async () => {
    fx.sim.refuseScoring('998900000002', 1002);
    fx.sim.refuseScoring('998900000003', 1003);
    const overdue = await fx.client.preScoring(application('998900000002'));
    const risk = await fx.client.preScoring(application('998900000003'));
    expect(overdue).toMatchObject({ outcome: 'refused', code: 1002 });
    expect(risk).toMatchObject({ outcome: 'refused', code: 1003 });
    if (overdue.outcome !== 'refused' || risk.outcome !== 'refused') {
      throw new Error('unreachable');
    }
    expect(overdue.messages.en).toMatch(/overdue/);
    expect(risk.messages.ru).not.toBe(overdue.messages.ru);
  });

  it('an offer not accepted is a code-4 error naming the field', async () => {
    const error = await baasFailure(fx.client.preScoring({ ...application(), isAgreementAccepted: false }));
    expect(error).toMatchObject({ baasCode: 4, field: 'isAgreementAccepted', fieldMessage: 'must be true' });
  });
});

describe('BaaS application status', () => {
  it('1001 reads as in progress; then approved or rejected', async () => {
    const a = application();
    await fx.client.preScoring(a);
    expect(await fx.client.applicationStatus(a.externalId)).toEqual({
      externalId: a.externalId,
      status: 'IN_PROGRESS',
      inProgress: true,
    });
    fx.sim.setApplicationStatus(a.externalId, 'APPROVED');
    expect(await fx.client.applicationStatus(a.externalId)).toMatchObject({
      status: 'APPROVED',
      inProgress: false,
    });
    const b = application('998901112244');
    await fx.client.preScoring(b);
    fx.sim.setApplicationStatus(b.externalId, 'REJECTED');
    expect(await fx.client.applicationStatus(b.externalId)).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'Income not confirmed',
    });
  });

  it('an unknown application is 1000', async () => {
    expect(await providerFailure(fx.client.applicationStatus(randomUUID()))).toMatchObject({
      baasCode: 1000,
      kind: 'rejected',
    });
  });
});
