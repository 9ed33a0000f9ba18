import { describe, expect, it } from 'vitest';
import { emitFakeEvent, installFakeKassa } from '../testing/fake-kassa';
import { useCatalogStore } from './catalog';
import { toBase64 } from './upload';

describe('catalog import from a picked file', () => {
  it('hands the file over in chunks (none bigger than the host asks for), then imports the upload', async () => {
    const size = 600 * 1024 + 17;
    const content = new Uint8Array(size).map((_, i) => (i * 7) % 251);
    const received: Uint8Array[] = [];
    let progressSeen: unknown = null;
    const { calls } = installFakeKassa({
      'upload:begin': () => ({
        ok: true,
        value: { uploadId: `up-${'a'.repeat(32)}`, chunkBytes: 256 * 1024 },
      }),
      'upload:chunk': (input) => {
        const { data, offset } = input as { data: string; offset: number };
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        expect(offset).toBe(received.reduce((n, b) => n + b.length, 0));
        received.push(bytes);
        return { ok: true, value: { received: offset + bytes.length } };
      },
      'upload:finish': () => ({
        ok: true,
        value: { uploadId: `up-${'a'.repeat(32)}`, size, sha256: '0'.repeat(64) },
      }),
      'catalog:import-upload': () => {
        // Main reports progress while the import runs; the store shows it until the answer comes.
        emitFakeEvent('catalog:import-progress', { rows: 1000, bytes: 300, totalBytes: 600, done: false });
        progressSeen = useCatalogStore.getState().progress;
        emitFakeEvent('catalog:import-progress', { rows: 1234, bytes: 600, totalBytes: 600, done: true });
        return {
          ok: true,
          value: {
            imported: 1234,
            dryRun: false,
            warnings: [{ line: 7, message: 'no valid classification_code' }],
            warningCount: 3,
          },
        };
      },
    });
    expect(await useCatalogStore.getState().importFile(new Blob([content]), 'prices.csv')).toBe(true);
    expect(useCatalogStore.getState()).toMatchObject({
      imported: 1234,
      progress: null,
      warnings: ['line 7: no valid classification_code'],
      warningCount: 3,
    });
    expect(progressSeen).toEqual({ rows: 1000, bytes: 300, totalBytes: 600, done: false });
    expect(received.map((b) => b.length)).toEqual([256 * 1024, 256 * 1024, 88 * 1024 + 17]);
    const joined = new Uint8Array(size);
    let at = 0;
    for (const b of received) {
      joined.set(b, at);
      at += b.length;
    }
    expect(joined).toEqual(content);
    expect(calls.map((c) => c.channel)).toEqual([
      'upload:begin',
      'upload:chunk',
      'upload:chunk',
      'upload:chunk',
      'upload:finish',
      'catalog:import-upload',
    ]);
    expect(calls.some((c) => c.channel === 'catalog:import-csv')).toBe(false);
  });

  it('a refused chunk drops the upload and shows the error; nothing is imported', async () => {
    const { calls } = installFakeKassa({
      'upload:begin': () => ({ ok: true, value: { uploadId: `up-${'b'.repeat(32)}`, chunkBytes: 4 } }),
      'upload:chunk': () => ({ ok: false, error: { code: 'validation', message: 'too large' } }),
      'upload:discard': () => ({ ok: true, value: {} }),
    });
    expect(await useCatalogStore.getState().importFile(new Blob(['abcdefgh']), 'p.csv')).toBe(false);
    expect(useCatalogStore.getState().lastError).toEqual({ code: 'validation', message: 'too large' });
    expect(calls.map((c) => c.channel)).toEqual(['upload:begin', 'upload:chunk', 'upload:discard']);
  });

  it('base64 of large byte arrays matches the standard encoding', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(toBase64(new TextEncoder().encode('hello world'))).toBe('aGVsbG8gd29ybGQ=');
  });
});
