/**
 * Which HID devices are scanners, persisted as `scanners.json` in the data dir (not in settings.json: the
 * Settings screen saves the whole settings object, and must never drop a selection made meanwhile).
 * Validated with zod on the way in and out; written atomically (a crash leaves the old or the new file).
 * A missing file is "no scanners"; an unreadable or invalid one is logged and read as "no scanners" — a bad
 * file must never stop the till from starting.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { writeFileAtomic } from '../storage/atomic-file';
import type { ScannerSelection, ScannerSelectionStore } from './selection';

export const SCANNER_SELECTION_FILE = 'scanners.json';

const Id16 = z.number().int().min(0).max(0xffff);

export const ScannerSelectionSchema = z.strictObject({
  vendorId: Id16,
  productId: Id16,
  usagePage: Id16.optional(),
  label: z.string().max(80).optional(),
});

export const ScannerSelectionFileSchema = z.strictObject({
  version: z.literal(1),
  scanners: z.array(ScannerSelectionSchema).max(32),
});

function clean(selection: ScannerSelection): ScannerSelection {
  return {
    vendorId: selection.vendorId,
    productId: selection.productId,
    ...(selection.usagePage === undefined ? {} : { usagePage: selection.usagePage }),
    ...(selection.label === undefined ? {} : { label: selection.label }),
  };
}

export function createFileSelectionStore(dataDir: string, logger: Logger): ScannerSelectionStore {
  const path = join(dataDir, SCANNER_SELECTION_FILE);
  const log = logger.child({ component: 'devices' });
  return {
    load() {
      let raw: string;
      try {
        raw = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          log.warn(
            { err: (error as Error).message, path },
            'scanner selection unreadable; no scanners selected',
          );
        }
        return Promise.resolve([]);
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        log.warn({ path }, 'scanner selection is not JSON; no scanners selected');
        return Promise.resolve([]);
      }
      const parsed = ScannerSelectionFileSchema.safeParse(json);
      if (!parsed.success) {
        log.warn(
          { path, issues: parsed.error.issues.length },
          'scanner selection invalid; no scanners selected',
        );
        return Promise.resolve([]);
      }
      return Promise.resolve(parsed.data.scanners.map(clean));
    },
    save(selections) {
      const file = ScannerSelectionFileSchema.parse({ version: 1, scanners: selections.map(clean) });
      mkdirSync(dataDir, { recursive: true });
      writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
      return Promise.resolve();
    },
  };
}
