/**
 * Name-based UUIDs: the first 16 bytes of a hash of a fixed prefix and a name, with the version and the
 * RFC 4122 variant bits set, formatted by the `uuid` package (which also refuses anything that is not a
 * well-formed UUID). The same name always gives the same UUID, so an id a provider already holds is derived
 * again after a restart instead of being stored.
 *
 * Why not `uuid`'s v5: RFC 4122 v5 hashes a 16-byte namespace UUID followed by the name, while the ids Kassa
 * has already sent to providers (and journaled) hash a text prefix followed by the name, and one of them uses
 * SHA-256. v5 under any namespace would derive a different id for a payment a bank already knows, so each
 * call site names its scheme and keeps it.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'uuid';

export interface NameUuidScheme {
  /** The hash over the UTF-8 bytes of `prefix + name`; its first 16 bytes become the UUID. */
  readonly hash: 'sha1' | 'sha256';
  /** The version written into the high nibble of byte 6. */
  readonly version: 4 | 5;
  /** Text hashed before every name, so two schemes never derive the same UUID from the same name. */
  readonly prefix: string;
}

export function nameUuid(scheme: NameUuidScheme, name: string): string {
  const bytes = createHash(scheme.hash).update(`${scheme.prefix}${name}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | (scheme.version << 4);
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return stringify(bytes);
}
