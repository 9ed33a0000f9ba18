/** The upload:* channels over the upload store (storage/uploads.ts): files a page hands to main in pieces. */
import type { HandlerMap } from '../kernel/handlers';
import { UPLOAD_CHUNK_BYTES } from '../../shared/channels/upload';
import type { UploadStore } from '../storage/uploads';

export function createUploadHandlers(uploads: UploadStore): HandlerMap<'upload'> {
  return {
    'upload:begin': async ({ name, size }) => ({
      ...(await uploads.begin(name, size)),
      chunkBytes: UPLOAD_CHUNK_BYTES,
    }),
    'upload:chunk': ({ uploadId, offset, data }) =>
      uploads.chunk(uploadId, offset, Buffer.from(data, 'base64')),
    'upload:finish': ({ uploadId }) => uploads.finish(uploadId),
    'upload:discard': async ({ uploadId }) => {
      await uploads.discard(uploadId);
      return {};
    },
  };
}
