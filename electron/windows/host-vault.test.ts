/**
 * The Electron host's vault over safeStorage (through FakeElectron): secrets sealed by the OS keyring, and refused
 * outright when there is none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostRig, type HostRig } from '../testing/host-rig';

let rig: HostRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

const SECRET = 'pocket-client-secret-4711';

describe('Electron vault', () => {
  it('seals secrets with safeStorage: the vault file never holds the plain value', async () => {
    rig = await startHostRig();
    const saved = await rig
      .core()
      ?.invoke('operator', 'secrets:set', { name: 'pocket.clientSecret', value: SECRET });
    expect(saved).toMatchObject({ ok: true });
    const file = readFileSync(join(rig.dataDir, 'vault.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    expect(file).toContain('"backend": "safeStorage"');
    // The fake's sealing is reversible base64: the entry opens to the fake's marker, the binding and the secret.
    const opened = [...file.matchAll(/"([A-Za-z0-9+/=]{40,})"/g)].map((m) =>
      Buffer.from(m[1] ?? '', 'base64').toString('utf8'),
    );
    expect(opened.some((text) => text.startsWith('sealed:') && text.endsWith(`\n${SECRET}`))).toBe(true);
  });

  it('without a keyring, refuses to store a secret and says what to do', async () => {
    rig = await startHostRig({ safeStorageAvailable: false });
    const saved = await rig
      .core()
      ?.invoke('operator', 'secrets:set', { name: 'pocket.clientSecret', value: SECRET });
    expect(saved).toMatchObject({ ok: false });
    expect(JSON.stringify(saved)).toMatch(/keyring/);
  });
});
