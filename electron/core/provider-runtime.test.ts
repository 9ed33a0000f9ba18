import { afterEach, describe, expect, it } from 'vitest';
import { readAllFiles } from '../kernel/testing/temp-dir';
import { closeTills, openTestTill as open } from '../testing/till';

afterEach(closeTills);

describe('provider runtime', () => {
  it('sandbox: every MN provider answers its doctor check through the in-process simulators', async () => {
    const node = open();
    const result = await node.kassa.invoke('operator', 'app:doctor', {});
    expect(result.ok).toBe(true);
    const lines = result.ok ? (result.value as { provider: string; ok: boolean }[]) : [];
    expect(lines.map((l) => l.provider)).toEqual([
      'settings',
      'vault',
      'printer',
      'socialpay',
      'pocket',
      'ebarimt.posapi',
      'ebarimt.easy-register',
    ]);
    expect(lines.every((l) => l.ok)).toBe(true);
  });

  it('sandbox credentials stay in memory: nothing is written to the vault or settings, nothing logged', async () => {
    const node = open();
    const sims = await node.kassa.providers.sandbox();
    expect(sims).toBeDefined();
    const secrets = Object.values(sims?.secrets ?? {});
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    await node.kassa.invoke('operator', 'app:doctor', {});
    expect(node.vault.status().secrets.every((s) => !s.set)).toBe(true);
    const files = readAllFiles(node.dataDir);
    for (const value of secrets) {
      expect(files.join('\n')).not.toContain(value);
      expect(node.lines.join('\n')).not.toContain(value);
    }
  });

  it('staging with no secrets set: each provider line fails with a cause naming what to set', async () => {
    const node = open();
    node.settings.set({ ...node.settings.get(), profile: 'staging' });
    const result = await node.kassa.invoke('operator', 'app:doctor', {});
    const lines = result.ok ? (result.value as { provider: string; ok: boolean; detail: string }[]) : [];
    const providers = lines.filter((l) => !['settings', 'vault', 'printer'].includes(l.provider));
    expect(providers.length).toBe(4);
    for (const line of providers) {
      expect(line.ok).toBe(false);
      expect(line.detail.length).toBeGreaterThan(10);
    }
    expect(await node.kassa.providers.sandbox()).toBeUndefined();
  });
});
