/**
 * Files a page hands to main, in pieces: `upload:begin` (name, size) → chunks of at most UPLOAD_CHUNK_BYTES,
 * base64, in order → `upload:finish`. Main writes them to a private temp file in the data dir; a channel that
 * takes a file (today `catalog:import-upload`) names the upload and consumes it. Nothing big ever travels in
 * one frame (the browser host refuses frames over 1 MiB), and the same path works over Electron IPC.
 */
import { z } from 'zod';
import { channel } from '../channel';

/** Bytes per chunk before base64 (a chunk frame stays well under the browser host's 1 MiB frame limit). */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;
/** The largest file a page may hand over. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export const UploadIdSchema = z.string().regex(/^up-[0-9a-f]{32}$/, 'not an upload id');

const Base64Chunk = z
  .string()
  .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, `a chunk is at most ${UPLOAD_CHUNK_BYTES} bytes`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const uploadChannels = {
  'upload:begin': channel({
    input: z.strictObject({
      name: z.string().trim().min(1).max(200),
      size: z
        .number()
        .int()
        .min(1, 'the file is empty')
        .max(MAX_UPLOAD_BYTES, `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
    }),
    output: z.object({ uploadId: UploadIdSchema, chunkBytes: z.number().int().positive() }),
    summary: 'Start handing a file to main (name, size); then upload:chunk in order and upload:finish.',
  }),
  'upload:chunk': channel({
    input: z.strictObject({
      uploadId: UploadIdSchema,
      /** Where this chunk starts: exactly the bytes received so far. */
      offset: z.number().int().nonnegative(),
      data: Base64Chunk,
    }),
    output: z.object({ received: z.number().int().nonnegative() }),
    summary: 'One piece of an upload, base64, in order.',
  }),
  'upload:finish': channel({
    input: z.strictObject({ uploadId: UploadIdSchema }),
    output: z.object({
      uploadId: UploadIdSchema,
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    summary: 'Every byte is there: the upload can now be handed to a channel that takes a file.',
  }),
  'upload:discard': channel({
    input: z.strictObject({ uploadId: UploadIdSchema }),
    output: z.object({}),
    summary: 'Drop an upload that will not be used.',
  }),
} as const;
