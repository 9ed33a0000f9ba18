/**
 * Start the browser host for a Node core and keep it running until told to stop (SIGINT/SIGTERM).
 * The port comes from `--port`, else settings `browserHost.port`; the page tokens from pairing.json, so the
 * URLs printed here are the same at every start. It closes the core when it stops, or when it cannot start.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from './browser';
import { untilSignal, type CliIo } from './cli-io';
import type { NodeKassa } from './node-kassa';
import { pairingSource } from './pairing';

/** dist/renderer next to the bundled host (dist/*.mjs), or the repo's dist/renderer when run from source. */
export function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return (
    process.env.KASSA_RENDERER_DIR ??
    (here.endsWith('dist') ? join(here, 'renderer') : join(here, '..', '..', 'dist', 'renderer'))
  );
}

export async function serveBrowserHost(options: {
  node: NodeKassa;
  /** Overrides settings `browserHost.port`; 0 picks a free port (tests). */
  port?: number;
  io: Pick<CliIo, 'stdout' | 'stopped'>;
}): Promise<void> {
  const settings = options.node.settings.get();
  let host;
  try {
    host = await startBrowserHost({
      kassa: options.node.kassa,
      staticDir: rendererDir(),
      logger: options.node.logger,
      port: options.port ?? settings.browserHost.port,
      tokens: pairingSource(options.node.dataDir, options.node.logger),
    });
  } catch (error) {
    // Port taken, renderer not built: close the core so the process can end with that one message.
    await options.node.kassa.close();
    throw error;
  }
  options.io.stdout(
    [
      `Kassa browser host (${settings.profile} profile, ${settings.country})`,
      `  Data:    ${options.node.dataDir}`,
      `  Cashier: ${host.cashierUrl}`,
      `  Display: ${host.displayUrl}`,
      'Open the cashier URL on the till and the display URL on the customer screen, once: both stay the same',
      'at every start (`kassa display rotate-token` replaces the display one). Ctrl+C stops.',
      '',
    ].join('\n'),
  );
  await (options.io.stopped ?? untilSignal());
  await host.close();
  await options.node.kassa.close();
}
