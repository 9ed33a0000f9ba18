/**
 * Transport faults for the PosAPI client: each must become a typed ProviderError with the right kind, and
 * `mayHaveReachedProvider` must be false only when the receipt certainly never reached PosAPI.
 * (PosAPI's local REST calls carry no auth, so there is no token expiry to test here; see the Easy Register
 * fault tests for 401 mid-flow.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../errors';
import type { Fault } from '../../simulator-kit';
import { startEbarimtSimulators, type EbarimtSimulators } from '../simulators';
import { refusedUrl, sampleReceipt, testContext } from '../test-support';
import { createPosApiClient } from './client';

let sims: EbarimtSimulators;
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
});
afterEach(() => {
  sims.posApi.setLatency(0);
});

let suffix = 500;
const receipt = () => sampleReceipt({ billIdSuffix: String((suffix += 1)).padStart(6, '0') });

function client(timeoutMs = 400, posApiUrl = sims.sandbox.settings.posApiUrl) {
  const ctx = testContext(sims.sandbox.secrets, { timeoutMs });
  return { ctx, posApi: createPosApiClient(ctx, { ...sims.sandbox.settings, posApiUrl }) };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('PosAPI client faults', () => {
  const cases: [Fault, ProviderError['kind'], RegExp][] = [
    ['hang', 'timeout', /no answer within/],
    ['http500', 'unexpected', /500/],
    ['html', 'unexpected', /502|HTML/],
    ['malformed-json', 'unexpected', /not valid JSON/],
    ['reset', 'network', /connection broke/],
  ];
  for (const [fault, kind, message] of cases) {
    it(`receipt: ${fault} → ${kind} (the fault hit before PosAPI stored anything)`, async () => {
      const before = sims.posApi.receipts.length;
      sims.posApi.failNext(fault);
      const error = await failure(client().posApi.issueReceipt(receipt()));
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
      // The receipt may have reached PosAPI: the caller must check, never re-send with a new suffix.
      expect(error.mayHaveReachedProvider).toBe(true);
      expect(sims.posApi.receipts.length).toBe(before);
    });
  }

  it('connection refused → network, certainly not sent', async () => {
    const error = await failure(client(400, await refusedUrl()).posApi.issueReceipt(receipt()));
    expect(error.kind).toBe('network');
    expect(error.mayHaveReachedProvider).toBe(false);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('a slow answer beyond the timeout is a timeout even though PosAPI stored the receipt', async () => {
    sims.posApi.setLatency(700);
    const before = sims.posApi.receipts.length;
    const error = await failure(client(250).posApi.issueReceipt(receipt()));
    expect(error.kind).toBe('timeout');
    expect(error.mayHaveReachedProvider).toBe(true);
    // The simulator processes the request after its delay: the outcome is unknown to the client, not absent.
    await expect.poll(() => sims.posApi.receipts.length, { timeout: 2_000 }).toBe(before + 1);
  });

  it('schema drift: a SUCCESS without qrData is unexpected, and the error names the field', async () => {
    sims.posApi.dropFieldNext('qrData');
    const error = await failure(client().posApi.issueReceipt(receipt()));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('qrData');
  });

  it('schema drift: /rest/info without leftLotteries is unexpected', async () => {
    sims.posApi.dropFieldNext('leftLotteries');
    const error = await failure(client().posApi.info());
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('leftLotteries');
  });

  it('info: 500 and hang map the same way as for receipts', async () => {
    sims.posApi.failNext('http500');
    expect((await failure(client().posApi.info())).kind).toBe('unexpected');
    sims.posApi.failNext('hang');
    expect((await failure(client(200).posApi.info())).kind).toBe('timeout');
  });
});
