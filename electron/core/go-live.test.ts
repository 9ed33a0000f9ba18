/**
 * Going live (issue #13 finding 4): the profile changes only through profile:switch — confirmed, by a manager,
 * and to staging/production only when every check passes against the saved settings and secrets — and the
 * sandbox's demo catalog does not stay as the production catalog.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product, SaleView } from '../../shared/channels/sale';
import type { Settings } from '../../shared/settings';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { signInManager, type ManagerConnection } from '../testing/manager';
import { closeTills, openTestTill, value, type TestTill } from '../testing/till';

let banks: RunningSandbox;
let till: TestTill;
let manager: ManagerConnection;

beforeEach(async () => {
  banks = await startSandboxSimulators();
  till = openTestTill();
  manager = await signInManager(till.kassa);
});
afterEach(async () => {
  await closeTills();
  await banks.close();
});

/** What an installer does on the Go live page: every provider field, then the secrets. */
async function configureForTheBanks(): Promise<void> {
  const stored = till.settings.get();
  value(
    await manager.invoke('settings:set', {
      settings: { ...stored, providers: banks.overlay(stored.providers) },
    }),
  );
  for (const [name, secret] of Object.entries(banks.secrets)) {
    value(await manager.invoke('secrets:set', { name, value: secret }));
  }
}

describe('go live', () => {
  it('settings:set never changes the profile', async () => {
    const settings: Settings = { ...till.settings.get(), profile: 'production' };
    expect(await manager.invoke('settings:set', { settings })).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'settings.profile' }] },
    });
    expect(till.settings.get().profile).toBe('sandbox');
  });

  it('the switch must be confirmed', async () => {
    expect(await manager.invoke('profile:switch', { profile: 'production' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(till.settings.get().profile).toBe('sandbox');
  });

  it('an unconfigured till does not go live: every failing check is named, the profile stays', async () => {
    const answer = await manager.invoke('profile:switch', { profile: 'production', confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'profile.checks-failed' } });
    if (!answer.ok) {
      expect(answer.error.issues?.map((i) => i.path)).toEqual(
        expect.arrayContaining(['socialpay', 'pocket', 'ebarimt.posapi', 'ebarimt.easy-register']),
      );
    }
    expect(till.settings.get().profile).toBe('sandbox');
  });

  it('configured and checked: production, and the demo catalog is gone', async () => {
    await configureForTheBanks();
    const lines = value<{ provider: string; ok: boolean; detail: string }[]>(
      await manager.invoke('profile:check', { profile: 'production' }),
    );
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines.map((l) => l.provider)).toContain('ebarimt.easy-register');

    const demo = value<Product[]>(await till.kassa.invoke('cashier', 'catalog:search', { query: '' }));
    expect(demo.length).toBeGreaterThan(0);
    const switched = value<Settings>(
      await manager.invoke('profile:switch', { profile: 'production', confirm: true }),
    );
    expect(switched.profile).toBe('production');
    expect(till.settings.get().profile).toBe('production');

    expect(value<Product[]>(await till.kassa.invoke('cashier', 'catalog:search', { query: '' }))).toEqual([]);
    value<SaleView>(await till.kassa.invoke('cashier', 'sale:new', {}));
    expect(
      await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: 'MN-MILK-1L' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('not in the middle of a sale', async () => {
    await configureForTheBanks();
    value(await till.kassa.invoke('cashier', 'sale:new', {}));
    value(await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: 'MN-MILK-1L' }));
    expect(await manager.invoke('profile:switch', { profile: 'production', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'state.conflict' },
    });
    expect(till.settings.get().profile).toBe('sandbox');
  });
});
