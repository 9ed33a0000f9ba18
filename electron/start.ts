/**
 * `npm start`: launch the Electron app; where Electron cannot launch (no binary, as on build machines without
 * GitHub access), say so in one line and serve the same app through the loopback browser host instead.
 *   node dist/start.mjs [--browser] [--data-dir DIR] [--port N]
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorText } from './kernel/error-text';
import { createLogger } from './log/logger';
import { openNodeKassa, resolveDataDir } from './hosts/node-kassa';
import { serveBrowserHost } from './hosts/serve';

/** The Electron binary's path, or why there is none. Loading the `electron` package never starts Electron. */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const required: unknown = createRequire(import.meta.url)('electron');
    return typeof required === 'string'
      ? { path: required }
      : { reason: 'the electron package did not give a binary path' };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { reason: message.trim() || 'the Electron binary is not installed' };
  }
}

async function startBrowser(dataDirArg: string | undefined, port: number): Promise<void> {
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
  await serveBrowserHost({ node, port, io: { stdout: (text) => process.stdout.write(text) } });
}

const { values } = parseArgs({
  options: { browser: { type: 'boolean' }, 'data-dir': { type: 'string' }, port: { type: 'string' } },
});
const port = values.port === undefined ? 0 : Number(values.port);

if (values.browser === true) {
  await startBrowser(values['data-dir'], port);
} else {
  const electron = electronBinary();
  if ('reason' in electron) {
    process.stdout.write(
      `Electron cannot launch here (${electron.reason}); starting the browser host in the sandbox profile instead.\n`,
    );
    await startBrowser(values['data-dir'], port);
  } else {
    const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
    const child = spawn(electron.path, [appDir], { stdio: 'inherit' });
    child.on('error', (error) => {
      process.stdout.write(
        `Electron cannot launch here (${error.message}); starting the browser host in the sandbox profile instead.\n`,
      );
      void startBrowser(values['data-dir'], port);
    });
    child.on('exit', (code) => {
      process.exitCode = code ?? 0;
    });
  }
}
