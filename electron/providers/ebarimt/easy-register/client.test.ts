import type { SecretName } from '../../../../shared/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KassaError } from '../../../kernel/errors';
import { ProviderError } from '../../errors';
import { createPosApiClient } from '../posapi/client';
import { startEbarimtSimulators, type EbarimtSimulators } from '../simulators';
import { sampleReceipt, testContext } from '../test-support';
import { createEasyRegisterClient } from './client';
import { CITIZEN_NOT_FOUND_TEXT, CODE_TEXT } from './messages';

let sims: EbarimtSimulators;
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
});

const easy = (
  secrets: Partial<Record<SecretName, string>> = sims.sandbox.secrets,
  settings = sims.sandbox.settings,
) => createEasyRegisterClient(testContext(secrets), settings);

let suffix = 200;
async function issue(overrides: Parameters<typeof sampleReceipt>[0] = {}) {
  const posApi = createPosApiClient(testContext({}), sims.sandbox.settings);
  return posApi.issueReceipt(
    sampleReceipt({ billIdSuffix: String((suffix += 1)).padStart(6, '0'), ...overrides }),
  );
}

describe('Easy Register: buyer lookup', () => {
  it('finds a citizen by register number (normalising case and spaces)', async () => {
    const seeded = sims.easyRegister.citizens.find((c) => c.regNo === 'УБ99112233')!;
    const result = await easy().lookupByRegNo(' уб 99112233 ');
    expect(result).toEqual({
      found: true,
      citizen: {
        regNo: seeded.regNo,
        customerNo: seeded.customerNo,
        givenName: seeded.givenName,
        familyName: seeded.familyName,
      },
    });
  });

  it('finds a citizen added at run time, and answers 404 as a typed "not found"', async () => {
    sims.easyRegister.addCitizen({
      regNo: 'ЖК77010203',
      customerNo: '12345670',
      givenName: 'Ж',
      familyName: 'К',
    });
    const added = await easy().lookupByRegNo('ЖК77010203');
    expect(added.found && added.citizen.customerNo).toBe('12345670');
    expect(await easy().lookupByRegNo('ФФ00000000')).toEqual({
      found: false,
      message: CITIZEN_NOT_FOUND_TEXT,
    });
  });

  it('getProfile by phone returns the customer code and a masked email only', async () => {
    const result = await easy().getProfile({ phoneNum: '99112233' });
    expect(result).toMatchObject({
      outcome: 'found',
      customerNo: '10038071',
      emailMasked: 'b******t@example.mn',
    });
    expect(JSON.stringify(result)).not.toContain('bold.bat@');
  });

  it('getProfile by customer code; a citizen without email is still found', async () => {
    expect(await easy().getProfile({ customerNo: '10038071' })).toMatchObject({ outcome: 'found' });
    expect(await easy().getProfile({ phoneNum: '88112233' })).toMatchObject({
      outcome: 'found',
      customerNo: '11000001',
      emailMasked: null,
      answer: { code: 'emailNotFound' },
    });
  });

  it.each([
    [{ phoneNum: '99000000' }, 'userNotFound'],
    [{ phoneNum: '95112233' }, 'userDuplicate'],
    [{ phoneNum: '123' }, 'invalidData'],
    [{ phoneNum: '' }, 'emptyField'],
  ] as const)('getProfile %j → %s with its cashier text', async (query, outcome) => {
    const result = await easy().getProfile(query);
    expect(result.outcome).toBe(outcome);
    expect(result.message).toEqual(CODE_TEXT[outcome]);
    expect(result.answer.code).toBe(outcome);
  });
});

describe('Easy Register: approveQr', () => {
  it('approves a B2C receipt once; the second scan is alreadyApproved; exactly one approval recorded', async () => {
    const { printable } = await issue();
    const client = easy();
    const first = await client.approveQr({ customerNo: '10038071', qrData: printable.qrData });
    expect(first).toMatchObject({ outcome: 'approved', ok: true, answer: { code: 'success', status: 200 } });
    const second = await client.approveQr({ customerNo: '10038071', qrData: printable.qrData });
    expect(second).toMatchObject({
      outcome: 'alreadyApproved',
      ok: false,
      message: CODE_TEXT.alreadyApproved,
    });
    const mine = sims.easyRegister.approvals.filter((a) => a.qrData === printable.qrData);
    expect(mine.map((a) => a.code)).toEqual(['success', 'alreadyApproved']);
    expect(client.tokenFetches).toBe(1);
  });

  it('refuses a B2B receipt', async () => {
    const { printable } = await issue({ type: 'B2B_RECEIPT', customerTin: '37900846788' });
    const result = await easy().approveQr({ customerNo: '10038071', qrData: printable.qrData });
    expect(result).toMatchObject({ outcome: 'b2bNotAccepted', message: CODE_TEXT.b2bNotAccepted });
  });

  it('a receipt already registered through consumerNo is alreadyApproved', async () => {
    const { printable } = await issue({ consumerNo: '10038071' });
    expect((await easy().approveQr({ customerNo: '10038071', qrData: printable.qrData })).outcome).toBe(
      'alreadyApproved',
    );
  });

  it('unknown and deleted receipts are invalidQr', async () => {
    expect((await easy().approveQr({ customerNo: '10038071', qrData: '1'.repeat(200) })).outcome).toBe(
      'invalidQr',
    );
    const issued = await issue();
    await createPosApiClient(testContext({}), sims.sandbox.settings).deleteReceipt(issued.record);
    const result = await easy().approveQr({ customerNo: '10038071', qrData: issued.printable.qrData });
    expect(result).toMatchObject({ outcome: 'invalidQr', message: CODE_TEXT.invalidQr });
  });

  it('missing field → emptyField; malformed or unknown customer → invalidData / userNotFound', async () => {
    const { printable } = await issue();
    const client = easy();
    expect((await client.approveQr({ customerNo: '', qrData: printable.qrData })).outcome).toBe('emptyField');
    expect((await client.approveQr({ customerNo: '10038071', qrData: '' })).outcome).toBe('emptyField');
    expect((await client.approveQr({ customerNo: '12ab', qrData: printable.qrData })).outcome).toBe(
      'invalidData',
    );
    expect((await client.approveQr({ customerNo: '19999999', qrData: printable.qrData })).outcome).toBe(
      'userNotFound',
    );
    // None of those approved it: it can still be approved once.
    expect((await client.approveQr({ customerNo: '10038071', qrData: printable.qrData })).outcome).toBe(
      'approved',
    );
  });
});

describe('Easy Register: token', () => {
  it('reuses one token across calls', async () => {
    const client = easy();
    const issuedBefore = sims.easyRegister.tokensIssued;
    await client.lookupByRegNo('УБ99112233');
    await client.getProfile({ phoneNum: '99112233' });
    await client.lookupByRegNo('АА12345678');
    expect(client.tokenFetches).toBe(1);
    expect(sims.easyRegister.tokensIssued - issuedBefore).toBe(1);
    const tokenCall = sims.easyRegister.requests.find((r) => r.path.endsWith('/openid-connect/token'));
    expect(tokenCall?.body).toMatchObject({
      grant_type: 'password',
      client_id: 'vatps',
      username: 'kassa-sandbox',
    });
  });

  it('wrong password → auth ProviderError with cashier texts and no secret in the message', async () => {
    const error = await easy({ 'ebarimt.password': 'definitely-wrong' })
      .lookupByRegNo('УБ99112233')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'invalid_grant' });
    expect((error as ProviderError).messages.mn).toMatch(/нууц үг/);
    expect((error as ProviderError).message).not.toContain('definitely-wrong');
  });

  it('a missing password is secret.missing, and nothing is sent', async () => {
    const seen = sims.easyRegister.requests.length;
    const error = await easy({})
      .checkToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KassaError);
    expect((error as KassaError).code).toBe('secret.missing');
    expect(sims.easyRegister.requests.length).toBe(seen);
  });

  it('a 403 (account without the Easy Register role) is an auth error with its own text', async () => {
    const forbidden: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes('approveQr')
        ? Promise.resolve(new Response('', { status: 403 }))
        : fetch(input, init);
    const client = createEasyRegisterClient(
      { ...testContext(sims.sandbox.secrets), fetchImpl: forbidden },
      sims.sandbox.settings,
    );
    const error = await client.approveQr({ customerNo: '10038071', qrData: '1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 403, code: 'forbidden' });
  });
});
