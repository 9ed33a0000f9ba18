/**
 * Hand a file the cashier picked to main, in pieces (shared/channels/upload.ts): never one giant frame, so a
 * large price list cannot trip the browser host's frame limit, and main writes it straight to a private temp
 * file. Resolves with the upload id a channel that takes a file (catalog:import-upload) consumes.
 */
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call } from './errors';

/** Base64 of some bytes, in slices small enough for String.fromCharCode's argument limit. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export async function uploadFile(
  file: Blob,
  name: string,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<Envelope<{ uploadId: string }>> {
  const begun = await call(() => kassa().uploadBegin({ name, size: file.size }));
  if (!begun.ok) {
    return begun;
  }
  const { uploadId, chunkBytes } = begun.value;
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    const sent = await call(() => kassa().uploadChunk({ uploadId, offset, data: toBase64(bytes) }));
    if (!sent.ok) {
      void call(() => kassa().uploadDiscard({ uploadId }));
      return sent;
    }
    onProgress(sent.value.received, file.size);
  }
  const finished = await call(() => kassa().uploadFinish({ uploadId }));
  return finished.ok ? { ok: true, value: { uploadId } } : finished;
}
