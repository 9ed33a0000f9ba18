/**
 * The till's managers: a name, a hashed PIN and optionally a hashed badge code each, in `managers.json`
 * (owner-only, written atomically) in the data dir. Managers are added by the machine's operator
 * (`kassa managers add NAME`, PIN from stdin) or, on a fresh sandbox till, by the first person at the page
 * (docs/architecture.md §3.1). Nothing here ever holds a PIN in the clear after hashing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BadgeCodeSchema, ManagerNameSchema, PinSchema } from '../../shared/channels/session';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import { writeFileAtomic } from './atomic-file';
import { hashPin, PinHashSchema, verifyPin, type PinHash } from './pin-hash';

export const MANAGERS_FILE_NAME = 'managers.json';

const ManagerRecordSchema = z.strictObject({
  name: ManagerNameSchema,
  pin: PinHashSchema,
  badge: PinHashSchema.nullable(),
  createdAt: z.string(),
});
type ManagerRecord = z.infer<typeof ManagerRecordSchema>;

const ManagersFileSchema = z.strictObject({
  version: z.literal(1),
  managers: z.array(ManagerRecordSchema),
});

export interface ManagerSummary {
  name: string;
  hasBadge: boolean;
  createdAt: string;
}

export interface ManagerStore {
  list(): ManagerSummary[];
  count(): number;
  add(name: string, pin: string): Promise<ManagerSummary>;
  setPin(name: string, pin: string): Promise<ManagerSummary>;
  /** Set (or with null, remove) the badge a manager may scan instead of typing the PIN. */
  setBadge(name: string, badge: string | null): Promise<ManagerSummary>;
  remove(name: string): void;
  /** The manager whose PIN or badge this is, or null. Every stored hash is checked, whatever matches first. */
  verify(code: string): Promise<{ name: string } | null>;
}

/** The schemas ran at the gate already; a direct caller still gets `validation`, never an exception. */
function parsed<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = result.error.issues[0]?.message ?? 'not valid';
    throw new KassaError('validation', `${path}: ${message}`, { issues: [{ path, message }] });
  }
  return result.data;
}

function summary(record: ManagerRecord): ManagerSummary {
  return { name: record.name, hasBadge: record.badge !== null, createdAt: record.createdAt };
}

export function openManagerStore(options: { dataDir: string; clock: Clock }): ManagerStore {
  const path = join(options.dataDir, MANAGERS_FILE_NAME);
  let records: ManagerRecord[] = [];
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      raw = undefined;
    }
    const parsed = ManagersFileSchema.safeParse(raw);
    if (!parsed.success) {
      // Never start with fewer managers than were set up: a damaged file would silently drop who may go live.
      throw new Error(
        `The managers file ${path} is damaged. Kassa did not start: restore it from a backup, or move it away and add the managers again with \`kassa managers add NAME\`.`,
      );
    }
    records = parsed.data.managers;
  }

  const persist = (next: ManagerRecord[]): void => {
    writeFileAtomic(path, `${JSON.stringify({ version: 1, managers: next }, null, 2)}\n`);
    records = next;
  };
  const find = (name: string): ManagerRecord => {
    const record = records.find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
    if (!record) {
      throw new KassaError('not_found', `There is no manager named "${name.slice(0, 40)}".`);
    }
    return record;
  };
  /** Another manager already signs in with this code: two people must not share one. */
  const refuseTaken = async (code: string, except: string | null): Promise<void> => {
    const holder = await matchOf(code);
    if (holder !== null && holder.name !== except) {
      throw new KassaError('validation', 'Another manager already uses this code; choose a different one.', {
        issues: [{ path: 'pin', message: 'already in use' }],
      });
    }
  };
  const matchOf = async (code: string): Promise<ManagerRecord | null> => {
    let found: ManagerRecord | null = null;
    for (const record of records) {
      const pin = await verifyPin(code, record.pin);
      const badge = record.badge === null ? false : await verifyPin(code, record.badge);
      if ((pin || badge) && found === null) {
        found = record;
      }
    }
    return found;
  };
  const replace = (name: string, change: (r: ManagerRecord) => ManagerRecord): ManagerSummary => {
    const target = find(name);
    const next = change(target);
    persist(records.map((r) => (r === target ? next : r)));
    return summary(next);
  };

  return {
    list: () => records.map(summary),
    count: () => records.length,
    async add(name, pin) {
      const cleanName = parsed(ManagerNameSchema, name, 'name');
      const cleanPin = parsed(PinSchema, pin, 'pin');
      if (records.some((r) => r.name.toLowerCase() === cleanName.toLowerCase())) {
        throw new KassaError('validation', `A manager named "${cleanName}" already exists.`, {
          issues: [{ path: 'name', message: 'already exists' }],
        });
      }
      await refuseTaken(cleanPin, null);
      const record: ManagerRecord = {
        name: cleanName,
        pin: await hashPin(cleanPin),
        badge: null,
        createdAt: new Date(options.clock.now()).toISOString(),
      };
      persist([...records, record]);
      return summary(record);
    },
    async setPin(name, pin) {
      const cleanPin = parsed(PinSchema, pin, 'pin');
      await refuseTaken(cleanPin, find(name).name);
      const hashed: PinHash = await hashPin(cleanPin);
      return replace(name, (r) => ({ ...r, pin: hashed }));
    },
    async setBadge(name, badge) {
      if (badge === null) {
        return replace(name, (r) => ({ ...r, badge: null }));
      }
      const code = parsed(BadgeCodeSchema, badge, 'badge');
      await refuseTaken(code, find(name).name);
      const hashed = await hashPin(code);
      return replace(name, (r) => ({ ...r, badge: hashed }));
    },
    remove(name) {
      const target = find(name);
      persist(records.filter((r) => r !== target));
    },
    async verify(code) {
      const record = await matchOf(code);
      return record === null ? null : { name: record.name };
    },
  };
}
