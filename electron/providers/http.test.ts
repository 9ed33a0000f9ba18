import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCapturingLogger } from '../log/logger';
import { ProviderError } from './errors';
import { HttpClient } from './http';
import { createSecretGuard, type SecretGuard } from './secret-guard';
import { startSimulatorServer, type RunningSimulator, type SimReply } from './simulator-kit';

let sim: RunningSimulator;
let reply: SimReply;
let lines: string[];

function client(
  options: { baseUrl?: string; extraOrigins?: string[]; timeoutMs?: number; guard?: SecretGuard } = {},
): HttpClient {
  const made = createCapturingLogger();
  lines = made.lines;
  return new HttpClient({
    provider: 'test',
    baseUrl: options.baseUrl ?? `${sim.url}/api`,
    logger: made.logger,
    redactor: made.redactor,
    secretGuard: options.guard ?? createSecretGuard(),
    timeoutMs: options.timeoutMs ?? 200,
    ...(options.extraOrigins ? { extraOrigins: options.extraOrigins } : {}),
  });
}
const OkSchema = z.object({ ok: z.literal(true), n: z.number() });
const get = (c: HttpClient, extra: Partial<Parameters<HttpClient['request']>[0]> = {}) =>
  c.request({ method: 'GET', path: 'thing', schema: OkSchema, operation: 'thing.get', ...extra });

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeEach(async () => {
  reply = { status: 200, body: { ok: true, n: 1 } };
  sim = await startSimulatorServer(() => reply);
});
afterEach(async () => {
  await sim.close();
});

describe('HttpClient', () => {
  it('resolves paths under the base path and parses the body with the schema', async () => {
    const res = await get(client(), { query: { a: 1, skip: undefined } });
    expect(res.data).toEqual({ ok: true, n: 1 });
    expect(sim.requests[0]?.path).toBe('/api/thing');
    expect(sim.requests[0]?.query.toString()).toBe('a=1');
  });

  it('sends JSON and form bodies with their content types', async () => {
    const c = client();
    await c.request({ method: 'POST', path: 'j', json: { x: 1 }, schema: OkSchema, operation: 'j' });
    await c.request({ method: 'POST', path: 'f', form: { a: 'b c' }, schema: OkSchema, operation: 'f' });
    expect(sim.requests[0]?.headers['content-type']).toBe('application/json');
    expect(sim.requests[0]?.body).toEqual({ x: 1 });
    expect(sim.requests[1]?.rawBody).toBe('a=b+c');
  });

  it('refuses an origin outside the allowlist without sending anything', async () => {
    const other = await startSimulatorServer(() => reply);
    try {
      const error = await failure(get(client(), { path: `${other.url}/thing` }));
      expect(error).toMatchObject({ kind: 'network', mayHaveReachedProvider: false });
      expect(error.message).toMatch(/refused to call/);
      expect(other.requests).toHaveLength(0);
      expect(sim.requests).toHaveLength(0);
      // The same origin listed as extra is allowed.
      await get(client({ extraOrigins: [other.url] }), { path: `${other.url}/thing` });
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('maps statuses: 401/403 auth, other 4xx rejected, 5xx unexpected', async () => {
    const c = client();
    for (const [status, kind] of [
      [401, 'auth'],
      [403, 'auth'],
      [404, 'rejected'],
      [422, 'rejected'],
      [500, 'unexpected'],
      [503, 'unexpected'],
    ] as const) {
      reply = { status, body: { message: 'no' } };
      expect(await failure(get(c))).toMatchObject({ kind, status, mayHaveReachedProvider: true });
    }
  });

  it('lets onErrorResponse map a documented error body, and falls back when it returns undefined', async () => {
    reply = { status: 400, body: { code: 'E42' } };
    const mapped = new ProviderError({ provider: 'test', kind: 'rejected', code: 'E42', message: 'mapped' });
    const seen: unknown[] = [];
    const hook = (status: number, body: unknown) => {
      seen.push([status, body]);
      return (body as { code?: string }).code === 'E42' ? mapped : undefined;
    };
    expect(await failure(get(client(), { onErrorResponse: hook }))).toBe(mapped);
    expect(seen).toEqual([[400, { code: 'E42' }]]);
    reply = { status: 400, body: 'plain text' };
    expect(await failure(get(client(), { onErrorResponse: hook }))).toMatchObject({
      kind: 'rejected',
      code: undefined,
    });
  });

  it('HTML, malformed JSON and schema drift on a 200 are unexpected', async () => {
    const c = client();
    sim.failNext('malformed-json');
    expect((await failure(get(c))).message).toMatch(/not valid JSON/);
    reply = { status: 200, body: '<!doctype html><p>maintenance</p>', contentType: 'text/html' };
    expect((await failure(get(c))).message).toMatch(/HTML/);
    reply = { status: 200, body: { ok: true } };
    const drift = await failure(get(c));
    expect(drift).toMatchObject({ kind: 'unexpected', status: 200 });
    expect(drift.message).toMatch(/n: /);
    expect(lines.some((l) => l.includes('unexpected shape') || l.includes('did not match'))).toBe(true);
  });

  it('accepts an empty body only when the request says so', async () => {
    reply = { status: 204 };
    const res = await get(client(), { schema: z.undefined(), emptyBody: true });
    expect(res.status).toBe(204);
    expect((await failure(get(client()))).kind).toBe('unexpected');
  });

  it('timeout: no answer (hang) or a slow answer → timeout, may have arrived', async () => {
    sim.failNext('hang');
    expect(await failure(get(client()))).toMatchObject({ kind: 'timeout', mayHaveReachedProvider: true });
    sim.setLatency(400);
    expect(await failure(get(client()))).toMatchObject({ kind: 'timeout' });
  });

  it('connection reset → network, may have arrived; refused → network, never arrived', async () => {
    sim.failNext('reset');
    expect(await failure(get(client()))).toMatchObject({ kind: 'network', mayHaveReachedProvider: true });
    const closed = await startSimulatorServer(() => reply);
    const url = closed.url;
    await closed.close();
    const refused = await failure(get(client({ baseUrl: url })));
    expect(refused).toMatchObject({ kind: 'network', mayHaveReachedProvider: false });
    expect(refused.message).toMatch(/ECONNREFUSED/);
  });

  it('redacts registered secrets from error messages', async () => {
    const made = createCapturingLogger();
    made.redactor.addValue('super-secret-value');
    const c = new HttpClient({
      provider: 'test',
      baseUrl: sim.url,
      logger: made.logger,
      redactor: made.redactor,
      secretGuard: createSecretGuard(),
    });
    const other = 'http://super-secret-value.invalid';
    const error = await failure(get(c, { path: `${other}/x` }));
    expect(error.message).not.toContain('super-secret-value');
  });
});
