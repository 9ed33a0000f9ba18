/**
 * Where the Electron binary is, found the way the `electron` package itself finds it (path.txt → dist/<that>,
 * or ELECTRON_OVERRIDE_DIST_PATH) but without `require('electron')`: requiring the package starts a download
 * when the binary is missing, which prints a progress line and a stack trace where there is no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const NOT_DOWNLOADED =
  'its binary has not been downloaded; `npx install-electron` fetches it where GitHub is reachable';

/** The Electron binary's path, or why there is none. Never downloads anything. */
export function electronBinary(
  env: NodeJS.ProcessEnv = process.env,
  resolvePackage: () => string = () => createRequire(import.meta.url).resolve('electron/package.json'),
): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(resolvePackage());
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const path = join(override, name || 'electron');
    return existsSync(path) ? { path } : { reason: `no Electron binary at ${path}` };
  }
  if (name === '') {
    return { reason: NOT_DOWNLOADED };
  }
  const path = join(packageDir, 'dist', name);
  return existsSync(path) ? { path } : { reason: 'the Electron binary has not been downloaded' };
}
