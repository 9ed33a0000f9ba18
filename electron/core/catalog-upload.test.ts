/**
 * A 1.2 MB price list from Settings, over the browser host, as the page sends it: handed over in chunks
 * (upload:*), then imported (catalog:import-upload). The old way — the whole file in one frame — is closed
 * with 1009 by the host, which keeps running.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { UPLOAD_CHUNK_BYTES } from '../../shared/channels/upload';
import { TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_PROTOCOL } from '../../shared/wire';
import { startBrowserHost } from '../hosts/browser';
import { openNodeKassa } from '../hosts/node-kassa';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { TEST_MANAGER } from '../testing/manager';

const TOKENS = { cashier: 'c'.repeat(64), display: 'd'.repeat(64) };

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
});

/** About `bytes` of valid CSV: one product per row. */
function priceList(bytes: number): { csv: string; rows: number } {
  const lines = ['sku,name,price,barcode'];
  let size = lines[0]?.length ?? 0;
  let i = 0;
  while (size < bytes) {
    const line = `SKU-${String(i).padStart(6, '0')},Product number ${i} with a fairly long descriptive name,${(i % 900) + 100},`;
    lines.push(line);
    size += line.length + 1;
    i++;
  }
  return { csv: `${lines.join('\n')}\n`, rows: i };
}

async function setUp() {
  const data = tempDataDir();
  const web = tempDataDir();
  writeFileSync(join(web.dir, 'cashier.html'), '<!doctype html>');
  const { logger, redactor } = createCapturingLogger('warn');
  const node = openNodeKassa({
    dataDir: data.dir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '6'.repeat(64) },
  });
  const host = await startBrowserHost({
    kassa: node.kassa,
    staticDir: web.dir,
    logger,
    port: 0,
    tokens: TOKENS,
  });
  cleanups.push(
    data.cleanup,
    web.cleanup,
    () => node.kassa.close(),
    () => host.close(),
  );
  const ws = new WebSocket(
    `ws://127.0.0.1:${host.port}${WS_PATH}`,
    [WS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${TOKENS.cashier}`],
    {
      origin: host.origin,
    },
  );
  ws.on('error', () => undefined);
  await new Promise((resolve) => ws.once('open', resolve));
  cleanups.push(() => {
    ws.terminate();
  });
  let id = 0;
  const call = (
    channel: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: unknown }> => {
    const mine = ++id;
    return new Promise((resolve) => {
      const onMessage = (data: Buffer): void => {
        const frame = JSON.parse(data.toString('utf8')) as { type: string; id?: number; envelope: never };
        if (frame.type === 'result' && frame.id === mine) {
          ws.off('message', onMessage);
          resolve(frame.envelope);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ type: 'invoke', id: mine, channel, input }));
    });
  };
  // Importing a price list is a manager's (docs/architecture.md §3.1): this socket signs in as one.
  await node.kassa.invoke('operator', 'managers:add', TEST_MANAGER);
  const signedIn = await call('session:sign-in', { code: TEST_MANAGER.pin });
  if (!signedIn.ok) {
    throw new Error('the test manager could not sign in');
  }
  return { host, ws, call, node };
}

describe('catalog import of a large file over the browser host', () => {
  it('1.2 MB in chunks: imported, every chunk frame under the limit, the temp file gone afterwards', async () => {
    const { call, node } = await setUp();
    const { csv, rows } = priceList(1.2 * 1024 * 1024);
    const bytes = Buffer.from(csv, 'utf8');
    const begun = await call('upload:begin', { name: 'prices.csv', size: bytes.length });
    expect(begun).toMatchObject({ ok: true, value: { chunkBytes: UPLOAD_CHUNK_BYTES } });
    const { uploadId } = begun.value as { uploadId: string };
    let largestFrame = 0;
    for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
      const data = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
      largestFrame = Math.max(largestFrame, data.length + 100);
      expect(await call('upload:chunk', { uploadId, offset, data })).toMatchObject({ ok: true });
    }
    expect(largestFrame).toBeLessThan(512 * 1024);
    expect(await call('upload:finish', { uploadId })).toMatchObject({
      ok: true,
      value: { size: bytes.length },
    });
    expect(await call('catalog:import-upload', { uploadId })).toMatchObject({
      ok: true,
      value: { imported: rows, dryRun: false },
    });
    expect(await call('catalog:search', { query: 'SKU-000042' })).toMatchObject({
      ok: true,
      value: [{ sku: 'SKU-000042' }],
    });
    expect(await call('catalog:import-upload', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(readdirSync(join(node.dataDir, 'uploads'))).toEqual([]);
  });

  it('a bad row in an uploaded file: nothing imported, the line named', async () => {
    const { call } = await setUp();
    const bytes = Buffer.from('sku,name,price\nA1,Apple,1200\nB2,Bread,abc\n');
    const { uploadId } = (await call('upload:begin', { name: 'p.csv', size: bytes.length })).value as {
      uploadId: string;
    };
    await call('upload:chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    await call('upload:finish', { uploadId });
    const result = await call('catalog:import-upload', { uploadId });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(result)).toContain('line 3');
  });

  it('the whole 1.2 MB file in one catalog:import-csv frame: that socket is closed (1009), the host carries on', async () => {
    const { host, ws } = await setUp();
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 1,
        channel: 'catalog:import-csv',
        input: { csv: priceList(1.2 * 1024 * 1024).csv },
      }),
    );
    expect(await closed).toBe(1009);
    expect((await fetch(`${host.origin}/cashier.html`)).status).toBe(200);
  });
});
