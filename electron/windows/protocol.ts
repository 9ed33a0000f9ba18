/**
 * The app:// protocol: the renderer is served from the built directory instead of file://, so pages get a
 * real origin (app://kassa), a CSP response header, and no ambient file-system access.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_CSP } from './csp';
import type { ElectronApi } from './electron-api';
import { APP_SCHEME, CONTENT_TYPES, resolveRendererPath } from './renderer-path';

/** Must run before `app` is ready (Electron only accepts privileged schemes then). */
export function registerAppScheme(protocol: ElectronApi['protocol']): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and origins work like http; secure: counts as a secure context.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

function refuse(status: 403 | 404 | 405): Response {
  return new Response(null, { status, headers: { 'content-type': 'text/plain' } });
}

/** Serve `rendererDir` (dist/renderer) under app://kassa/. Call after `app` is ready. */
export function serveRenderer(protocol: ElectronApi['protocol'], rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(405);
    }
    const file = resolveRendererPath(rendererDir, request.url);
    if (file === null) {
      return refuse(403);
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    const ext = extname(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      },
    });
  });
}
