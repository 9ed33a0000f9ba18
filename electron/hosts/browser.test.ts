import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_PROTOCOL } from '../../shared/wire';
import { createCapturingLogger } from '../log/logger';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { startBrowserHost, NonLoopbackBindError, type BrowserHost } from './browser';
import { openNodeKassa } from './node-kassa';

const TOKENS = { cashier: 'c'.repeat(64), display: 'd'.repeat(64) };

let host: BrowserHost;
let cleanups: (() => void)[] = [];

beforeEach(async () => {
  const data = tempDataDir();
  const web = tempDataDir();
  writeFileSync(join(web.dir, 'cashier.html'), '<!doctype html><title>cashier</title>');
  writeFileSync(join(data.dir, 'private.txt'), 'outside the web root');
  cleanups = [data.cleanup, web.cleanup];
  const { logger, redactor } = createCapturingLogger();
  const { kassa } = openNodeKassa({ dataDir: data.dir, host: 'test', logger, redactor });
  host = await startBrowserHost({ kassa, staticDir: web.dir, logger, port: 0, tokens: TOKENS });
});

afterEach(async () => {
  await host.close();
  for (const c of cleanups) {
    c();
  }
});

/** Resolve with 'open' or the HTTP status the handshake was refused with. */
function handshake(options: {
  token?: string;
  origin?: string;
}): Promise<{ result: 'open' | number; ws: WebSocket }> {
  const protocols = [
    WS_PROTOCOL,
    ...(options.token === undefined ? [] : [`${TOKEN_PROTOCOL_PREFIX}${options.token}`]),
  ];
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}`, protocols, {
    origin: options.origin ?? host.origin,
  });
  return new Promise((resolve) => {
    ws.on('open', () => {
      resolve({ result: 'open', ws });
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ result: res.statusCode ?? 0, ws });
    });
    ws.on('error', () => {
      resolve({ result: -1, ws });
    });
  });
}

function invoke(ws: WebSocket, channel: string, input: unknown): Promise<unknown> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as {
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

describe('browser host', () => {
  it('accepts the cashier token from its own origin and carries the contract', async () => {
    const { result, ws } = await handshake({ token: TOKENS.cashier });
    expect(result).toBe('open');
    expect(await invoke(ws, 'app:info', {})).toMatchObject({
      ok: true,
      value: { name: 'Kassa', host: 'test' },
    });
    ws.close();
  });

  it('refuses a wrong token, a missing token and a foreign origin at the handshake', async () => {
    expect((await handshake({ token: 'e'.repeat(64) })).result).toBe(401);
    expect((await handshake({})).result).toBe(401);
    expect((await handshake({ token: TOKENS.cashier, origin: 'http://evil.example' })).result).toBe(403);
    expect(
      (await handshake({ token: TOKENS.cashier, origin: `http://127.0.0.1:${host.port + 1}` })).result,
    ).toBe(403);
  });

  it('gives the display token the display role: cashier-only channels are forbidden', async () => {
    const { result, ws } = await handshake({ token: TOKENS.display });
    expect(result).toBe('open');
    expect(await invoke(ws, 'display:ready', {})).toMatchObject({ ok: true, value: { state: 'welcome' } });
    for (const channel of ['secrets:set', 'settings:get', 'app:info', 'secrets:status']) {
      expect(
        await invoke(
          ws,
          channel,
          channel === 'secrets:set' ? { name: 'pocket.clientSecret', value: 'x' } : {},
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    ws.close();
  });

  it('refuses to bind to a non-loopback address', async () => {
    const { logger, redactor } = createCapturingLogger();
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const { kassa } = openNodeKassa({ dataDir: data.dir, host: 'test', logger, redactor });
    for (const bad of ['0.0.0.0', '::', '192.168.1.10']) {
      await expect(
        startBrowserHost({ kassa, staticDir: data.dir, logger, host: bad }),
      ).rejects.toBeInstanceOf(NonLoopbackBindError);
    }
  });

  it('serves only files under the web root, and only to its own Host', async () => {
    const ok = await fetch(`${host.origin}/cashier.html`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const traversal = await fetch(`${host.origin}/..%2fprivate.txt`);
    expect(traversal.status).toBe(404);
    // fetch may not set Host; node:http can, as a DNS-rebinding page's browser would.
    const rebindingStatus = await new Promise<number>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/cashier.html',
          headers: { host: `evil.example:${host.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(rebindingStatus).toBe(421);
  });
});
