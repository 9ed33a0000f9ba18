/**
 * Maps an app:// request URL to a file inside the built renderer directory, or null when it must be refused.
 * Pure (no electron) so the traversal rules are unit-tested.
 */
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
/** One fixed host, so every page shares the origin app://kassa and 'self' in the CSP means exactly that. */
export const APP_HOST = 'kassa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export function pageUrl(page: 'cashier' | 'display'): string {
  return `${APP_ORIGIN}/${page}.html`;
}

/** True for our own pages: exactly app://kassa, no credentials. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * The absolute file for a request, or null: other hosts, encoded separators, NUL bytes, and anything that
 * normalises outside `rootDir` are refused. Only known content types are served.
 */
export function resolveRendererPath(rootDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return null;
  }
  // An encoded slash or backslash would let "..%2F" survive URL normalisation; no real asset needs one.
  if (/%2f|%5c|%00/i.test(url.pathname)) {
    return null;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return null;
  }
  const root = normalize(rootDir);
  const file = normalize(join(root, pathname));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return null;
  }
  if (CONTENT_TYPES[extname(file)] === undefined) {
    return null;
  }
  return file;
}
