/**
 * Issue #13 finding 2: "settings:set of a provider URL followed by app:doctor sent pocket.clientSecret and
 * ebarimt.password to a server of the caller's choosing". A staging till whose secrets were entered for the
 * real (here: simulated) providers, and a capture server on 127.0.0.1 that records everything it is sent. In
 * every variant the capture server never sees a secret value, in any encoding.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsSaved } from '../../shared/channels/settings';
import { SECRET_NAMES, type SecretName } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';
import { startSimulatorServer, type RunningSimulator } from '../providers/simulator-kit';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { signInManager } from '../testing/manager';
import { closeTills, openTestTill, value, type TestTill } from '../testing/till';

let capture: RunningSimulator;
let banks: RunningSandbox;
let till: TestTill;
let secrets: [SecretName, string][];

beforeEach(async () => {
  capture = await startSimulatorServer(() => ({
    status: 200,
    body: { access_token: 'captured', expires_in: 300 },
  }));
  banks = await startSandboxSimulators();
  till = openTestTill();
  // A staging till configured for the (simulated) banks, its secrets entered for their addresses.
  const stored = till.settings.get();
  till.settings.set({ ...stored, profile: 'staging', providers: banks.overlay(stored.providers) });
  secrets = SECRET_NAMES.flatMap((name): [SecretName, string][] => {
    const secret = banks.secrets[name];
    return secret === undefined ? [] : [[name, secret]];
  });
  for (const [name, secret] of secrets) {
    value(await till.kassa.invoke('operator', 'secrets:set', { name, value: secret }));
  }
});
afterEach(async () => {
  await closeTills();
  await banks.close();
  await capture.close();
});

/** Every provider endpoint pointed at the capture server. */
function pointedAtCapture(settings: Settings): Settings {
  const to = capture.url;
  const p = settings.providers;
  return {
    ...settings,
    providers: {
      socialpay: { ...p.socialpay, baseUrl: to },
      pocket: { ...p.pocket, baseUrl: `${to}/merchant`, ssoUrl: `${to}/auth/realms/invescore` },
      ebarimt: { ...p.ebarimt, posApiUrl: to, easyRegisterUrl: `${to}/api/`, tokenUrl: `${to}/token` },
      bog: {
        ...p.bog,
        ipayBaseUrl: `${to}/opay/api/v1`,
        paymentsBaseUrl: `${to}/payments`,
        paymentsTokenUrl: `${to}/t`,
      },
      baas: { ...p.baas, baseUrl: to },
    },
  };
}

/** Everything the capture server was sent, with Basic credentials decoded. */
function captured(): string {
  return capture.requests
    .map((r) => {
      const headers = Object.values(r.headers).flat().join('\n');
      const basic = /Basic\s+(\S+)/.exec(headers)?.[1];
      const decoded = basic === undefined ? '' : Buffer.from(basic, 'base64').toString('utf8');
      return [r.method, r.path, r.query.toString(), headers, decoded, r.rawBody].join('\n');
    })
    .join('\n');
}

function expectNoSecretCaptured(): void {
  const seen = captured();
  for (const [name, secret] of secrets) {
    for (const form of [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
    ]) {
      expect(seen.includes(form), `${name} reached the capture server`).toBe(false);
    }
  }
}

describe('provider secrets cannot be sent away', () => {
  it('the MN secrets are really set and the doctor uses them against the real hosts first', async () => {
    expect(secrets.map(([name]) => name)).toEqual(
      expect.arrayContaining(['pocket.clientSecret', 'ebarimt.password', 'socialpay.checksumKey']),
    );
    const lines = value<{ provider: string; ok: boolean }[]>(
      await till.kassa.invoke('operator', 'app:doctor', {}),
    );
    expect(lines.filter((l) => !l.ok)).toEqual([]);
  });

  it('as a cashier: settings:set and app:doctor are forbidden; the capture server hears nothing', async () => {
    const moved = pointedAtCapture(till.settings.get());
    expect(await till.kassa.invoke('cashier', 'settings:set', { settings: moved })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await till.kassa.invoke('cashier', 'app:doctor', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(capture.requests).toHaveLength(0);
    expect(till.settings.get().providers.pocket.ssoUrl).not.toContain(capture.url);
  });

  it('as a manager: moving the hosts clears those providers’ secrets; the doctor then sends nothing secret', async () => {
    const manager = await signInManager(till.kassa);
    const saved = value<SettingsSaved>(
      await manager.invoke('settings:set', { settings: pointedAtCapture(till.settings.get()) }),
    );
    expect([...saved.clearedSecrets].sort()).toEqual(secrets.map(([name]) => name).sort());
    expect(till.vault.status().secrets.every((s) => !s.set)).toBe(true);

    const lines = value<{ provider: string; ok: boolean }[]>(await manager.invoke('app:doctor', {}));
    expect(lines.some((l) => !l.ok)).toBe(true);
    expectNoSecretCaptured();
  });

  it('a host changed behind Kassa’s back (settings.json edited): the secrets are refused, never sent', async () => {
    // The file is edited directly, so no handler clears anything: the stored secrets stay bound to the banks.
    till.settings.set(pointedAtCapture(till.settings.get()));
    till.kassa.providers.reset();
    const lines = value<{ provider: string; ok: boolean; detail: string }[]>(
      await till.kassa.invoke('operator', 'app:doctor', {}),
    );
    const pocket = lines.find((l) => l.provider === 'pocket');
    expect(pocket?.ok).toBe(false);
    expect(pocket?.detail).toMatch(/entered for .* now points at/);
    expectNoSecretCaptured();
  });

  it('only the token host moved (the API host still the bank’s): the password is not sent to either', async () => {
    const stored = till.settings.get();
    till.settings.set({
      ...stored,
      providers: {
        ...stored.providers,
        ebarimt: { ...stored.providers.ebarimt, tokenUrl: `${capture.url}/token` },
      },
    });
    till.kassa.providers.reset();
    await till.kassa.invoke('operator', 'app:doctor', {});
    expectNoSecretCaptured();
    const password = banks.secrets['ebarimt.password'] ?? 'unset';
    expect(banks.ebarimt.easyRegister.requests.map((r) => r.rawBody).join('\n')).not.toContain(password);
  });
});
