/**
 * `npm start`: launch the Electron app; where Electron cannot launch (no binary, as on build machines without
 * GitHub access), say so in one line and serve the same app through the loopback browser host instead.
 *   node dist/start.mjs [--browser] [--data-dir DIR] [--port N]
 * Anything that stops the start (port taken, renderer not built, a damaged settings file) is one line on
 * stderr and exit code 1, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorText } from './kernel/error-text';
import { createLogger } from './log/logger';
import { electronBinary } from './hosts/electron-binary';
import { openNodeKassa, resolveDataDir } from './hosts/node-kassa';
import { serveBrowserHost } from './hosts/serve';
import { electronLaunchSwitches } from './windows/host-options';

function fail(error: unknown): void {
  process.stderr.write(`kassa: ${errorText(error)}\n`);
  process.exitCode = 1;
}

async function startBrowser(dataDirArg: string | undefined, port: number | undefined): Promise<void> {
  const dataDir = resolveDataDir(dataDirArg);
  const { logger, redactor } = createLogger({ level: process.env.KASSA_LOG_LEVEL ?? 'warn' });
  let node;
  try {
    node = openNodeKassa({ dataDir, host: 'browser', logger, redactor });
  } catch (error) {
    // A till that refuses to start (damaged settings or managers file) says why in one line.
    process.stderr.write(`kassa: ${redactor.text(errorText(error))}\n`);
    process.exitCode = 1;
    return;
  }
  await serveBrowserHost({
    node,
    ...(port === undefined ? {} : { port }),
    io: { stdout: (text) => process.stdout.write(text) },
  });
}

const notice = (reason: string): void => {
  process.stdout.write(`Electron cannot launch here (${reason}); starting the browser host instead.\n`);
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { browser: { type: 'boolean' }, 'data-dir': { type: 'string' }, port: { type: 'string' } },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be a port number (0–65535); got ${values.port ?? ''}`);
  }
  if (values.browser === true) {
    await startBrowser(values['data-dir'], port);
    return;
  }
  const electron = electronBinary();
  if ('reason' in electron) {
    notice(electron.reason);
    await startBrowser(values['data-dir'], port);
    return;
  }
  const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  // The same data dir as the browser host would use, so `npm start` and `npm run start:browser` are one till.
  const dataDir = resolveDataDir(values['data-dir']);
  const args = [...electronLaunchSwitches(process.platform, process.env), appDir, `--data-dir=${dataDir}`];
  const child = spawn(electron.path, args, { stdio: 'inherit' });
  child.on('error', (error) => {
    notice(error.message);
    startBrowser(values['data-dir'], port).catch(fail);
  });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

await main().catch(fail);
