/**
 * `npm start` hands Electron the same data dir the browser host would use, and the X11 switch on Linux: run
 * electron/start.ts with ELECTRON_OVERRIDE_DIST_PATH pointing at a stand-in "Electron" that prints its argv.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../kernel/testing/temp-dir';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

const binaryName = (): string => {
  try {
    return readFileSync(resolve('node_modules', 'electron', 'path.txt'), 'utf8').trim() || 'electron';
  } catch {
    return 'electron';
  }
};

describe('npm start launching Electron', () => {
  it.runIf(process.platform === 'linux')('passes --data-dir and --ozone-platform=x11 to Electron', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const argsFile = join(t.dir, 'args.txt');
    const stand = join(t.dir, binaryName());
    writeFileSync(stand, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`);
    chmodSync(stand, 0o755);
    const dataDir = join(t.dir, 'till');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/start.ts', '--data-dir', dataDir], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: t.dir, KASSA_OZONE_PLATFORM: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args[0]).toBe('--ozone-platform=x11');
    expect(args).toContain(`--data-dir=${dataDir}`);
    // The app dir: the repository root (dist/start.mjs's parent when built; electron/.. here).
    expect(args).toContain(resolve('.'));
  });
});
