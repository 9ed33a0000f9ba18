/**
 * Which file of the built renderer a browser-host request may read: the same rules as the Electron app://
 * protocol (electron/windows/renderer-path.ts). Encoded separators, NUL bytes, backslashes, anything that
 * normalises — or, through a symlink, resolves — outside the web root are refused, and only the content types
 * the pages need are served: source maps (`*.map`) and anything else unknown get a 404.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The absolute file for a request path (`URL.pathname`, still percent-encoded), or null to answer 404. */
export function resolveStaticFile(rootDir: string, rawPathname: string): string | null {
  if (/%2f|%5c|%00/i.test(rawPathname)) {
    return null;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return null;
  }
  const root = realpathSync(rootDir);
  const inside = (p: string): boolean => p.startsWith(root.endsWith(sep) ? root : root + sep);
  const file = normalize(join(root, pathname));
  if (!inside(file) || STATIC_CONTENT_TYPES[extname(file)] === undefined || !existsSync(file)) {
    return null;
  }
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  if (!inside(real) || !statSync(real).isFile()) {
    return null;
  }
  return real;
}
