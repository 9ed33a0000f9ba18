import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { SocialpaySettingsSchema } from '../../../shared/settings/socialpay';
import { ProviderError } from '../errors';
import { createSocialpayClient, type SocialpayClient } from './client';
import { doctorSocialpay } from './doctor';
import { startSocialpaySimulator, type SocialpaySimulator } from './simulator';
import { closedPortUrl, testContext } from '../testing/context';

let sim: SocialpaySimulator;
let client: SocialpayClient;
let lines: string[];
const REF = { invoice: 'F1', amount: money(1500, 'MNT') };

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeEach(async () => {
  sim = await startSocialpaySimulator();
  const made = testContext(sim.sandbox.secrets, { timeoutMs: 200 });
  lines = made.lines;
  client = createSocialpayClient(made.ctx, SocialpaySettingsSchema.parse(sim.sandbox.settings));
  await client.createQr(REF);
});
afterEach(async () => {
  await sim.close();
});

describe('SocialPay faults', () => {
  it('times out on a request the bank never answers (may have arrived)', async () => {
    sim.failNext('hang');
    const error = await failure(client.check(REF));
    expect(error).toMatchObject({ kind: 'timeout', mayHaveReachedProvider: true });
  });

  it('times out on an answer slower than the timeout, then works again', async () => {
    sim.setLatency(400);
    expect(await failure(client.check(REF))).toMatchObject({ kind: 'timeout' });
    sim.setLatency(0);
    expect((await client.check(REF)).status).toBe('pending');
  });

  it('connection refused: network, certainly never arrived', async () => {
    const { ctx } = testContext(sim.sandbox.secrets, { timeoutMs: 200 });
    const dead = createSocialpayClient(
      ctx,
      SocialpaySettingsSchema.parse({ ...sim.sandbox.settings, baseUrl: await closedPortUrl() }),
    );
    const error = await failure(dead.createQr({ invoice: 'F2', amount: money(1, 'MNT') }));
    expect(error).toMatchObject({ kind: 'network', mayHaveReachedProvider: false });
  });

  it('a reset connection is a network error that may have arrived', async () => {
    sim.failNext('reset');
    expect(await failure(client.check(REF))).toMatchObject({ kind: 'network', mayHaveReachedProvider: true });
  });

  it('500, HTML page and malformed JSON are unexpected', async () => {
    sim.failNext('http500');
    expect(await failure(client.check(REF))).toMatchObject({ kind: 'unexpected', status: 500 });
    sim.failNext('html');
    const html = await failure(client.check(REF));
    expect(html.kind).toBe('unexpected');
    expect(html.message).toMatch(/502/);
    sim.failNext('malformed-json');
    expect((await failure(client.check(REF))).message).toMatch(/not valid JSON/);
  });

  it('schema drift (a missing field) is unexpected and names the field', async () => {
    sim.dropFieldNext('body.response.resp_code');
    const error = await failure(client.check(REF));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/unexpected shape/);
    sim.dropFieldNext('header');
    expect((await failure(client.check(REF))).message).toMatch(/header/);
    expect((await client.check(REF)).respCode).toBe('01');
  });

  it('never writes the checksum key into a log line or an error', async () => {
    const key = sim.sandbox.secrets['socialpay.checksumKey'];
    const errors: string[] = [];
    const collect = (p: Promise<unknown>) =>
      p.catch((e: unknown) => {
        errors.push(e instanceof Error ? `${e.message} ${JSON.stringify(e)}` : String(e));
      });
    sim.failNext('http500');
    await collect(client.check(REF));
    await collect(client.check({ ...REF, invoice: 'missing' }));
    const { ctx, lines: badLines } = testContext({ 'socialpay.checksumKey': `${key}-wrong` });
    const bad = createSocialpayClient(ctx, SocialpaySettingsSchema.parse(sim.sandbox.settings));
    await collect(bad.check(REF));
    await client.settle('STL-LOG');
    expect(errors).toHaveLength(3);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...lines, ...badLines, ...errors]) {
      expect(text).not.toContain(key);
    }
  });
});

describe('doctorSocialpay', () => {
  it('treats the documented "not found" as reachable and authenticated', async () => {
    const line = await doctorSocialpay(client);
    expect(line).toMatchObject({ provider: 'socialpay', ok: true });
    expect(sim.requests.at(-1)?.path).toBe('/pos/invoice/check');
  });

  it('names the cause on a wrong key, a dead host and a missing secret', async () => {
    const settings = SocialpaySettingsSchema.parse(sim.sandbox.settings);
    const wrong = createSocialpayClient(testContext({ 'socialpay.checksumKey': 'nope-nope' }).ctx, settings);
    expect(await doctorSocialpay(wrong)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/checksum/i) as unknown,
    });
    const dead = createSocialpayClient(
      testContext(sim.sandbox.secrets).ctx,
      SocialpaySettingsSchema.parse({ ...sim.sandbox.settings, baseUrl: await closedPortUrl() }),
    );
    expect(await doctorSocialpay(dead)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/ECONNREFUSED/) as unknown,
    });
    const missing = createSocialpayClient(testContext({}).ctx, settings);
    expect(await doctorSocialpay(missing)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/secret\.missing/) as unknown,
    });
  });

  it('relies on no error name: a server that names a missing invoice differently is still reachable', async () => {
    const other = await startSocialpaySimulator({
      missingInvoice: { code: 400, errorType: 'INVOICE_MISSING', errorDesc: 'No such invoice' },
    });
    try {
      const made = testContext(other.sandbox.secrets);
      const line = await doctorSocialpay(
        createSocialpayClient(made.ctx, SocialpaySettingsSchema.parse(other.sandbox.settings)),
      );
      expect(line).toMatchObject({ provider: 'socialpay', ok: true });
      expect(line.detail).toMatch(/No such invoice/);
      // The same server still refuses a wrong key, and the line says so.
      const wrong = createSocialpayClient(
        testContext({ 'socialpay.checksumKey': 'nope-nope' }).ctx,
        SocialpaySettingsSchema.parse(other.sandbox.settings),
      );
      expect(await doctorSocialpay(wrong)).toMatchObject({ ok: false });
    } finally {
      await other.close();
    }
  });

  it('a server fault on the probe is not reachable-and-accepted', async () => {
    sim.failNext('http500');
    expect(await doctorSocialpay(client)).toMatchObject({ ok: false });
  });
});
