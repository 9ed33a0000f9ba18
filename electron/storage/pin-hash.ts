/**
 * Manager PINs and badge codes are stored only as scrypt hashes with a random salt per value (node:crypto:
 * memory-hard, so a copied managers.json cannot be brute-forced over the small PIN space cheaply), and compared
 * with timingSafeEqual (docs/architecture.md §3.1).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * N = 2^14, r = 8, p = 1 (16 MiB): tens of milliseconds per check on a till, and sign-in checks every
 * manager's PIN and badge. The PIN space is small, so the hash mostly keeps a copied file from being read at a
 * glance; the rate limit (ipc/sign-in-throttle.ts) is what stops guessing at the till.
 */
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const PinHashSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(1024),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().min(1),
  hash: z.string().min(1),
});
export type PinHash = z.infer<typeof PinHashSchema>;

function derive(secret: string, salt: Buffer, cost: ScryptOptions & { N: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem with headroom over 128 × N × r, the memory scrypt needs.
    scrypt(
      secret.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...cost, maxmem: 256 * cost.N * (cost.r ?? 8) },
      (e, key) => {
        if (e) {
          reject(e);
        } else {
          resolve(key);
        }
      },
    );
  });
}

export async function hashPin(
  secret: string,
  cost: { N: number; r: number; p: number } = DEFAULT_COST,
): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPin(secret: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
