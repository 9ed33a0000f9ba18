/**
 * The loopback browser host: serves the built renderer on 127.0.0.1 and carries the IPC contract over a
 * WebSocket. Used by `npm start` when Electron cannot launch, and by the e2e tests.
 *
 * Who may talk to it:
 *  - it listens on loopback only (a non-loopback bind is refused at start)
 *  - the Host header must name this loopback port (DNS-rebinding defence)
 *  - the WebSocket handshake must come from this origin and carry one of the two 256-bit page tokens
 *    (cashier, display; kept in pairing.json so pages reconnect after a restart) as a subprotocol; the token
 *    decides the role for the life of the connection, and a rotated token drops the pages still using it
 *
 * What one client can do to it: nothing that stops the till. Every socket has an error handler; oversize,
 * non-UTF-8 and malformed frames close that socket only; each connection is rate-limited and its send buffer
 * bounded (browser-connection.ts); connections per role are capped. Only the renderer's own file types are
 * served (no source maps), never outside the web root (browser-static.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES, roleMayReceive } from '../../shared/contract';
import { TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_PROTOCOL } from '../../shared/wire';
import type { Kassa } from '../core/kassa';
import type { Logger } from '../log/logger';
import {
  attachConnection,
  DEFAULT_LIMITS,
  type Connection,
  type ConnectionLimits,
  type ConnectionStats,
} from './browser-connection';
import { resolveStaticFile, STATIC_CONTENT_TYPES } from './browser-static';
import { pageUrls, type Page, type PairingTokens } from './pairing';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Close code for a page whose token was rotated away while it was connected (application range 4000–4999). */
export const CLOSE_TOKEN_ROTATED = 4001;

export interface BrowserHostOptions {
  kassa: Kassa;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  logger: Logger;
  /** 0 picks a free port (tests); a till uses a fixed one (settings `browserHost.port`) so pages reconnect. */
  port?: number;
  host?: string;
  /**
   * The page tokens: fixed, or read on every handshake (pairing.ts, so a rotation applies at once).
   * By default two fresh random 256-bit tokens for this launch only.
   */
  tokens?: PairingTokens | (() => PairingTokens);
  /** Per-connection limits (tests make them small). */
  limits?: Partial<ConnectionLimits>;
  /** How often open connections are checked against the current tokens, ms. */
  tokenCheckMs?: number;
}

export interface BrowserHost {
  readonly origin: string;
  readonly port: number;
  readonly cashierUrl: string;
  readonly displayUrl: string;
  /** One entry per open connection (tests and diagnostics). */
  stats(): ConnectionStats[];
  close(): Promise<void>;
}

export class NonLoopbackBindError extends Error {
  constructor(host: string) {
    super(`The browser host only listens on loopback (127.0.0.1 or ::1); refusing to bind to "${host}".`);
    this.name = 'NonLoopbackBindError';
  }
}

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `Port ${port} on ${host} is already in use — is Kassa already running? Stop the other one, or give this ` +
        `till another port: kassa settings set browserHost.port ${port === 65535 ? port - 1 : port + 1} (or --port N).`,
    );
    this.name = 'PortInUseError';
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

function refuseUpgrade(socket: Socket, status: 400 | 401 | 403 | 503, reason: string): void {
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
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const given = options.tokens ?? {
    cashier: randomBytes(32).toString('hex'),
    display: randomBytes(32).toString('hex'),
  };
  const currentTokens = typeof given === 'function' ? given : (): PairingTokens => given;
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
    res.on('error', (error) => {
      logger.debug({ err: error }, 'http: response failed');
    });
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.pathname === '/') {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end('Kassa is running. Open the cashier or display URL printed when Kassa started.\n');
      return;
    }
    const file = resolveStaticFile(staticRoot, url.pathname);
    if (file === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    const ext = extname(file);
    res.writeHead(200, {
      'content-type': STATIC_CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'content-security-policy': csp(`http://${req.headers.host ?? ''}`),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': ext === '.html' ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', (error) => {
        logger.warn({ err: error }, 'http: could not read a renderer file');
        res.destroy();
      })
      .pipe(res);
  };

  const server: Server = createServer(serveStatic);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  wss.on('error', (error) => {
    logger.warn({ err: error }, 'websocket server error');
  });
  /** Open connections and the token each one was admitted with. */
  const connections = new Map<WebSocket, { connection: Connection; token: string }>();
  const countOf = (role: Page): number =>
    [...connections.values()].filter((c) => c.connection.role === role).length;

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // A client that resets mid-handshake must not take the till down with it.
    socket.on('error', (error) => {
      logger.debug({ err: error }, 'upgrade: socket error');
    });
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      refuseUpgrade(socket, 400, 'Bad request');
      return;
    }
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
    const tokens = currentTokens();
    const role: Page | undefined =
      token === undefined
        ? undefined
        : sameToken(token, tokens.cashier)
          ? 'cashier'
          : sameToken(token, tokens.display)
            ? 'display'
            : undefined;
    if (role === undefined || token === undefined) {
      logger.warn({ hadToken: token !== undefined }, 'upgrade: refused a missing or wrong token');
      refuseUpgrade(socket, 401, 'Missing or wrong token');
      return;
    }
    if (!offered.includes(WS_PROTOCOL)) {
      refuseUpgrade(socket, 400, 'Unsupported protocol');
      return;
    }
    if (countOf(role) >= limits.maxConnections[role]) {
      logger.warn({ role, max: limits.maxConnections[role] }, 'upgrade: refused, too many connections');
      refuseUpgrade(socket, 503, 'Too many connections');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      accept(ws, role, token);
    });
  });

  const accept = (ws: WebSocket, role: Page, token: string): void => {
    let unsubscribers: (() => void)[] = [];
    const connection = attachConnection({
      ws,
      role,
      limits,
      logger,
      invoke: async (frame) => {
        const envelope = await options.kassa.invoke(role, frame.channel, frame.input);
        connection.send({ type: 'result', id: frame.id, envelope });
      },
      onClose: () => {
        connections.delete(ws);
        for (const off of unsubscribers) {
          off();
        }
        unsubscribers = [];
      },
    });
    connections.set(ws, { connection, token });
    unsubscribers = EVENT_NAMES.filter((name) => roleMayReceive(role, name)).map((name) =>
      options.kassa.on(name, (payload) => {
        connection.send({ type: 'event', name, payload });
      }),
    );
  };

  // A token rotated while pages are open: drop the pages that hold the old one.
  const tokenCheck = setInterval(() => {
    const tokens = currentTokens();
    for (const [ws, { connection, token }] of connections) {
      if (!sameToken(token, tokens[connection.role])) {
        logger.info(
          { role: connection.role },
          'browser host: token rotated; closing a page that used the old one',
        );
        ws.close(CLOSE_TOKEN_ROTATED, 'token rotated');
      }
    }
  }, options.tokenCheckMs ?? 2000);
  tokenCheck.unref();

  server.on('clientError', (error, socket) => {
    logger.debug({ err: error }, 'http: bad request');
    if (socket.writable) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    } else {
      socket.destroy();
    }
  });

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, bindHost, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    clearInterval(tokenCheck);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(bindHost, options.port ?? 0);
    }
    throw error;
  }
  server.on('error', (error) => {
    logger.error({ err: error }, 'browser host: server error');
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = bindHost === '::1' ? '[::1]' : bindHost;
  const origin = `http://${urlHost}:${port}`;
  logger.info({ port }, 'browser host listening');

  return {
    origin,
    port,
    get cashierUrl() {
      return pageUrls(origin, currentTokens()).cashierUrl;
    },
    get displayUrl() {
      return pageUrls(origin, currentTokens()).displayUrl;
    },
    stats: () =>
      [...connections.entries()]
        .filter(([ws]) => ws.readyState === ws.OPEN)
        .map(([, c]) => c.connection.stats()),
    close: () =>
      new Promise<void>((resolveClose) => {
        clearInterval(tokenCheck);
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
