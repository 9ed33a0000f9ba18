/**
 * `npm start` as a new user meets it on a machine where Electron cannot launch (no binary, no GitHub): the
 * build says nothing, one line says why Electron is not starting, then the browser host names its data dir and
 * prints the two URLs. No download attempt, no stack trace, no advice to delete node_modules; log lines are
 * JSON when piped and readable on a terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from './fixtures/host';

// Where Electron's binary has been downloaded, `npm start` opens the real app instead: nothing to check here.
const electronDownloaded = existsSync('node_modules/electron/path.txt');

/** Lines that must never reach a new user's terminal. */
const NOISE = [
  /Downloading/i,
  /TypeError|fetch failed/,
  /^\s+at /,
  /delete `?node_modules/i,
  /install-electron --no/,
  /EBADENGINE/,
  /vite v\d|modules transformed|built in/,
];

/** The environment a user's shell would have: without the test runner's own variables. */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['FORCE_COLOR', 'KASSA_LOG_FORMAT', 'KASSA_LOG_LEVEL', 'KASSA_DATA_DIR']) {
    Reflect.deleteProperty(env, key);
  }
  return env;
}

test.skip(electronDownloaded, 'the Electron binary is present: npm start launches Electron');

test('npm start: one line about Electron, the data dir, two URLs; no download, no stack trace', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-start-'));
  const port = await freePort();
  const child = spawn('npm', ['start', '--', '--data-dir', dataDir, '--port', String(port)], {
    env: { ...userEnv(), KASSA_VAULT_KEY: '5'.repeat(64) },
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    err += chunk;
  });
  try {
    await expect.poll(() => out, { timeout: 60_000 }).toMatch(/Display: \S+/);
    // Give the host a moment to say anything else it would say at start.
    await page.waitForTimeout(1000);
    const lines = out.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('> '));
    expect(lines[0]).toMatch(/^Electron cannot launch here \(.+\); starting the browser host instead\.$/);
    expect(lines.filter((l) => l.startsWith('Electron cannot launch'))).toHaveLength(1);
    expect(lines[1]).toMatch(/^Kassa browser host \(sandbox profile, MN\)$/);
    expect(out).toContain(`  Data:    ${dataDir}\n`);
    for (const line of [...out.split('\n'), ...err.split('\n')]) {
      for (const noise of NOISE) {
        expect(line, `"${line}" matches ${String(noise)}`).not.toMatch(noise);
      }
    }
    // stdout is for people: no log lines there. stderr is piped here, so each log line is one JSON object.
    expect(out.split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
    for (const line of err.split('\n').filter((l) => l.trim() !== '')) {
      expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    }

    const cashierUrl = /Cashier: (\S+)/.exec(out)?.[1] ?? '';
    expect(new URL(cashierUrl).hostname).toBe('127.0.0.1');
    expect(new URL(cashierUrl).port).toBe(String(port));
    expect(new URL(cashierUrl).hash).toMatch(/^#token=[0-9a-f]{64}$/);
    await page.goto(cashierUrl);
    await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  } finally {
    if (child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
    }
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('on a terminal the log lines are readable, not JSON', async () => {
  test.skip(spawnSync('script', ['--version']).status !== 0, 'util-linux `script` is needed for a terminal');
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-start-tty-'));
  const port = await freePort();
  try {
    // `script` gives the launcher a real terminal; `timeout` stops it once it has started and logged.
    const run = spawnSync(
      'script',
      [
        '-q',
        '-e',
        '-c',
        `timeout -s INT 6 node dist/start.mjs --data-dir ${dataDir} --port ${port}`,
        '/dev/null',
      ],
      { encoding: 'utf8', env: { ...userEnv(), KASSA_VAULT_KEY: '5'.repeat(64), KASSA_LOG_LEVEL: 'info' } },
    );
    const lines = run.stdout.split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(lines.some((l) => l.startsWith('Electron cannot launch here'))).toBe(true);
    expect(lines.some((l) => l.includes(`Data:    ${dataDir}`))).toBe(true);
    // The browser host's own start line, as a person reads it.
    expect(run.stdout).toMatch(/INFO.*\[browser-host\] browser host listening/);
    expect(lines.filter((l) => l.trimStart().startsWith('{"level"'))).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
