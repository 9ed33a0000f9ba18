/**
 * The closed set of secret names the vault accepts. Non-secret identifiers (terminal ids, client ids,
 * user names) live in settings; only values that grant access live here.
 */
import { z } from 'zod';
import type { Settings } from './settings';

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

export type ProviderId = keyof Settings['providers'];
type UrlKey<P extends ProviderId> = {
  [K in keyof Settings['providers'][P]]: Settings['providers'][P][K] extends string ? K : never;
}[keyof Settings['providers'][P]];

/**
 * Where each secret may go: the provider and the setting whose origin it is sent to (the token endpoint, or
 * the API a signed request goes to). A secret is bound to that origin when it is stored and is never sent
 * anywhere else (docs/architecture.md §7.1).
 */
export const SECRET_ENDPOINTS = {
  'socialpay.checksumKey': { provider: 'socialpay', setting: 'baseUrl' },
  'pocket.clientSecret': { provider: 'pocket', setting: 'ssoUrl' },
  'ebarimt.password': { provider: 'ebarimt', setting: 'tokenUrl' },
  'bog.ipaySecretKey': { provider: 'bog', setting: 'ipayBaseUrl' },
  'bog.paymentsClientSecret': { provider: 'bog', setting: 'paymentsTokenUrl' },
  'baas.consumerSecret': { provider: 'baas', setting: 'baseUrl' },
  'baas.password': { provider: 'baas', setting: 'baseUrl' },
} as const satisfies {
  [N in SecretName]: { [P in ProviderId]: { provider: P; setting: UrlKey<P> } }[ProviderId];
};

/** The origin a secret may be sent to under these provider settings. */
export function secretOrigin(name: SecretName, providers: Settings['providers']): string {
  const { provider, setting } = SECRET_ENDPOINTS[name];
  const section: Record<string, unknown> = providers[provider];
  const url = section[setting];
  if (typeof url !== 'string') {
    throw new TypeError(`secrets: ${provider}.${setting} is not a URL setting`);
  }
  return new URL(url).origin;
}

/** The secrets of one provider. */
export function secretsOf(provider: ProviderId): SecretName[] {
  return SECRET_NAMES.filter((name) => SECRET_ENDPOINTS[name].provider === provider);
}

/** What the UI may know about a secret: whether it is set, and when. Never its value. */
export const SecretStatusSchema = z.object({
  name: SecretNameSchema,
  set: z.boolean(),
  updatedAt: z.string().nullable(),
  /** The origin the stored value was entered for (null: not set, or stored before Kassa recorded it). */
  origin: z.string().nullable(),
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
