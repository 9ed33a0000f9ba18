/**
 * Start the browser host for a Node core and keep it running until SIGINT/SIGTERM.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from './browser';
import type { CliIo } from './cli-io';
import type { NodeKassa } from './node-kassa';

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
  port: number;
  io: Pick<CliIo, 'stdout'>;
}): Promise<void> {
  const host = await startBrowserHost({
    kassa: options.node.kassa,
    staticDir: rendererDir(),
    logger: options.node.logger,
    port: options.port,
  });
  const settings = options.node.settings.get();
  options.io.stdout(
    [
      `Kassa browser host (${settings.profile} profile, ${settings.country}) — data in ${options.node.dataDir}`,
      `  Cashier: ${host.cashierUrl}`,
      `  Display: ${host.displayUrl}`,
      'Open the cashier URL in a browser; open the display URL on the customer screen. Ctrl+C stops.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void host
        .close()
        .then(() => options.node.kassa.close())
        .then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
