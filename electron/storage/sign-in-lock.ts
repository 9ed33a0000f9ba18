/**
 * How many wrong manager codes were typed in a row and until when sign-in is locked, kept in
 * `sign-in-lock.json` (owner-only) so closing and reopening the app does not reset the count
 * (docs/architecture.md §3.1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export const SIGN_IN_LOCK_FILE_NAME = 'sign-in-lock.json';

const LockStateSchema = z.strictObject({
  failures: z.number().int().min(0),
  /** Epoch ms; 0 when not locked. */
  lockedUntil: z.number().int().min(0),
});
export type LockState = z.infer<typeof LockStateSchema>;

export interface LockStore {
  load(): LockState;
  save(state: LockState): void;
}

export function openSignInLockStore(dataDir: string): LockStore {
  const path = join(dataDir, SIGN_IN_LOCK_FILE_NAME);
  return {
    load() {
      if (!existsSync(path)) {
        return { failures: 0, lockedUntil: 0 };
      }
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        raw = undefined;
      }
      const parsed = LockStateSchema.safeParse(raw);
      // A damaged file counts as four wrong codes (the next one locks), never as "no failures".
      return parsed.success ? parsed.data : { failures: 4, lockedUntil: 0 };
    },
    save(state) {
      writeFileAtomic(path, `${JSON.stringify(state)}\n`);
    },
  };
}
