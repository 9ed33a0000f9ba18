/**
 * Small helpers shared by the two eBarimt simulators (not by the clients).
 */
import { randomInt } from 'node:crypto';
import type { SimRoute } from '../simulator-kit';

/**
 * Schema-drift injection: the next JSON reply(s) lose one top-level field. Wraps a route so every simulator
 * gets the same `dropFieldNext(field)` control.
 */
export function withFieldDrops(route: SimRoute): {
  route: SimRoute;
  dropFieldNext: (field: string) => void;
} {
  const pending: string[] = [];
  return {
    dropFieldNext: (field) => {
      pending.push(field);
    },
    route: async (req) => {
      const reply = await route(req);
      const field = pending[0];
      if (field !== undefined && reply.body !== null && typeof reply.body === 'object') {
        pending.shift();
        const copy: Record<string, unknown> = { ...(reply.body as Record<string, unknown>) };
        // Deliberate drift injection on a fresh copy of the reply.
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
        delete copy[field];
        return { ...reply, body: copy };
      }
      return reply;
    },
  };
}

export function randomDigits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) {
    out += String(randomInt(10));
  }
  return out;
}

/** "yyyy-MM-dd HH:mm:ss" in Ulaanbaatar time (UTC+8, no DST), the format PosAPI stamps receipts with. */
export function ulaanbaatarDateTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}
