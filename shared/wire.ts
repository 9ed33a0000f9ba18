/**
 * The browser host's WebSocket protocol: the IPC contract carried as JSON frames.
 * The page's role is fixed at the handshake by its token (subprotocol `kassa-token.<hex>`), never by a frame.
 */
import { z } from 'zod';
import { IpcErrorSchema } from './errors';

export const WS_PROTOCOL = 'kassa.v1';
export const TOKEN_PROTOCOL_PREFIX = 'kassa-token.';
export const WS_PATH = '/ipc';

export const ClientFrameSchema = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number().int().nonnegative(),
    envelope: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: IpcErrorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
