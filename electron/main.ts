/**
 * The Electron host's entry: hands the real Electron modules to runElectronHost (windows/electron-host.ts), which
 * holds every behaviour and is tested under Node against a fake of the same API. All till behaviour lives in the
 * core (createKassa); this file only picks the storage, the logger and the sandbox simulators.
 *
 * Built by scripts/build-node.mjs to dist/electron/main.mjs (ESM); the preloads to
 * dist/electron/preload-{cashier,display}.cjs; the renderer by vite to dist/renderer/.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import { systemClock } from './kernel/clock';
import { createRealScheduler } from './kernel/scheduler';
import { createKassa } from './core/kassa';
import { openLogFile, teeDestination } from './log/log-file';
import { createLogger, stderrDestination } from './log/logger';
import { createSandboxScanner } from './sandbox/hid-scanner';
import { startSandboxOnDemand } from './sandbox/on-demand';
import type { ElectronApi } from './windows/electron-api';
import { builtPaths, runElectronHost } from './windows/electron-host';

const electron: ElectronApi = {
  app,
  BrowserWindow,
  screen,
  ipcMain,
  protocol,
  session,
  dialog,
  Menu,
  powerSaveBlocker,
  powerMonitor,
  safeStorage,
};

// A desktop-launched till has no terminal: every line also goes to a file under the app's logs folder.
let logFile: string | null = null;
let destination = stderrDestination();
let logFileProblem: unknown = null;
try {
  const opened = openLogFile(app.getPath('logs'));
  logFile = opened.path;
  destination = teeDestination([destination, opened.stream]);
} catch (error) {
  logFileProblem = error;
}
const { logger, redactor } = createLogger({ destination });
if (logFileProblem !== null) {
  logger.warn({ err: logFileProblem }, 'electron: no log file; logging to stderr only');
}
const hostLogger = logger.child({ component: 'electron' });

runElectronHost({
  electron,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  paths: builtPaths(dirname(fileURLToPath(import.meta.url))),
  clock: systemClock,
  scheduler: createRealScheduler((error) => {
    hostLogger.error({ err: error }, 'electron: a timer task failed');
  }),
  logger: hostLogger,
  redactor,
  logFile,
  createCore: (deps) =>
    createKassa({
      ...deps,
      clock: systemClock,
      host: 'electron',
      startSandbox: startSandboxOnDemand,
      sandboxScanner: createSandboxScanner,
    }),
});
