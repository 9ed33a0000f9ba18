import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PocketSettingsSchema } from '../../../shared/settings/pocket';
import { ProviderError } from '../errors';
import { createPocketClient, type PocketClient } from './client';
import { startPocketSimulator, type PocketSimulator } from './simulator';
import { testContext } from '../testing/context';

let sim: PocketSimulator;
let client: PocketClient;

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
const certsRequests = () => sim.requests.filter((r) => r.path.endsWith('/certs')).length;
const introspections = () => sim.requests.filter((r) => r.path.endsWith('/introspect')).length;

beforeEach(async () => {
  sim = await startPocketSimulator();
  const { ctx } = testContext(sim.sandbox.secrets, { timeoutMs: 500 });
  client = createPocketClient(ctx, PocketSettingsSchema.parse(sim.sandbox.settings));
});
afterEach(async () => {
  await sim.close();
});

describe('Pocket consumer ID token', () => {
  it('verifies an RS256 token against the realm JWKS (issuer and audience checked)', async () => {
    const token = await sim.issueConsumerToken({ subject: 'consumer-42' });
    const identity = await client.verifyConsumerToken(token);
    expect(identity).toMatchObject({ subject: 'consumer-42', via: 'jwks' });
    expect(identity.claims.iss).toBe(sim.sandbox.settings.ssoUrl);
    expect(certsRequests()).toBe(1);
    expect(introspections()).toBe(0);
  });

  it('rejects expired, forged, foreign-audience and foreign-issuer tokens without falling back', async () => {
    const bad = [
      await sim.issueConsumerToken({ expiresInSec: -60 }),
      await sim.issueConsumerToken({ forged: true }),
      await sim.issueConsumerToken({ audience: 'another-app' }),
      await sim.issueConsumerToken({ issuer: 'https://evil.example/auth/realms/invescore' }),
    ];
    const codes: string[] = [];
    for (const token of bad) {
      const error = await rejection(client.verifyConsumerToken(token));
      expect(error).toMatchObject({ kind: 'rejected', code: 'invalid_consumer_token' });
      expect(error.messages.mn).toMatch(/токен/);
      codes.push(error.message);
    }
    expect(codes[0]).toMatch(/ERR_JWT_EXPIRED/);
    expect(codes[1]).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
    expect(codes[2]).toMatch(/ERR_JWT_CLAIM_VALIDATION_FAILED/);
    expect(introspections()).toBe(0);
  });

  it('falls back to introspection when the JWKS cannot be read', async () => {
    const token = await sim.issueConsumerToken({ subject: 'consumer-7' });
    sim.failNext('http500'); // the JWKS fetch
    const identity = await client.verifyConsumerToken(token);
    expect(identity).toMatchObject({ subject: 'consumer-7', via: 'introspection' });
    expect(introspections()).toBe(1);
    const sent = sim.requests.find((r) => r.path.endsWith('/introspect'))?.body;
    expect(sent).toMatchObject({ client_id: sim.sandbox.settings.clientId, token });
  });

  it('introspection also rejects a forged token, and a JWKS timeout falls back too', async () => {
    const forged = await sim.issueConsumerToken({ forged: true });
    sim.failNext('html');
    const error = await rejection(client.verifyConsumerToken(forged));
    expect(error.message).toMatch(/introspection: not active/);
    sim.failNext('hang');
    const token = await sim.issueConsumerToken({ subject: 'consumer-9' });
    expect(await client.verifyConsumerToken(token)).toMatchObject({
      via: 'introspection',
      subject: 'consumer-9',
    });
  });
});
