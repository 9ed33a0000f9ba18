import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_PROTOCOL } from '../../shared/wire';
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

  it('serve is the browser host: app:info says host "browser"; the URLs are the same at the next start', async () => {
    const t = tempDataDir();
    const web = tempDataDir();
    cleanup = () => {
      t.cleanup();
      web.cleanup();
    };
    writeFileSync(join(web.dir, 'cashier.html'), '<!doctype html>');
    const previous = process.env.KASSA_RENDERER_DIR;
    process.env.KASSA_RENDERER_DIR = web.dir;
    try {
      const serveOnce = async (): Promise<{ cashier: string; display: string; info: unknown }> => {
        let stop: () => void = () => undefined;
        const out = { ...io(), stopped: new Promise<void>((resolve) => (stop = resolve)) };
        const running = runCli(['--data-dir', t.dir, 'serve', '--port', '0'], out);
        await expect.poll(() => out.out.join(''), { timeout: 10_000 }).toMatch(/Display: \S+/);
        const text = out.out.join('');
        expect(text).toContain(`Data:    ${t.dir}`);
        const cashier = /Cashier: (\S+)/.exec(text)?.[1] ?? '';
        const display = /Display: (\S+)/.exec(text)?.[1] ?? '';
        const url = new URL(cashier);
        const ws = new WebSocket(
          `ws://${url.host}${WS_PATH}`,
          [WS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${url.hash.replace('#token=', '')}`],
          { origin: url.origin },
        );
        await new Promise((resolve) => ws.once('open', resolve));
        const info = await new Promise((resolve) => {
          ws.once('message', (data: Buffer) => {
            resolve((JSON.parse(data.toString('utf8')) as { envelope: unknown }).envelope);
          });
          ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', input: {} }));
        });
        ws.close();
        stop();
        expect(await running).toBe(0);
        return { cashier: url.hash, display: new URL(display).hash, info };
      };
      const first = await serveOnce();
      expect(first.info).toMatchObject({ ok: true, value: { host: 'browser' } });
      const second = await serveOnce();
      expect(second.cashier).toBe(first.cashier);
      expect(second.display).toBe(first.display);

      // rotate-token: a new display token (and URL on the configured port); the cashier one is kept.
      const rotated = io();
      expect(await runCli(['--data-dir', t.dir, 'display', 'rotate-token'], rotated)).toBe(0);
      const newDisplay = /Display: (\S+)/.exec(rotated.out.join(''))?.[1] ?? '';
      expect(new URL(newDisplay).port).toBe('4780');
      expect(new URL(newDisplay).hash).not.toBe(first.display);
      const third = await serveOnce();
      expect(third.display).toBe(new URL(newDisplay).hash);
      expect(third.cashier).toBe(first.cashier);
    } finally {
      if (previous === undefined) {
        delete process.env.KASSA_RENDERER_DIR;
      } else {
        process.env.KASSA_RENDERER_DIR = previous;
      }
    }
  });

  it('a bad --port is refused before anything opens', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const bad = io();
    expect(await runCli(['--data-dir', t.dir, 'serve', '--port', 'eighty'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('--port must be a port number');
  });
});
