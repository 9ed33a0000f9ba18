/**
 * The HTTP core never sends a secret to an origin it was not entered for, whatever the request looks like:
 * two real loopback servers, one the secret belongs to and one that must never see it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCapturingLogger } from '../log/logger';
import { ProviderError } from './errors';
import { HttpClient } from './http';
import { createSecretGuard, type SecretGuard } from './secret-guard';
import { startSimulatorServer, type RunningSimulator } from './simulator-kit';

const SECRET = 'Bound-Secret-9x7!&=+ ü';
const Ok = z.object({ ok: z.literal(true) });

let home: RunningSimulator;
let stranger: RunningSimulator;
let guard: SecretGuard;
let http: HttpClient;

beforeEach(async () => {
  home = await startSimulatorServer(() => ({ status: 200, body: { ok: true } }));
  stranger = await startSimulatorServer(() => ({ status: 200, body: { ok: true } }));
  guard = createSecretGuard();
  guard.bind(SECRET, home.url);
  const { logger, redactor } = createCapturingLogger();
  // Both origins are allowed for the provider (as a base URL and an SSO host would be): only the guard decides.
  http = new HttpClient({
    provider: 'test',
    baseUrl: home.url,
    extraOrigins: [stranger.url],
    logger,
    redactor,
    secretGuard: guard,
  });
});
afterEach(async () => {
  await home.close();
  await stranger.close();
});

async function refused(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('secret guard in the HTTP core', () => {
  it('sends the secret to the origin it was entered for', async () => {
    await http.request({
      method: 'POST',
      path: 't',
      form: { client_secret: SECRET },
      schema: Ok,
      operation: 't',
    });
    expect(home.requests).toHaveLength(1);
    expect(home.requests[0]?.body).toEqual({ client_secret: SECRET });
  });

  it.each([
    ['a form field', { form: { client_secret: SECRET } }],
    ['a JSON field', { json: { password: SECRET } }],
    ['a header', { headers: { 'x-key': encodeURIComponent(SECRET) } }],
    [
      'a Basic credential',
      { headers: { authorization: `Basic ${Buffer.from(`client:${SECRET}`).toString('base64')}` } },
    ],
    ['the query string', { query: { key: SECRET } }],
  ])('refuses it in %s to another origin, and nothing reaches that origin', async (_what, extra) => {
    const error = await refused(
      http.request({
        method: 'POST',
        path: `${stranger.url}/steal`,
        schema: Ok,
        operation: 'steal',
        ...extra,
      }),
    );
    expect(error.mayHaveReachedProvider).toBe(false);
    expect(error.message).toContain('refused to send a secret');
    expect(error.message).not.toContain(SECRET);
    expect(stranger.requests).toHaveLength(0);
  });

  it('lets requests without the secret through to the other origin', async () => {
    await http.request({ method: 'GET', path: `${stranger.url}/ok`, schema: Ok, operation: 'ok' });
    expect(stranger.requests).toHaveLength(1);
  });

  it('does not search for values too short to tell from ordinary data', async () => {
    guard.bind('1234', home.url);
    await http.request({
      method: 'POST',
      path: `${stranger.url}/n`,
      json: { amount: 1234 },
      schema: Ok,
      operation: 'n',
    });
    expect(stranger.requests).toHaveLength(1);
  });
});
