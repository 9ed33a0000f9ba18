import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { Redactor } from '../log/redact';
import { ProviderError } from './errors';
import { createSecretGuard } from './secret-guard';
import { HttpClient } from './http';
import { TokenCache, keycloakTokenSource, type Token, type TokenSource } from './oauth';
import { parseBasicAuth, startSimulatorServer, type RunningSimulator } from './simulator-kit';

const SECOND = 1000;

/** A TokenSource that issues numbered tokens and counts what it was asked. */
function countingSource(
  clock: ManualClock,
  lifetimeMs: number,
  options: { refresh?: boolean; failRefresh?: boolean } = {},
) {
  const calls = { obtain: 0, refresh: 0 };
  let n = 0;
  const issue = (): Token => {
    n += 1;
    return {
      accessToken: `access-${n}`,
      expiresAt: clock.now() + lifetimeMs,
      ...(options.refresh === true ? { refreshToken: `refresh-${n}` } : {}),
    };
  };
  const source: TokenSource = {
    obtain: () => {
      calls.obtain += 1;
      return Promise.resolve(issue());
    },
    ...(options.refresh === true
      ? {
          refresh: () => {
            calls.refresh += 1;
            return options.failRefresh === true
              ? Promise.reject(new Error('refused'))
              : Promise.resolve(issue());
          },
        }
      : {}),
  };
  return { source, calls };
}

const unauthorized = () => new ProviderError({ provider: 't', kind: 'auth', status: 401, message: '401' });

describe('TokenCache', () => {
  it('reuses a token, and replaces it inside the refresh-ahead window (via the refresh grant)', async () => {
    const clock = new ManualClock();
    const { source, calls } = countingSource(clock, 60 * SECOND, { refresh: true });
    const cache = new TokenCache({
      provider: 't',
      source,
      clock,
      redactor: new Redactor(),
      refreshAheadMs: 10 * SECOND,
    });
    expect(await cache.get()).toBe('access-1');
    clock.advance(49 * SECOND);
    expect(await cache.get()).toBe('access-1');
    clock.advance(2 * SECOND); // 51 s: within 10 s of expiry
    expect(await cache.get()).toBe('access-2');
    expect(calls).toEqual({ obtain: 1, refresh: 1 });
    expect(cache.fetchCount).toBe(2);
  });

  it('falls back to the primary grant when the refresh is refused', async () => {
    const clock = new ManualClock();
    const { source, calls } = countingSource(clock, 60 * SECOND, { refresh: true, failRefresh: true });
    const cache = new TokenCache({
      provider: 't',
      source,
      clock,
      redactor: new Redactor(),
      refreshAheadMs: 0,
    });
    await cache.get();
    clock.advance(61 * SECOND);
    expect(await cache.get()).toBe('access-2');
    expect(calls).toEqual({ obtain: 2, refresh: 1 });
  });

  it('caps a token at maxLifetimeMs whatever expires_in says', async () => {
    const clock = new ManualClock();
    const { source, calls } = countingSource(clock, 3600 * SECOND);
    const cache = new TokenCache({
      provider: 't',
      source,
      clock,
      redactor: new Redactor(),
      refreshAheadMs: 0,
      maxLifetimeMs: 60 * SECOND,
    });
    await cache.get();
    clock.advance(59 * SECOND);
    expect(await cache.get()).toBe('access-1');
    clock.advance(2 * SECOND);
    expect(await cache.get()).toBe('access-2');
    expect(calls.obtain).toBe(2);
  });

  it('concurrent callers share one in-flight token request', async () => {
    const clock = new ManualClock();
    let release: (t: Token) => void = () => undefined;
    let obtained = 0;
    const source: TokenSource = {
      obtain: () => {
        obtained += 1;
        return new Promise<Token>((resolve) => {
          release = resolve;
        });
      },
    };
    const cache = new TokenCache({ provider: 't', source, clock, redactor: new Redactor() });
    const all = Promise.all(Array.from({ length: 10 }, () => cache.get()));
    await Promise.resolve();
    release({ accessToken: 'shared-token', expiresAt: clock.now() + 600 * SECOND });
    expect(await all).toEqual(Array.from({ length: 10 }, () => 'shared-token'));
    expect(obtained).toBe(1);
  });

  it('registers every token with the redactor', async () => {
    const clock = new ManualClock();
    const redactor = new Redactor();
    const { source } = countingSource(clock, 60 * SECOND, { refresh: true });
    await new TokenCache({ provider: 't', source, clock, redactor }).get();
    expect(redactor.text('x access-1 refresh-1 y')).toBe('x [redacted] [redacted] y');
  });

  describe('withToken', () => {
    it('re-authenticates exactly once on 401 and retries with the new token', async () => {
      const clock = new ManualClock();
      const { source, calls } = countingSource(clock, 600 * SECOND);
      const cache = new TokenCache({ provider: 't', source, clock, redactor: new Redactor() });
      const used: string[] = [];
      const result = await cache.withToken((token) => {
        used.push(token);
        return used.length === 1 ? Promise.reject(unauthorized()) : Promise.resolve('done');
      });
      expect(result).toBe('done');
      expect(used).toEqual(['access-1', 'access-2']);
      expect(calls.obtain).toBe(2);
    });

    it('a second 401 is the provider’s answer and is thrown', async () => {
      const clock = new ManualClock();
      const { source, calls } = countingSource(clock, 600 * SECOND);
      const cache = new TokenCache({ provider: 't', source, clock, redactor: new Redactor() });
      let attempts = 0;
      const error = await cache
        .withToken(() => {
          attempts += 1;
          return Promise.reject(unauthorized());
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(attempts).toBe(2);
      expect(calls.obtain).toBe(2);
    });

    it('does not retry on 403 or non-auth errors', async () => {
      const clock = new ManualClock();
      const { source, calls } = countingSource(clock, 600 * SECOND);
      const cache = new TokenCache({ provider: 't', source, clock, redactor: new Redactor() });
      let attempts = 0;
      for (const error of [
        new ProviderError({ provider: 't', kind: 'auth', status: 403, message: '403' }),
        new ProviderError({ provider: 't', kind: 'timeout', message: 'slow' }),
      ]) {
        await expect(
          cache.withToken(() => {
            attempts += 1;
            return Promise.reject(error);
          }),
        ).rejects.toBe(error);
      }
      expect(attempts).toBe(2);
      expect(calls.obtain).toBe(1);
    });
  });
});

describe('keycloakTokenSource', () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
  });

  it('posts the form grants (body or Basic client auth) and reads the Keycloak answer', async () => {
    sim = await startSimulatorServer(() => ({
      status: 200,
      body: {
        access_token: 'at-1',
        expires_in: 300,
        refresh_token: 'rt-1',
        refresh_expires_in: 1800,
        token_type: 'bearer',
      },
    }));
    const clock = new ManualClock();
    const { logger, redactor } = createCapturingLogger();
    const http = new HttpClient({
      provider: 't',
      baseUrl: sim.url,
      logger,
      redactor,
      secretGuard: createSecretGuard(),
    });
    const body = keycloakTokenSource({
      http,
      clock,
      tokenPath: `${sim.url}/realms/r/protocol/openid-connect/token`,
      clientId: 'cid',
      clientSecret: () => Promise.resolve('csecret'),
      clientAuth: 'body',
      grant: { type: 'client_credentials' },
    });
    const token = await body.obtain();
    expect(token).toEqual({
      accessToken: 'at-1',
      expiresAt: clock.now() + 300 * SECOND,
      refreshToken: 'rt-1',
      refreshExpiresAt: clock.now() + 1800 * SECOND,
    });
    expect(sim.requests[0]?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: 'cid',
      client_secret: 'csecret',
    });
    await body.refresh?.('rt-1');
    expect(sim.requests[1]?.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rt-1' });

    const basic = keycloakTokenSource({
      http,
      clock,
      tokenPath: 'token',
      clientId: 'u',
      clientSecret: () => Promise.resolve('p'),
      clientAuth: 'basic',
      grant: { type: 'password', username: 'op', password: () => Promise.resolve('pw') },
    });
    await basic.obtain();
    expect(parseBasicAuth(sim.requests[2]?.headers.authorization)).toEqual({ user: 'u', pass: 'p' });
    expect(sim.requests[2]?.body).toEqual({ grant_type: 'password', username: 'op', password: 'pw' });
  });
});
