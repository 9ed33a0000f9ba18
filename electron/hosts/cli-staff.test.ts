import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MANAGERS_FILE_NAME } from '../storage/managers';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { runCli, type CliIo } from './cli';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

function io(stdin = ''): CliIo & { out: string[]; err: string[]; prompts: (string | undefined)[] } {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: (string | undefined)[] = [];
  return {
    out,
    err,
    prompts,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: (prompt) => {
      prompts.push(prompt);
      return Promise.resolve(stdin);
    },
    env: { KASSA_VAULT_KEY: 'd'.repeat(64) },
  };
}

describe('kassa managers / profile', () => {
  it('adds a manager with the PIN from stdin only, hashed on disk, and lists them', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const add = io('583920\n');
    expect(await runCli(['--data-dir', t.dir, 'managers', 'add', 'Oyuna'], add)).toBe(0);
    expect(add.prompts).toEqual(['PIN (4–12 digits)']);
    expect(JSON.parse(add.out.join(''))).toMatchObject({
      ok: true,
      value: { name: 'Oyuna', hasBadge: false },
    });
    expect(readFileSync(join(t.dir, MANAGERS_FILE_NAME), 'utf8')).not.toContain('583920');

    const argv = io();
    expect(await runCli(['--data-dir', t.dir, 'managers', 'add', 'Bat', '1234'], argv)).toBe(2);
    expect(argv.err.join('')).toMatch(/never taken from the command line/);

    const badPin = io('12\n');
    expect(await runCli(['--data-dir', t.dir, 'managers', 'add', 'Bat'], badPin)).toBe(1);
    expect(JSON.parse(badPin.out.join(''))).toMatchObject({ ok: false, error: { code: 'validation' } });

    const list = io();
    expect(await runCli(['--data-dir', t.dir, 'managers', 'list'], list)).toBe(0);
    expect(JSON.parse(list.out.join(''))).toMatchObject({ ok: true, value: [{ name: 'Oyuna' }] });
  });

  it('switching the profile needs --yes, and production needs passing checks', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const unconfirmed = io();
    expect(await runCli(['--data-dir', t.dir, 'profile', 'set', 'production'], unconfirmed)).toBe(2);
    expect(unconfirmed.err.join('')).toMatch(/--yes/);
    const refused = io();
    expect(await runCli(['--data-dir', t.dir, 'profile', 'set', 'production', '--yes'], refused)).toBe(1);
    expect(JSON.parse(refused.out.join(''))).toMatchObject({
      ok: false,
      error: { code: 'profile.checks-failed' },
    });
    const viaSettings = io();
    expect(
      await runCli(['--data-dir', t.dir, 'settings', 'set', 'profile', '"production"'], viaSettings),
    ).toBe(1);
    expect(viaSettings.out.join('')).toMatch(/kassa profile set/);
    const get = io();
    await runCli(['--data-dir', t.dir, 'settings', 'get', 'profile'], get);
    expect(get.out.join('')).toContain('"sandbox"');
  });
});
