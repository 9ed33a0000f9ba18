import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { PocketSettingsSchema } from '../../../shared/settings/pocket';
import { ProviderError } from '../errors';
import { createPocketClient, type PocketClient } from './client';
import { doctorPocket } from './doctor';
import { startPocketSimulator, type PocketSimulator } from './simulator';
import { closedPortUrl, testContext } from '../testing/context';

let sim: PocketSimulator;
let client: PocketClient;
let lines: string[];
let invoiceId: string;

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeEach(async () => {
  sim = await startPocketSimulator();
  const made = testContext(sim.sandbox.secrets, { timeoutMs: 200 });
  lines = made.lines;
  client = createPocketClient(made.ctx, PocketSettingsSchema.parse(sim.sandbox.settings));
  ({ invoiceId } = await client.createInvoice({ orderNumber: 'F1', amount: money(1500, 'MNT'), info: 'x' }));
});
afterEach(async () => {
  await sim.close();
});

describe('Pocket faults', () => {
  it('times out when the API never answers, and on a slow answer', async () => {
    sim.failNext('hang');
    expect(await failure(client.statusByInvoiceId(invoiceId))).toMatchObject({
      kind: 'timeout',
      mayHaveReachedProvider: true,
    });
    sim.setLatency(400);
    expect(await failure(client.statusByInvoiceId(invoiceId))).toMatchObject({ kind: 'timeout' });
    sim.setLatency(0);
    expect((await client.statusByInvoiceId(invoiceId)).status).toBe('pending');
  });

  it('a token request that times out is a timeout too', async () => {
    const { ctx } = testContext(sim.sandbox.secrets, { timeoutMs: 200 });
    const fresh = createPocketClient(ctx, PocketSettingsSchema.parse(sim.sandbox.settings));
    sim.failNext('hang');
    expect(await failure(fresh.getFallbackUrl())).toMatchObject({ kind: 'timeout' });
  });

  it('connection refused on the SSO host or the API: network, never arrived', async () => {
    const dead = await closedPortUrl();
    const { ctx } = testContext(sim.sandbox.secrets, { timeoutMs: 200 });
    const noSso = createPocketClient(
      ctx,
      PocketSettingsSchema.parse({ ...sim.sandbox.settings, ssoUrl: `${dead}/auth/realms/invescore` }),
    );
    expect(await failure(noSso.getFallbackUrl())).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: false,
    });
    const noApi = createPocketClient(
      ctx,
      PocketSettingsSchema.parse({ ...sim.sandbox.settings, baseUrl: `${dead}/merchant` }),
    );
    expect(await failure(noApi.getFallbackUrl())).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: false,
    });
  });

  it('reset, 500, HTML and malformed JSON', async () => {
    sim.failNext('reset');
    expect(await failure(client.statusByInvoiceId(invoiceId))).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: true,
    });
    sim.failNext('http500');
    expect(await failure(client.statusByInvoiceId(invoiceId))).toMatchObject({
      kind: 'unexpected',
      status: 500,
    });
    sim.failNext('html');
    expect((await failure(client.statusByInvoiceId(invoiceId))).kind).toBe('unexpected');
    sim.failNext('malformed-json');
    expect((await failure(client.statusByInvoiceId(invoiceId))).message).toMatch(/not valid JSON/);
  });

  it('schema drift: a missing field is unexpected and names it', async () => {
    sim.dropFieldNext('qr');
    const error = await failure(
      client.createInvoice({ orderNumber: 'F2', amount: money(900, 'MNT'), info: 'x' }),
    );
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/qr/);
    sim.dropFieldNext('state');
    expect((await failure(client.statusByInvoiceId(invoiceId))).message).toMatch(/state/);
  });

  it('never writes the client secret, access/refresh tokens or a consumer token into logs or errors', async () => {
    const errors: string[] = [];
    const collect = (p: Promise<unknown>) =>
      p.catch((e: unknown) => {
        errors.push(
          e instanceof Error
            ? `${e.message} ${JSON.stringify(e)} ${JSON.stringify(e.cause ?? null)}`
            : String(e),
        );
      });
    sim.expireTokens();
    await client.statusByInvoiceId(invoiceId);
    const forged = await sim.issueConsumerToken({ forged: true });
    await collect(
      client.createConsumerInvoice({ amount: money(600, 'MNT'), info: 'x', consumerToken: forged }),
    );
    await collect(client.verifyConsumerToken(forged));
    sim.failNext('http500');
    await collect(client.statusByInvoiceId(invoiceId));
    const { ctx, lines: badLines } = testContext({
      'pocket.clientSecret': `${sim.sandbox.secrets['pocket.clientSecret']}x`,
    });
    await collect(createPocketClient(ctx, PocketSettingsSchema.parse(sim.sandbox.settings)).getFallbackUrl());
    expect(errors).toHaveLength(4);

    const bearers = sim.requests
      .map((r) => /^Bearer (\S+)$/.exec(r.headers.authorization ?? '')?.[1])
      .filter((t): t is string => t !== undefined);
    const refreshTokens = sim.requests
      .map((r) => (r.body as Record<string, string> | undefined)?.refresh_token)
      .filter((t): t is string => typeof t === 'string');
    const secrets = [sim.sandbox.secrets['pocket.clientSecret'], forged, ...bearers, ...refreshTokens];
    expect(bearers.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...lines, ...badLines, ...errors]) {
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe('doctorPocket', () => {
  it('reports a token and a reachable API', async () => {
    expect(await doctorPocket(client)).toMatchObject({ provider: 'pocket', ok: true });
  });

  it('names the failing stage and cause', async () => {
    const settings = PocketSettingsSchema.parse(sim.sandbox.settings);
    const wrong = createPocketClient(testContext({ 'pocket.clientSecret': 'nope' }).ctx, settings);
    const line = await doctorPocket(wrong);
    expect(line.ok).toBe(false);
    expect(line.detail).toMatch(/merchant token.*client id/);
    const dead = await closedPortUrl();
    const noApi = createPocketClient(
      testContext(sim.sandbox.secrets).ctx,
      PocketSettingsSchema.parse({ ...sim.sandbox.settings, baseUrl: `${dead}/merchant` }),
    );
    expect((await doctorPocket(noApi)).detail).toMatch(/calling .*ECONNREFUSED/);
    const missing = createPocketClient(testContext({}).ctx, settings);
    expect((await doctorPocket(missing)).detail).toMatch(/secret\.missing/);
  });
});
