/**
 * The built Electron main (dist/electron/main.mjs, what the package carries) run under Node with `electron`
 * resolved to a FakeElectron (electron/testing/fake-electron-module.ts): it starts, opens both windows on their
 * app:// pages with preloads that exist next to it, serves the renderer, writes its log file and quits cleanly.
 * `npm test` builds before the unit stage; a bare `vitest run` without a build skips it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../kernel/testing/temp-dir';

const MAIN = resolve('dist', 'electron', 'main.mjs');

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

describe('the built Electron main under Node', () => {
  it.runIf(existsSync(MAIN))(
    'starts, opens both windows, serves the renderer, logs to its file and quits',
    () => {
      const t = tempDataDir('kassa-main-');
      cleanup = t.cleanup;
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--import',
          './electron/testing/register-fake-electron.ts',
          MAIN,
          `--data-dir=${join(t.dir, 'data')}`,
        ],
        {
          env: { ...process.env, KASSA_FAKE_ELECTRON_DIR: t.dir, KASSA_LOG_FORMAT: 'json' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
        windows: { title: string; loads: string[]; visible: boolean; preloadExists: boolean }[];
        schemes: string[];
        sandbox: boolean;
        cashierPageStatus: number | null;
        cashierPageCsp: string | null;
        ipcChannels: number;
        errorBoxes: unknown[];
        logFile: boolean;
        exitCode: number;
      };
      expect(report.errorBoxes).toEqual([]);
      expect(report.schemes).toEqual(['app']);
      expect(report.sandbox).toBe(true);
      expect(report.windows.map((w) => [w.title, w.loads, w.visible, w.preloadExists])).toEqual([
        ['Kassa', ['app://kassa/cashier.html'], true, true],
        ['Kassa — customer display', ['app://kassa/display.html'], true, true],
      ]);
      expect(report.cashierPageStatus).toBe(200);
      expect(report.cashierPageCsp).toContain("default-src 'self'");
      expect(report.ipcChannels).toBeGreaterThan(50);
      expect(report.logFile).toBe(true);
      expect(report.exitCode).toBe(0);
    },
  );
});
