/**
 * The browser host against clients that misbehave: one bad frame, a flood, a reader that never reads, too many
 * sockets, a rotated token. Whatever one client does, the host keeps serving the others.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_PROTOCOL } from '../../shared/wire';
import type { Kassa } from '../core/kassa';
import { createCapturingLogger } from '../log/logger';
import { tempDataDir } from '../kernel/testing/temp-dir';
import type { ConnectionLimits } from './browser-connection';
import { CLOSE_TOKEN_ROTATED, PortInUseError, startBrowserHost, type BrowserHost } from './browser';

const TOKENS = { cashier: 'c'.repeat(64), display: 'd'.repeat(64) };

/** A core stand-in: answers every invoke at once and lets a test push events. */
function stubKassa(
  answer: (channel: string) => unknown = (channel) => ({ channel }),
): Kassa & { emit(name: EventName, payload: unknown): void; invoked: number } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stub = {
    invoked: 0,
    invoke(_role: string, channel: string): Promise<Envelope<unknown>> {
      stub.invoked += 1;
      return Promise.resolve({ ok: true, value: answer(channel) });
    },
    on(name: string, listener: (payload: unknown) => void) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(name: EventName, payload: unknown) {
      for (const l of listeners.get(name) ?? []) {
        l(payload);
      }
    },
    providers: undefined as never,
    recovered: Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return stub as unknown as Kassa & { emit(name: EventName, payload: unknown): void; invoked: number };
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
});

async function start(
  options: {
    limits?: Partial<ConnectionLimits>;
    tokens?: typeof TOKENS | (() => typeof TOKENS);
    port?: number;
    tokenCheckMs?: number;
    answer?: (channel: string) => unknown;
  } = {},
): Promise<{ host: BrowserHost; kassa: ReturnType<typeof stubKassa>; lines: string[]; webDir: string }> {
  const web = tempDataDir();
  writeFileSync(join(web.dir, 'cashier.html'), '<!doctype html><title>cashier</title>');
  const { logger, lines } = createCapturingLogger();
  const kassa = stubKassa(options.answer);
  const host = await startBrowserHost({
    kassa,
    staticDir: web.dir,
    logger,
    port: options.port ?? 0,
    tokens: options.tokens ?? TOKENS,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.tokenCheckMs ? { tokenCheckMs: options.tokenCheckMs } : {}),
  });
  cleanups.push(web.cleanup, () => host.close());
  return { host, kassa, lines, webDir: web.dir };
}

function connect(host: BrowserHost, token: string): Promise<WebSocket> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${host.port}${WS_PATH}`,
    [WS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`],
    {
      origin: host.origin,
    },
  );
  cleanups.push(() => {
    ws.terminate();
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`handshake refused: ${String(res.statusCode)}`));
    });
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) {
      resolve(-1);
      return;
    }
    ws.on('error', () => undefined);
    ws.once('close', (code) => {
      resolve(code);
    });
  });
}

let nextId = 1;
function invoke(ws: WebSocket, channel: string, input: unknown = {}): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse((data as Buffer).toString('utf8')) as {
        type: string;
        id?: number;
        envelope?: unknown;
      };
      if (frame.type === 'result' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.envelope);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  });
}

describe('one bad frame closes one socket, never the host', () => {
  it('a 2 MiB frame from the display token: that socket is closed with 1009, the others keep working', async () => {
    const { host, lines } = await start();
    const cashier = await connect(host, TOKENS.cashier);
    const display = await connect(host, TOKENS.display);
    const gone = closed(display);
    display.send(
      JSON.stringify({ type: 'invoke', id: 1, channel: 'display:ready', input: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(await gone).toBe(1009);
    expect(lines.join('\n')).toContain('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
    expect((await fetch(`${host.origin}/cashier.html`)).status).toBe(200);
    // and the display comes back
    const again = await connect(host, TOKENS.display);
    expect(await invoke(again, 'display:ready')).toMatchObject({ ok: true });
  });

  it('an invalid UTF-8 text frame: closed with 1007, the others keep working', async () => {
    const { host, lines } = await start();
    const cashier = await connect(host, TOKENS.cashier);
    const display = await connect(host, TOKENS.display);
    const gone = closed(display);
    display.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false });
    expect(await gone).toBe(1007);
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
    expect(lines.join('\n')).toContain('WS_ERR_INVALID_UTF8');
  });

  it('not JSON, not an invoke, or binary: closed (1007 / 1003), the others keep working', async () => {
    const { host } = await start();
    const cashier = await connect(host, TOKENS.cashier);
    for (const [frame, binary, code] of [
      ['{not json', false, 1007],
      [JSON.stringify({ type: 'invoke', id: -1, channel: 'x' }), false, 1007],
      ['{}', true, 1003],
    ] as const) {
      const ws = await connect(host, TOKENS.display);
      const gone = closed(ws);
      ws.send(Buffer.from(frame), { binary });
      expect(await gone).toBe(code);
    }
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
  });
});

describe('per-connection limits', () => {
  it('a flood of invokes is throttled to the rate, every one answered, and another page is not slowed', async () => {
    const { host } = await start({ limits: { ratePerSecond: 200, burst: 20, maxQueued: 1000 } });
    const flooder = await connect(host, TOKENS.display);
    const cashier = await connect(host, TOKENS.cashier);
    const startedAt = performance.now();
    const all = Promise.all(Array.from({ length: 220 }, () => invoke(flooder, 'display:ready')));
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
    const cashierMs = performance.now() - t0;
    const answers = await all;
    const elapsed = performance.now() - startedAt;
    expect(answers).toHaveLength(220);
    expect(answers.every((a) => (a as { ok: boolean }).ok)).toBe(true);
    // 20 at once, then 200 at 200/s: about a second.
    expect(elapsed).toBeGreaterThan(850);
    expect(cashierMs).toBeLessThan(150);
  });

  it('more waiting than the queue holds closes that connection (1008), the others keep working', async () => {
    const { host, kassa } = await start({ limits: { ratePerSecond: 10, burst: 5, maxQueued: 50 } });
    const flooder = await connect(host, TOKENS.display);
    const cashier = await connect(host, TOKENS.cashier);
    const gone = closed(flooder);
    const frames = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ type: 'invoke', id: i, channel: 'display:ready', input: {} }),
    );
    for (const f of frames) {
      flooder.send(f);
    }
    expect(await gone).toBe(1008);
    expect(kassa.invoked).toBeLessThan(60);
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
  });

  it('a client that never reads: the send buffer stays bounded and the client is dropped', async () => {
    const limits = { sendHighWaterBytes: 64 * 1024, sendLimitBytes: 512 * 1024 };
    const { host, kassa } = await start({ limits });
    const slow = await connect(host, TOKENS.display);
    const cashier = await connect(host, TOKENS.cashier);
    const gone = closed(slow);
    slow.pause(); // stop reading: the kernel buffers fill, then the host's own
    const payload = { state: 'welcome', pad: 'p'.repeat(100 * 1024) };
    let peak = 0;
    for (let i = 0; i < 400 && host.stats().some((s) => s.role === 'display'); i++) {
      kassa.emit('display:update', payload);
      for (const s of host.stats()) {
        peak = Math.max(peak, s.bufferedAmount);
      }
      await new Promise((r) => setImmediate(r));
    }
    // 40 MB were pushed at it; at most the limit plus one frame ever waited in the host.
    expect(peak).toBeLessThanOrEqual(limits.sendLimitBytes + 110 * 1024);
    expect(host.stats().filter((s) => s.role === 'display')).toHaveLength(0);
    slow.resume();
    expect(await gone).toBe(1008);
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
  });

  it('a client that sends but never reads its answers: reading from it stops; nothing grows', async () => {
    const limits = { sendHighWaterBytes: 32 * 1024, ratePerSecond: 100_000, burst: 100_000 };
    const answer = 'a'.repeat(20 * 1024);
    const { host, kassa } = await start({ limits, answer: () => answer });
    const slow = await connect(host, TOKENS.cashier);
    slow.pause();
    slow.on('error', () => undefined);
    // 5 000 requests (in bursts a page could send) whose answers are 20 KB each: 100 MB the host would hold
    // if it kept answering.
    for (let batch = 0; batch < 50; batch++) {
      for (let i = 0; i < 100; i++) {
        slow.send(JSON.stringify({ type: 'invoke', id: batch * 100 + i, channel: 'app:info', input: {} }));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 500));
    const [stats] = host.stats();
    // The host stopped reading from it: paused, the queue bounded, the send buffer near the high-water mark.
    expect(stats).toBeDefined();
    expect(stats?.paused).toBe(true);
    expect(stats?.queued).toBeLessThanOrEqual(1000);
    // high water + what the in-flight invokes could add
    expect(stats?.maxBufferedAmount).toBeLessThan(32 * 1024 + 17 * 21 * 1024);
    expect(kassa.invoked).toBeLessThan(1000);
  });

  it('connections per role are capped at the handshake (503)', async () => {
    const { host } = await start({ limits: { maxConnections: { cashier: 2, display: 1 } } });
    await connect(host, TOKENS.display);
    await expect(connect(host, TOKENS.display)).rejects.toThrow('503');
    await connect(host, TOKENS.cashier);
    await connect(host, TOKENS.cashier);
    await expect(connect(host, TOKENS.cashier)).rejects.toThrow('503');
  });
});

describe('tokens, port and files', () => {
  it('a rotated token drops the pages using the old one; the new token connects', async () => {
    let tokens = { ...TOKENS };
    const { host } = await start({ tokens: () => tokens, tokenCheckMs: 20 });
    const display = await connect(host, TOKENS.display);
    const cashier = await connect(host, TOKENS.cashier);
    const gone = closed(display);
    tokens = { ...TOKENS, display: 'e'.repeat(64) };
    expect(await gone).toBe(CLOSE_TOKEN_ROTATED);
    await expect(connect(host, TOKENS.display)).rejects.toThrow('401');
    expect(await invoke(await connect(host, 'e'.repeat(64)), 'display:ready')).toMatchObject({ ok: true });
    expect(host.displayUrl).toContain(`#token=${'e'.repeat(64)}`);
    expect(await invoke(cashier, 'app:info')).toMatchObject({ ok: true });
  });

  it('a port already in use is a clear error naming the port and the way out', async () => {
    const { host } = await start();
    const error = await start({ port: host.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toContain(`Port ${host.port} on 127.0.0.1 is already in use`);
    expect((error as Error).message).toContain('browserHost.port');
  });

  it('source maps, unknown types, traversal and symlinks out of the web root are 404', async () => {
    const { host, webDir } = await start();
    const outside = tempDataDir();
    cleanups.push(outside.cleanup);
    writeFileSync(join(outside.dir, 'secret.js'), 'secret');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(webDir, 'assets', 'app-1.js.map'), '{"sources":["../../electron/secret.ts"]}');
    writeFileSync(join(webDir, 'notes.txt'), 'x');
    symlinkSync(join(outside.dir, 'secret.js'), join(webDir, 'assets', 'link.js'));
    expect((await fetch(`${host.origin}/assets/app-1.js`)).status).toBe(200);
    for (const path of [
      '/assets/app-1.js.map',
      '/notes.txt',
      '/assets/link.js',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%5c..%5ccashier.html',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%00.js',
      '/assets/%E0%A4%A.js',
    ]) {
      expect((await fetch(`${host.origin}${path}`)).status, path).toBe(404);
    }
  });
});
