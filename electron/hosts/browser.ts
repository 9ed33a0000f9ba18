/**
 * The loopback browser host: serves the built renderer on 127.0.0.1 and carries the IPC contract over a
 * WebSocket. Used by `npm start` when Electron cannot launch, and by the e2e tests.
 *
 * Who may talk to it:
 *  - it listens on loopback only (a non-loopback bind is refused at start)
 *  - the Host header must name this loopback port (DNS-rebinding defence)
 *  - the WebSocket handshake must come from this origin and carry one of the two per-launch 256-bit tokens
 *    (cashier, display) as a subprotocol; the token decides the role for the life of the connection
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Page } from '../../shared/channel';
import { EVENT_NAMES, pageMayReceive } from '../../shared/contract';
import {
  ClientFrameSchema,
  TOKEN_PROTOCOL_PREFIX,
  WS_PATH,
  WS_PROTOCOL,
  type ServerFrame,
} from '../../shared/wire';
import type { Kassa } from '../core/kassa';
import type { Logger } from '../log/logger';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const MAX_FRAME_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
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

export interface BrowserHostOptions {
  kassa: Kassa;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  logger: Logger;
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Fixed tokens (tests only); by default two fresh random 256-bit tokens per launch. */
  tokens?: { cashier: string; display: string };
}

export interface BrowserHost {
  readonly origin: string;
  readonly port: number;
  readonly cashierUrl: string;
  readonly displayUrl: string;
  close(): Promise<void>;
}

export class NonLoopbackBindError extends Error {
  constructor(host: string) {
    super(`The browser host only listens on loopback (127.0.0.1 or ::1); refusing to bind to "${host}".`);
    this.name = 'NonLoopbackBindError';
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function csp(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    `connect-src 'self' ${ws}`,
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function refuseUpgrade(socket: Socket, status: 400 | 401 | 403, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`,
  );
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bindHost = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(bindHost)) {
    throw new NonLoopbackBindError(bindHost);
  }
  const logger = options.logger.child({ component: 'browser-host' });
  const tokens = options.tokens ?? {
    cashier: randomBytes(32).toString('hex'),
    display: randomBytes(32).toString('hex'),
  };
  const staticRoot = resolve(options.staticDir);
  if (!existsSync(join(staticRoot, 'cashier.html'))) {
    throw new Error(
      `The renderer is not built (no ${join(staticRoot, 'cashier.html')}). Run \`npm run build\` first.`,
    );
  }
  let port = 0;
  const allowedHosts = (): Set<string> =>
    new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([...allowedHosts()].map((h) => `http://${h}`));

  const serveStatic = (req: IncomingMessage, res: ServerResponse): void => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end('Kassa is running. Open the cashier or display URL printed when Kassa started.\n');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(staticRoot, pathname));
    if (!file.startsWith(staticRoot + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    const ext = extname(file);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'content-security-policy': csp(`http://${req.headers.host ?? ''}`),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': ext === '.html' ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };

  const server: Server = createServer(serveStatic);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  const roles = new WeakMap<WebSocket, Page>();

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH) {
      refuseUpgrade(socket, 400, 'Unknown endpoint');
      return;
    }
    if (!allowedHosts().has(req.headers.host ?? '')) {
      refuseUpgrade(socket, 403, 'Wrong host');
      return;
    }
    const origin = req.headers.origin;
    if (origin === undefined || !allowedOrigins().has(origin)) {
      logger.warn({ origin: origin ?? '(none)' }, 'upgrade: refused a foreign origin');
      refuseUpgrade(socket, 403, 'Foreign origin');
      return;
    }
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const token = offered
      .find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))
      ?.slice(TOKEN_PROTOCOL_PREFIX.length);
    const role: Page | undefined =
      token === undefined
        ? undefined
        : sameToken(token, tokens.cashier)
          ? 'cashier'
          : sameToken(token, tokens.display)
            ? 'display'
            : undefined;
    if (role === undefined) {
      logger.warn({ hadToken: token !== undefined }, 'upgrade: refused a missing or wrong token');
      refuseUpgrade(socket, 401, 'Missing or wrong token');
      return;
    }
    if (!offered.includes(WS_PROTOCOL)) {
      refuseUpgrade(socket, 400, 'Unsupported protocol');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      roles.set(ws, role);
      wss.emit('connection', ws, req);
    });
  });

  wss.on('connection', (ws: WebSocket) => {
    const role = roles.get(ws);
    if (role === undefined) {
      ws.close(1008);
      return;
    }
    const send = (frame: ServerFrame): void => {
      if (ws.readyState === ws.OPEN) {
        ws.send(JSON.stringify(frame));
      }
    };
    const unsubscribers = EVENT_NAMES.filter((name) => pageMayReceive(role, name)).map((name) =>
      options.kassa.on(name, (payload) => {
        send({ type: 'event', name, payload });
      }),
    );
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(1003, 'text frames only');
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(
          Buffer.isBuffer(data)
            ? data.toString('utf8')
            : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
        );
      } catch {
        ws.close(1007, 'frames must be JSON');
        return;
      }
      const frame = ClientFrameSchema.safeParse(raw);
      if (!frame.success) {
        ws.close(1007, 'malformed frame');
        return;
      }
      // The socket is the connection: a manager's session lives on it (docs/architecture.md §3.1).
      void options.kassa.invoke(role, frame.data.channel, frame.data.input, ws).then((envelope) => {
        send({ type: 'result', id: frame.data.id, envelope });
      });
    });
    ws.on('close', () => {
      for (const off of unsubscribers) {
        off();
      }
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = bindHost === '::1' ? '[::1]' : bindHost;
  const origin = `http://${urlHost}:${port}`;
  logger.info({ port }, 'browser host listening');

  return {
    origin,
    port,
    cashierUrl: `${origin}/cashier.html#token=${tokens.cashier}`,
    displayUrl: `${origin}/display.html#token=${tokens.display}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const client of wss.clients) {
          client.terminate();
        }
        wss.close();
        server.closeAllConnections();
        server.close(() => {
          resolveClose();
        });
      }),
  };
}
