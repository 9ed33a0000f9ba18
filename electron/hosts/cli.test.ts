import { afterEach, describe, expect, it } from 'vitest';
import { readAllFiles, tempDataDir } from '../kernel/testing/temp-dir';
import { runCli, type CliIo } from './cli';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

function io(stdin = ''): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: () => Promise.resolve(stdin),
    env: { KASSA_VAULT_KEY: 'f'.repeat(64) },
  };
}

describe('kassa CLI', () => {
  it('invoke prints the envelope and exits 0 / 1', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const ok = io();
    expect(await runCli(['--data-dir', t.dir, 'invoke', 'app:info'], ok)).toBe(0);
    expect(JSON.parse(ok.out.join(''))).toMatchObject({ ok: true, value: { host: 'cli', dataDir: t.dir } });
    const bad = io();
    expect(
      await runCli(['--data-dir', t.dir, 'invoke', 'settings:set', '{"settings":{"country":"FR"}}'], bad),
    ).toBe(1);
    expect(JSON.parse(bad.out.join(''))).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('secrets set reads the value from stdin only, and it never lands in plaintext or output', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const secret = 'pipe-only-secret-981';
    const set = io(`${secret}\n`);
    expect(await runCli(['--data-dir', t.dir, 'secrets', 'set', 'socialpay.checksumKey'], set)).toBe(0);
    expect(set.out.join('')).toContain('"set": true');
    expect(set.out.join('') + set.err.join('')).not.toContain(secret);
    for (const content of readAllFiles(t.dir)) {
      expect(content).not.toContain(secret);
    }
    const argv = io();
    expect(await runCli(['--data-dir', t.dir, 'secrets', 'set', 'socialpay.checksumKey', secret], argv)).toBe(
      2,
    );
    expect(argv.err.join('')).toMatch(/never taken from the command line/);
    const unknown = io('x');
    expect(await runCli(['--data-dir', t.dir, 'secrets', 'set', 'nope'], unknown)).toBe(2);
  });

  it('settings set changes one path through the validated channel', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    expect(await runCli(['--data-dir', t.dir, 'settings', 'set', 'country', '"GE"'], io())).toBe(0);
    const get = io();
    expect(await runCli(['--data-dir', t.dir, 'settings', 'get', 'country'], get)).toBe(0);
    expect(get.out.join('').trim()).toBe('"GE"');
    const missing = io();
    expect(await runCli(['--data-dir', t.dir, 'settings', 'set', 'nosuch.path', '1'], missing)).toBe(1);
    expect(missing.err.join('')).toMatch(/no section|no field/);
  });

  it('doctor prints a line per check and fails when the vault is locked', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    await runCli(['--data-dir', t.dir, 'secrets', 'set', 'pocket.clientSecret'], io('value-1234'));
    const locked = { ...io(), env: { KASSA_VAULT_KEY: '0'.repeat(64) } };
    expect(await runCli(['--data-dir', t.dir, 'doctor'], locked)).toBe(1);
    expect(locked.out.join('')).toMatch(/FAIL\s+vault/);
  });
});
