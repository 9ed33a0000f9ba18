/**
 * `npm start` on a machine where Electron cannot launch: one clear line, then the browser host serving the
 * cashier and display pages. (The launcher is what `npm start` runs after building.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('npm start falls back to the browser host with a one-line Electron notice', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-start-'));
  const child = spawn(process.execPath, ['dist/start.mjs', '--data-dir', dataDir], {
    env: { ...process.env, KASSA_VAULT_KEY: '5'.repeat(64) },
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  try {
    await expect.poll(() => out, { timeout: 20_000 }).toMatch(/Display: \S+/);
    const lines = out.split('\n');
    const notice = lines.filter((l) => l.startsWith('Electron cannot launch here'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/starting the browser host in the sandbox profile instead\.$/);
    const cashierUrl = /Cashier: (\S+)/.exec(out)?.[1] ?? '';
    expect(new URL(cashierUrl).hostname).toBe('127.0.0.1');
    expect(new URL(cashierUrl).hash).toMatch(/^#token=[0-9a-f]{64}$/);
    await page.goto(cashierUrl);
    await expect(page.locator('body')).toContainText(/Kassa/i);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
