/**
 * The closed set of secret names the vault accepts. Non-secret identifiers (terminal ids, client ids,
 * user names) live in settings; only values that grant access live here.
 */
import { z } from 'zod';

export const SECRET_NAMES = [
  'socialpay.checksumKey',
  'pocket.clientSecret',
  'ebarimt.password',
  'bog.ipaySecretKey',
  'bog.paymentsClientSecret',
  'baas.consumerSecret',
  'baas.password',
] as const;

export const SecretNameSchema = z.enum(SECRET_NAMES);
export type SecretName = z.infer<typeof SecretNameSchema>;

/** What the UI may know about a secret: whether it is set, and when. Never its value. */
export const SecretStatusSchema = z.object({
  name: SecretNameSchema,
  set: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;

export const VaultStatusSchema = z.object({
  backend: z.enum(['safeStorage', 'aes-256-gcm-env-key', 'aes-256-gcm-key-file', 'memory']),
  /** Shown to the operator: e.g. the key-file warning, or why encryption is unavailable. */
  warning: z.string().nullable(),
  /** When true nothing can be stored or read (wrong key, no OS encryption); `warning` says why. */
  locked: z.boolean(),
  secrets: z.array(SecretStatusSchema),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;
