/**
 * The typed client every store uses to reach the main process, whichever host the page runs in:
 *  - Electron: the preload exposes `window.kassa` (cashier) / `window.kassaDisplay` (display).
 *  - Browser host: a WebSocket to the loopback host, authenticated by the token in the URL fragment.
 * Screens never call this directly; zustand store actions do.
 */
import { methodName } from '../../shared/channel';
import {
  CHANNEL_NAMES,
  type ChannelName,
  type EventName,
  type KassaApi,
  type KassaDisplayApi,
} from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { ServerFrameSchema, TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_PROTOCOL } from '../../shared/wire';

declare global {
  interface Window {
    kassa?: KassaApi;
    kassaDisplay?: KassaDisplayApi;
  }
}

type Listener = (payload: unknown) => void;

/**
 * How long to wait before reconnect attempt `attempt` (0-based): 0.5 s, 1 s, 2 s, 4 s, then every 8 s, each
 * ±20 % so several pages do not knock at once. Short at first (a restart takes a second or two), never
 * hammering a host that is down for longer.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(8000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * One WebSocket connection carrying invokes and events. When it drops (the host restarted, the till slept) it
 * reconnects by itself with back-off; the page's token and the host's port stay the same across restarts, so
 * the same URL keeps working, and the stores ask for the current state again once it is back.
 */
class SocketTransport {
  readonly #url: string;
  readonly #protocols: string[];
  #socket: WebSocket | undefined;
  #open: Promise<WebSocket> | undefined;
  #nextId = 1;
  #failures = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  readonly #pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #onStatus: (connected: boolean) => void;

  constructor(token: string, onStatus: (connected: boolean) => void) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.#url = `${scheme}//${location.host}${WS_PATH}`;
    this.#protocols = [WS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`];
    this.#onStatus = onStatus;
  }

  #connect(): Promise<WebSocket> {
    if (this.#retry !== undefined) {
      clearTimeout(this.#retry);
      this.#retry = undefined;
    }
    this.#open ??= new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(this.#url, this.#protocols);
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        this.#failures = 0;
        this.#socket = socket;
        this.#onStatus(true);
        resolve(socket);
      });
      socket.addEventListener('message', (message: MessageEvent<string>) => {
        this.#receive(message.data);
      });
      socket.addEventListener('close', () => {
        this.#socket = undefined;
        this.#open = undefined;
        if (opened || this.#failures === 0) {
          this.#onStatus(false);
        }
        this.#failures += 1;
        // Whatever was in flight has no answer coming: fail it visibly rather than hang the screen.
        for (const [id, settle] of this.#pending) {
          this.#pending.delete(id);
          settle({
            ok: false,
            error: { code: 'internal', message: 'The connection to the till was lost. Try again.' },
          });
        }
        reject(new Error('connection closed'));
        if (this.#listeners.size > 0 && this.#retry === undefined) {
          this.#retry = setTimeout(
            () => {
              this.#retry = undefined;
              this.#connect().catch(() => undefined);
            },
            reconnectDelay(this.#failures - 1),
          );
        }
      });
    });
    return this.#open;
  }

  #receive(data: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const frame = ServerFrameSchema.safeParse(raw);
    if (!frame.success) {
      return;
    }
    if (frame.data.type === 'result') {
      const settle = this.#pending.get(frame.data.id);
      this.#pending.delete(frame.data.id);
      settle?.(frame.data.envelope);
    } else {
      for (const listener of this.#listeners.get(frame.data.name) ?? []) {
        listener(frame.data.payload);
      }
    }
  }

  async invoke(channel: ChannelName, input: unknown): Promise<Envelope<unknown>> {
    let socket: WebSocket;
    try {
      socket = this.#socket ?? (await this.#connect());
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Cannot reach the till. Is Kassa running?' } };
    }
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'invoke', id, channel, input }));
    });
  }

  on(name: string, listener: Listener): () => void {
    let set = this.#listeners.get(name);
    if (!set) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(listener);
    this.#connect().catch(() => undefined);
    return () => {
      set.delete(listener);
    };
  }
}

function tokenFromFragment(): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (!token) {
    throw new Error('This page was opened without its access token. Use the URL Kassa printed at start.');
  }
  return token;
}

let connectionListener: (connected: boolean) => void = () => undefined;

/** Called by the app store to show "connection lost" while the host restarts. */
export function onConnectionChange(listener: (connected: boolean) => void): void {
  connectionListener = listener;
}

function socketApi(): KassaApi {
  const transport = new SocketTransport(tokenFromFragment(), (connected) => {
    connectionListener(connected);
  });
  const api: Record<string, unknown> = {
    on: (name: EventName, listener: Listener) => transport.on(name, listener),
  };
  for (const channel of CHANNEL_NAMES) {
    api[methodName(channel)] = (input: unknown) => transport.invoke(channel, input);
  }
  // The object is built from the same channel list the type is derived from; the cast is the one boundary.
  return api as unknown as KassaApi;
}

function socketDisplayApi(): KassaDisplayApi {
  const transport = new SocketTransport(tokenFromFragment(), (connected) => {
    connectionListener(connected);
  });
  return {
    displayReady: (input) =>
      transport.invoke('display:ready', input) as ReturnType<KassaDisplayApi['displayReady']>,
    onUpdate: (listener) => transport.on('display:update', listener as Listener),
  };
}

let cashier: KassaApi | undefined;
let display: KassaDisplayApi | undefined;

/** The cashier page's API. */
export function kassa(): KassaApi {
  cashier ??= window.kassa ?? socketApi();
  return cashier;
}

/** The customer display page's API. */
export function kassaDisplay(): KassaDisplayApi {
  display ??= window.kassaDisplay ?? socketDisplayApi();
  return display;
}
