/**
 * Transport and auth faults for the Easy Register client. Business answers are values; everything here must
 * be a typed ProviderError, except the one case the token cache absorbs: a token that expires mid-flow.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../errors';
import type { Fault } from '../../simulator-kit';
import { createPosApiClient } from '../posapi/client';
import { startEbarimtSimulators, type EbarimtSimulators } from '../simulators';
import { refusedUrl, sampleReceipt, testContext } from '../test-support';
import { createEasyRegisterClient } from './client';

let sims: EbarimtSimulators;
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
});
afterEach(() => {
  sims.easyRegister.setLatency(0);
  sims.easyRegister.setTokenLifetime(300_000);
});

function easy(timeoutMs = 400, settings = sims.sandbox.settings) {
  return createEasyRegisterClient(testContext(sims.sandbox.secrets, { timeoutMs }), settings);
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

let suffix = 700;
async function qrData(): Promise<string> {
  const posApi = createPosApiClient(testContext({}), sims.sandbox.settings);
  const issued = await posApi.issueReceipt(
    sampleReceipt({ billIdSuffix: String((suffix += 1)).padStart(6, '0') }),
  );
  return issued.printable.qrData;
}

describe('Easy Register client faults', () => {
  const cases: [Fault, ProviderError['kind']][] = [
    ['hang', 'timeout'],
    ['http500', 'unexpected'],
    ['html', 'unexpected'],
    ['malformed-json', 'unexpected'],
    ['reset', 'network'],
  ];
  for (const [fault, kind] of cases) {
    it(`approveQr: ${fault} → ${kind}; the simulator recorded no approval`, async () => {
      const client = easy();
      await client.checkToken(); // so the fault hits approveQr, not the token request
      const qr = await qrData();
      sims.easyRegister.failNext(fault);
      const error = await failure(client.approveQr({ customerNo: '10038071', qrData: qr }));
      expect(error.kind).toBe(kind);
      expect(sims.easyRegister.approvals.filter((a) => a.qrData === qr)).toHaveLength(0);
    });
  }

  it('token endpoint faults surface as ProviderError too (500 and hang)', async () => {
    sims.easyRegister.failNext('http500');
    expect((await failure(easy().checkToken())).kind).toBe('unexpected');
    sims.easyRegister.failNext('hang');
    expect((await failure(easy(200).checkToken())).kind).toBe('timeout');
  });

  it('connection refused → network, not sent', async () => {
    const url = await refusedUrl();
    const error = await failure(
      easy(400, {
        ...sims.sandbox.settings,
        easyRegisterUrl: `${url}/api/easy-register/`,
        tokenUrl: `${url}/t`,
      }).lookupByRegNo('УБ99112233'),
    );
    expect(error).toMatchObject({ kind: 'network', mayHaveReachedProvider: false });
  });

  it('a slow answer beyond the timeout is a timeout', async () => {
    const client = easy(250);
    await client.checkToken();
    sims.easyRegister.setLatency(600);
    expect((await failure(client.lookupByRegNo('УБ99112233'))).kind).toBe('timeout');
  });

  it('schema drift: approveQr without `code`, consumer without `loginName` → unexpected naming the field', async () => {
    const client = easy();
    await client.checkToken();
    sims.easyRegister.dropFieldNext('code');
    const drift = await failure(client.approveQr({ customerNo: '10038071', qrData: await qrData() }));
    expect(drift.kind).toBe('unexpected');
    expect(drift.message).toContain('code');
    sims.easyRegister.dropFieldNext('loginName');
    const lookup = await failure(client.lookupByRegNo('УБ99112233'));
    expect(lookup.message).toContain('loginName');
  });

  it('a token that expires mid-flow: one 401, one new token, then success — approved exactly once', async () => {
    const client = easy();
    const citizen = await client.lookupByRegNo('УБ99112233');
    expect(citizen.found).toBe(true);
    const qr = await qrData();
    const issuedBefore = sims.easyRegister.tokensIssued;
    const requestsBefore = sims.easyRegister.requests.length;
    sims.easyRegister.expireTokens();
    const result = await client.approveQr({ customerNo: '10038071', qrData: qr });
    expect(result.outcome).toBe('approved');
    expect(client.tokenFetches).toBe(2);
    expect(sims.easyRegister.tokensIssued - issuedBefore).toBe(1);
    const paths = sims.easyRegister.requests.slice(requestsBefore).map((r) => r.path.split('/').at(-1));
    expect(paths).toEqual(['approveQr', 'token', 'approveQr']);
    expect(sims.easyRegister.approvals.filter((a) => a.qrData === qr).map((a) => a.code)).toEqual([
      'success',
    ]);
  });

  it('invalidToken inside an HTTP 200 envelope also triggers exactly one re-auth and retry', async () => {
    let answered = false;
    const once: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!answered && url.endsWith('approveQr')) {
        answered = true;
        return Promise.resolve(
          Response.json({ status: 401, code: 'invalidToken', msg: 'Токен буруу байна' }),
        );
      }
      return fetch(input, init);
    };
    const client = createEasyRegisterClient(
      { ...testContext(sims.sandbox.secrets), fetchImpl: once },
      sims.sandbox.settings,
    );
    const qr = await qrData();
    const result = await client.approveQr({ customerNo: '10038071', qrData: qr });
    expect(result.outcome).toBe('approved');
    expect(client.tokenFetches).toBe(2);
    expect(sims.easyRegister.approvals.filter((a) => a.qrData === qr)).toHaveLength(1);
  });

  it('a token that keeps being refused is thrown after exactly one retry', async () => {
    const client = easy();
    await client.checkToken();
    sims.easyRegister.setTokenLifetime(0); // every new token is born expired
    sims.easyRegister.expireTokens();
    const before = sims.easyRegister.requests.length;
    const error = await failure(client.lookupByRegNo('УБ99112233'));
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'invalidToken' });
    expect(sims.easyRegister.requests.length - before).toBe(3); // call, token, call
  });
});
