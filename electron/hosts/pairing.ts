/**
 * The browser host's page tokens, kept from one start to the next in `pairing.json` (0600) in the data dir:
 *   { "version": 1, "cashier": "<64 hex>", "display": "<64 hex>" }
 * A customer display opened once on its URL therefore reconnects by itself after any restart, and so does the
 * cashier page (the cashier page runs on the till itself, inside the same trust boundary as this folder, which
 * already holds the vault key file and the journal; a URL to re-copy after every crash or update is a worse risk
 * at a till than a token on disk). `kassa display rotate-token` / `kassa cashier rotate-token` replace one; a
 * running host notices the change and drops the pages still using the old one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { writeFileAtomic } from '../storage/atomic-file';

export const PAIRING_FILE = 'pairing.json';

/** The two pages the browser host serves; each has its own token, which decides the page's role. */
export const PAGES = ['cashier', 'display'] as const;
export type Page = (typeof PAGES)[number];

export type PairingTokens = Readonly<Record<Page, string>>;

const TokenSchema = z.string().regex(/^[0-9a-f]{64}$/);
const PairingFileSchema = z.object({ version: z.literal(1), cashier: TokenSchema, display: TokenSchema });

const freshToken = (): string => randomBytes(32).toString('hex');

function write(dataDir: string, tokens: PairingTokens): void {
  writeFileAtomic(
    join(dataDir, PAIRING_FILE),
    `${JSON.stringify({ version: 1, cashier: tokens.cashier, display: tokens.display }, null, 2)}\n`,
  );
}

function read(path: string): PairingTokens | undefined {
  try {
    const parsed = PairingFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    return parsed.success ? { cashier: parsed.data.cashier, display: parsed.data.display } : undefined;
  } catch {
    return undefined;
  }
}

/** The stored tokens; created on first use, and replaced (with a log line) when the file is damaged. */
export function loadPairing(dataDir: string, logger: Logger): PairingTokens {
  const path = join(dataDir, PAIRING_FILE);
  const existing = existsSync(path) ? read(path) : undefined;
  if (existing) {
    return existing;
  }
  if (existsSync(path)) {
    logger.warn(
      { file: path },
      'pairing: the token file is damaged; new tokens were made (open the new URLs on the cashier and display screens)',
    );
  }
  const tokens = { cashier: freshToken(), display: freshToken() };
  write(dataDir, tokens);
  return tokens;
}

/** Replace one page's token; pages using the old one are dropped by a running host and cannot reconnect. */
export function rotatePairing(dataDir: string, page: Page, logger: Logger): PairingTokens {
  const current = loadPairing(dataDir, logger);
  const next = { ...current, [page]: freshToken() };
  write(dataDir, next);
  return next;
}

/** The current tokens, re-read only when the file changes (a rotation by the CLI while the host runs). */
export function pairingSource(dataDir: string, logger: Logger): () => PairingTokens {
  const path = join(dataDir, PAIRING_FILE);
  let tokens = loadPairing(dataDir, logger);
  let stamp = '';
  const stampOf = (): string => {
    try {
      const s = statSync(path);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return '';
    }
  };
  stamp = stampOf();
  return () => {
    const now = stampOf();
    if (now !== stamp) {
      tokens = loadPairing(dataDir, logger);
      stamp = stampOf();
    }
    return tokens;
  };
}

/** The two page URLs for a host origin. */
export function pageUrls(origin: string, tokens: PairingTokens): { cashierUrl: string; displayUrl: string } {
  return {
    cashierUrl: `${origin}/cashier.html#token=${tokens.cashier}`,
    displayUrl: `${origin}/display.html#token=${tokens.display}`,
  };
}
