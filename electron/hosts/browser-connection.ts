/**
 * One browser-host WebSocket connection and the limits that keep one client from hurting the till:
 *
 *  - every frame passes `ws`'s own checks first (maxPayload, UTF-8, framing); whatever it rejects arrives here
 *    as an `error` event, is logged, and `ws` closes that socket with the matching code (1009 too big,
 *    1007 invalid UTF-8, 1002 protocol error). Nothing a client sends can throw out of this file.
 *  - a frame that is not a JSON invoke is answered with a close (1007), binary frames with 1003.
 *  - invokes run at most `ratePerSecond` per connection (with a `burst`), at most `maxInFlight` at once; the
 *    rest wait in a queue while reading from the socket is paused (TCP pushes back on the client). A queue
 *    longer than `maxQueued` closes the connection (1008).
 *  - a client that does not read what it is sent: above `sendHighWaterBytes` waiting to go out, no new invoke
 *    is started (and reading pauses); above `sendLimitBytes` the connection is closed (1008) — the page
 *    reconnects and asks for the current state, so nothing is lost by dropping it.
 */
import type { WebSocket } from 'ws';
import type { Page } from './pairing';
import { ClientFrameSchema, type ClientFrame, type ServerFrame } from '../../shared/wire';
import type { Logger } from '../log/logger';

export interface ConnectionLimits {
  /** Largest frame accepted, in bytes (ws `maxPayload`). */
  maxFrameBytes: number;
  /** Invokes started per second, sustained, per connection. */
  ratePerSecond: number;
  /** Invokes that may start at once before the rate applies. */
  burst: number;
  /** Invokes being handled at the same time, per connection. */
  maxInFlight: number;
  /** Invokes waiting their turn; one more closes the connection. */
  maxQueued: number;
  /** Bytes waiting to be sent above which nothing new is started for this client. */
  sendHighWaterBytes: number;
  /** Bytes waiting to be sent above which the client is dropped. */
  sendLimitBytes: number;
  /** Open connections per role; one more is refused at the handshake (503). */
  maxConnections: Readonly<Record<Page, number>>;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxFrameBytes: 1024 * 1024,
  ratePerSecond: 100,
  burst: 200,
  maxInFlight: 16,
  maxQueued: 1000,
  sendHighWaterBytes: 1024 * 1024,
  sendLimitBytes: 8 * 1024 * 1024,
  maxConnections: { cashier: 8, display: 8 },
};

/** Close codes (RFC 6455 §7.4.1). */
export const CLOSE = {
  unsupportedData: 1003,
  invalidPayload: 1007,
  policy: 1008,
  tooBig: 1009,
} as const;

export interface ConnectionStats {
  role: Page;
  queued: number;
  inFlight: number;
  paused: boolean;
  bufferedAmount: number;
  /** The most ever waiting to be sent on this connection. */
  maxBufferedAmount: number;
}

export interface Connection {
  readonly role: Page;
  send(frame: ServerFrame): void;
  stats(): ConnectionStats;
}

export function attachConnection(options: {
  ws: WebSocket;
  role: Page;
  limits: ConnectionLimits;
  logger: Logger;
  invoke: (frame: ClientFrame) => Promise<unknown>;
  onClose: () => void;
}): Connection {
  const { ws, role, limits, logger } = options;
  const queue: ClientFrame[] = [];
  let tokens = limits.burst;
  let refilledAt = performance.now();
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let maxBuffered = 0;

  const closeWith = (code: number, reason: string): void => {
    if (closed) {
      return;
    }
    closed = true;
    queue.length = 0;
    logger.warn({ role, code, reason }, 'browser host: closed a connection');
    ws.close(code, reason);
    // A peer that does not read will not read the close frame either.
    setTimeout(() => {
      ws.terminate();
    }, 2000).unref();
  };

  const congested = (): boolean => ws.bufferedAmount >= limits.sendHighWaterBytes;

  const refill = (): void => {
    const now = performance.now();
    tokens = Math.min(limits.burst, tokens + ((now - refilledAt) / 1000) * limits.ratePerSecond);
    refilledAt = now;
  };

  const schedule = (ms: number): void => {
    if (timer === undefined && !closed) {
      timer = setTimeout(
        () => {
          timer = undefined;
          pump();
        },
        Math.max(1, Math.ceil(ms)),
      );
    }
  };

  const pump = (): void => {
    if (closed) {
      return;
    }
    refill();
    while (queue.length > 0 && inFlight < limits.maxInFlight && tokens >= 1 && !congested()) {
      const frame = queue.shift();
      if (frame === undefined) {
        break;
      }
      tokens -= 1;
      inFlight += 1;
      void options
        .invoke(frame)
        .catch((error: unknown) => {
          logger.error({ err: error, role }, 'browser host: an invoke failed outside the gate');
        })
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
    if (queue.length === 0 && !congested()) {
      if (ws.isPaused) {
        ws.resume();
      }
      return;
    }
    // Something is waiting: stop reading until it can go.
    if (!ws.isPaused) {
      ws.pause();
    }
    if (congested()) {
      schedule(20);
    } else if (tokens < 1) {
      schedule(((1 - tokens) / limits.ratePerSecond) * 1000);
    }
    // else: waiting on an in-flight invoke, whose completion pumps again.
  };

  ws.on('error', (error: Error & { code?: string }) => {
    // ws has already decided to close this socket (with 1009, 1007 or 1002); say why, and stay up.
    closed = true;
    queue.length = 0;
    logger.warn(
      { role, code: error.code ?? 'unknown' },
      'browser host: refused a frame and closed the socket',
    );
  });

  ws.on('message', (data, isBinary) => {
    if (closed) {
      return;
    }
    if (isBinary) {
      closeWith(CLOSE.unsupportedData, 'text frames only');
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
      closeWith(CLOSE.invalidPayload, 'frames must be JSON');
      return;
    }
    const frame = ClientFrameSchema.safeParse(raw);
    if (!frame.success) {
      closeWith(CLOSE.invalidPayload, 'malformed frame');
      return;
    }
    if (queue.length >= limits.maxQueued) {
      closeWith(CLOSE.policy, 'too many requests');
      return;
    }
    queue.push(frame.data);
    pump();
  });

  ws.on('close', () => {
    closed = true;
    queue.length = 0;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    options.onClose();
  });

  return {
    role,
    send(frame) {
      if (closed || ws.readyState !== ws.OPEN) {
        return;
      }
      ws.send(JSON.stringify(frame));
      maxBuffered = Math.max(maxBuffered, ws.bufferedAmount);
      if (ws.bufferedAmount > limits.sendLimitBytes) {
        closeWith(CLOSE.policy, 'not reading');
      }
    },
    stats: () => ({
      role,
      queued: queue.length,
      inFlight,
      paused: ws.isPaused,
      bufferedAmount: ws.bufferedAmount,
      maxBufferedAmount: maxBuffered,
    }),
  };
}
