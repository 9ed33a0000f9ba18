/**
 * Stands in for the `electron` module when the built main runs under Node (fake-electron-loader.ts). It exports a
 * FakeElectron's modules, fires `ready` once main has run, then prints one JSON report of what main did (windows,
 * loads, the protocol's answer for the cashier page, error boxes, the log file) and quits the app, exiting with
 * the host's exit code. KASSA_FAKE_ELECTRON_DIR gives the userData and logs paths.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FakeElectron } from './fake-electron';

const home = process.env.KASSA_FAKE_ELECTRON_DIR ?? '';
if (home === '') {
  throw new Error('fake electron module: set KASSA_FAKE_ELECTRON_DIR');
}
const fake = new FakeElectron({ paths: { userData: join(home, 'userData'), logs: join(home, 'logs') } });

export const {
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
} = fake.api;

async function report(): Promise<void> {
  await fake.ready();
  await fake.settle(50);
  const cashierPage = fake.protocolHandlers.has('app')
    ? await fake.request('app://kassa/cashier.html')
    : null;
  const windows = fake.windows.map((w) => ({
    title: w.options.title,
    loads: w.webContents.loads,
    visible: w.isVisible(),
    preload: w.options.webPreferences?.preload ?? null,
    preloadExists: existsSync(w.options.webPreferences?.preload ?? ''),
  }));
  const ipcChannels = fake.ipcHandlers.size;
  fake.app.quit();
  const exitCode = await fake.exited;
  process.stdout.write(
    `${JSON.stringify({
      windows,
      schemes: fake.schemes.map((s) => s.scheme),
      sandbox: fake.calls.includes('enableSandbox'),
      cashierPageStatus: cashierPage?.status ?? null,
      cashierPageCsp: cashierPage?.headers.get('content-security-policy') ?? null,
      ipcChannels,
      errorBoxes: fake.errorBoxes,
      logFile: existsSync(join(home, 'logs', 'kassa.log')),
      exitCode,
    })}\n`,
  );
  process.exit(exitCode);
}

// After main's top level has run (it imports this module first, then registers its listeners).
setImmediate(() => {
  report().catch((error: unknown) => {
    process.stderr.write(`fake electron: ${String(error)}\n`);
    process.exit(99);
  });
});
