/**
 * What every provider simulator shares: a real node:http server on 127.0.0.1 (port 0 by default), body
 * reading, JSON replies, and the fault-injection controls tests and the sandbox use.
 * Each simulator implements its provider's documented wire format in its own `route` function.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * `reset` / `hang`: the connection drops / never answers before the request is handled (nothing happened at the
 * "bank"); `reset-after` / `hang-after`: the request IS handled (an invoice is created) and then the answer is
 * lost — the two cases a till cannot tell apart (docs/payment-outcomes.md). `lost-answer` is `reset-after`
 * (the refund tests' name for it).
 */
export type Fault =
  'http500' | 'html' | 'malformed-json' | 'reset' | 'hang' | 'reset-after' | 'hang-after' | 'lost-answer';

/** Which requests a targeted fault or reply applies to: a path, or a test on it. */
export type PathMatch = string | RegExp;

function matches(match: PathMatch, path: string): boolean {
  return typeof match === 'string' ? path === match : match.test(path);
}

export interface SimRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** The body parsed as JSON or form (by content-type); undefined when empty or unparseable. */
  body: unknown;
  /** True when the body was sent but could not be parsed. */
  bodyInvalid: boolean;
}

export interface SimReply {
  status: number;
  /** An object is sent as JSON; a string as-is with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
}

export type SimRoute = (req: SimRequest) => SimReply | Promise<SimReply>;

export interface SimulatorControls {
  /** Fail the next `count` requests (any path) with `fault`. */
  failNext(fault: Fault, count?: number): void;
  /** Fail the next `count` requests whose path matches with `fault` (before any `failNext` fault). */
  failOn(path: PathMatch, fault: Fault, count?: number): void;
  /** Answer the next `count` requests whose path matches with `reply` instead of handling them. */
  replyOn(path: PathMatch, reply: SimReply, count?: number): void;
  /** Delay every answer by `ms` (0 to stop). */
  setLatency(ms: number): void;
  /** Every request seen, in order (method + path + parsed body), for tests to assert on. */
  readonly requests: readonly SimRequest[];
}

export interface RunningSimulator extends SimulatorControls {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): { body: unknown; invalid: boolean } {
  if (raw === '') {
    return { body: undefined, invalid: false };
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw)), invalid: false };
  }
  try {
    return { body: JSON.parse(raw) as unknown, invalid: false };
  } catch {
    return { body: undefined, invalid: true };
  }
}

export async function startSimulatorServer(
  route: SimRoute,
  options: { port?: number; host?: string } = {},
): Promise<RunningSimulator> {
  const faults: Fault[] = [];
  const targeted: { match: PathMatch; fault?: Fault; reply?: SimReply }[] = [];
  const requests: SimRequest[] = [];
  let latencyMs = 0;
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, reply: SimReply): void => {
    const isString = typeof reply.body === 'string';
    const payload =
      reply.body === undefined ? '' : isString ? (reply.body as string) : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type':
        reply.contentType ?? (isString ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
      ...reply.headers,
    });
    res.end(payload);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const parsed = parseBody(rawBody, req.headers['content-type']);
        const simReq: SimRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          rawBody,
          body: parsed.body,
          bodyInvalid: parsed.invalid,
        };
        requests.push(simReq);
        if (latencyMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, latencyMs));
        }
        const aimed = targeted.findIndex((t) => matches(t.match, simReq.path));
        const [target] = aimed >= 0 ? targeted.splice(aimed, 1) : [];
        if (target?.reply !== undefined) {
          send(res, target.reply);
          return;
        }
        const fault = target?.fault ?? faults.shift();
        switch (fault) {
          case 'http500':
            send(res, { status: 500, body: { error: 'simulated internal error' } });
            return;
          case 'html':
            send(res, {
              status: 502,
              body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
              contentType: 'text/html',
            });
            return;
          case 'malformed-json':
            send(res, {
              status: 200,
              body: '{"header": {"code": 200, "stat',
              contentType: 'application/json',
            });
            return;
          case 'reset':
            req.socket.destroy();
            return;
          case 'hang':
            // Never answer; the client's timeout must fire. The socket is destroyed on close().
            return;
          case 'reset-after':
          case 'lost-answer':
          case 'hang-after':
            try {
              await route(simReq);
            } catch {
              // The answer is lost either way.
            }
            if (fault !== 'hang-after') {
              req.socket.destroy();
            }
            return;
          case undefined:
            break;
        }
        try {
          send(res, await route(simReq));
        } catch (error) {
          send(res, {
            status: 500,
            body: { error: error instanceof Error ? error.message : 'simulator error' },
          });
        }
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    failNext(fault, count = 1) {
      for (let i = 0; i < count; i += 1) {
        faults.push(fault);
      }
    },
    failOn(match, fault, count = 1) {
      for (let i = 0; i < count; i += 1) {
        targeted.push({ match, fault });
      }
    },
    replyOn(match, reply, count = 1) {
      for (let i = 0; i < count; i += 1) {
        targeted.push({ match, reply });
      }
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Issue opaque random tokens with a lifetime, and check them — the simulators' OAuth servers. */
export class SimTokenIssuer {
  readonly #tokens = new Map<string, number>();
  lifetimeMs: number;
  readonly #now: () => number;

  constructor(lifetimeMs: number, now: () => number = Date.now) {
    this.lifetimeMs = lifetimeMs;
    this.#now = now;
  }

  issue(): { token: string; expiresAt: number } {
    const token = `sim_${crypto.randomUUID().replace(/-/g, '')}`;
    const expiresAt = this.#now() + this.lifetimeMs;
    this.#tokens.set(token, expiresAt);
    return { token, expiresAt };
  }

  /** 'ok', 'expired' or 'unknown' for the bearer token in an Authorization header. */
  check(authorization: string | undefined): 'ok' | 'expired' | 'unknown' {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const expiresAt = match?.[1] === undefined ? undefined : this.#tokens.get(match[1]);
    if (expiresAt === undefined) {
      return 'unknown';
    }
    return this.#now() < expiresAt ? 'ok' : 'expired';
  }

  /** Make every issued token expired now (the control interface's "expire tokens"). */
  expireAll(): void {
    for (const token of this.#tokens.keys()) {
      this.#tokens.set(token, 0);
    }
  }
}

/** Decode `Authorization: Basic …` into its two parts, or undefined. */
export function parseBasicAuth(
  authorization: string | undefined,
): { user: string; pass: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}
