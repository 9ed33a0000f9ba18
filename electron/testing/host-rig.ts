/**
 * Runs the real Electron host (windows/electron-host.ts) under Node against FakeElectron, over a real core in a
 * temp data dir, on fake time. Tests drive it like a till: ready, screens plugged and unplugged, pages crashing,
 * quitting.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKassa, type Kassa } from '../core/kassa';
import { FakeScheduler } from '../kernel/testing/fake-scheduler';
import { ManualClock } from '../kernel/testing/manual-clock';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { runElectronHost, type CoreDeps, type ElectronHost } from '../windows/electron-host';
import { FakeElectron, type FakeElectronOptions } from './fake-electron';

export interface HostRig {
  fake: FakeElectron;
  host: ElectronHost;
  scheduler: FakeScheduler;
  dataDir: string;
  rendererDir: string;
  lines: string[];
  /** The core the host built (null until ready, or when its start failed). */
  core: () => Kassa | null;
  /** Ends the test: quits the host if it still runs and removes the temp dirs. */
  dispose: () => Promise<void>;
}

export interface HostRigOptions extends FakeElectronOptions {
  env?: NodeJS.ProcessEnv;
  argv?: string[];
  platform?: NodeJS.Platform;
  /** Replace the core (a hanging close, a throwing start). */
  wrapCore?: (core: Kassa) => Kassa;
  /** Written into the data dir before start (settings.json and such). */
  files?: Record<string, string>;
  /** The renderer directory to serve; default a small one written by the rig. */
  rendererDir?: string;
  /** Skip `ready` (ordering tests fire it themselves). */
  deferReady?: boolean;
}

const RENDERER_FILES: Record<string, string> = {
  'cashier.html': '<!doctype html><title>Kassa</title>',
  'display.html': '<!doctype html><title>Display</title>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/index-abc.js.map': '{}',
  'assets/index-abc.css': 'body{}',
};

export async function startHostRig(options: HostRigOptions = {}): Promise<HostRig> {
  const temp = tempDataDir('kassa-host-');
  const dataDir = join(temp.dir, 'data');
  const rendererDir = options.rendererDir ?? join(temp.dir, 'renderer');
  if (options.rendererDir === undefined) {
    for (const [name, text] of Object.entries(RENDERER_FILES)) {
      mkdirSync(join(rendererDir, name, '..'), { recursive: true });
      writeFileSync(join(rendererDir, name), text);
    }
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const [name, text] of Object.entries(options.files ?? {})) {
    writeFileSync(join(dataDir, name), text, { mode: 0o600 });
  }
  const fake = new FakeElectron({
    ...options,
    paths: { userData: join(temp.dir, 'userData'), logs: join(temp.dir, 'logs'), ...options.paths },
  });
  const clock = new ManualClock(Date.parse('2026-11-30T08:00:00Z'));
  const scheduler = new FakeScheduler(clock);
  const { logger, redactor, lines } = createCapturingLogger('debug');
  let core: Kassa | null = null;
  let closing: Promise<void> | null = null;
  let closeReal: (() => Promise<void>) | null = null;
  const host = runElectronHost({
    electron: fake.api,
    argv: options.argv ?? ['/opt/Kassa/kassa', `--data-dir=${dataDir}`],
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    paths: {
      preloadCashier: '/opt/Kassa/resources/app.asar/dist/electron/preload-cashier.cjs',
      preloadDisplay: '/opt/Kassa/resources/app.asar/dist/electron/preload-display.cjs',
      rendererDir,
    },
    clock,
    scheduler,
    logger,
    redactor,
    logFile: join(temp.dir, 'logs', 'kassa.log'),
    createCore: (deps: CoreDeps) => {
      const real = createKassa({ ...deps, clock, host: 'electron', hotplug: false });
      // Closing twice is not the core's contract: the rig closes the real core once, whoever asks first.
      const tracked: Kassa = {
        invoke: (caller, channel, input, connection) => real.invoke(caller, channel, input, connection),
        endSession: (connection) => {
          real.endSession(connection);
        },
        on: (name, listener) => real.on(name, listener),
        providers: real.providers,
        recovered: real.recovered,
        close: () => (closing ??= real.close()),
      };
      core = options.wrapCore ? options.wrapCore(tracked) : tracked;
      closeReal = () => tracked.close();
      return core;
    },
  });
  if (options.deferReady !== true) {
    await fake.ready();
    await host.started;
    await fake.settle();
  }
  return {
    fake,
    host,
    scheduler,
    dataDir,
    rendererDir,
    lines,
    core: () => core,
    dispose: async () => {
      if (fake.exitCode === null && fake.isReady) {
        fake.app.quit();
        // A hanging core (wrapCore) is cut off by the close timeout.
        await scheduler.advance(60_000);
        await fake.settle();
      }
      await closeReal?.().catch(() => undefined);
      temp.cleanup();
    },
  };
}
