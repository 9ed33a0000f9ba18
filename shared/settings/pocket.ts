import { z } from 'zod';
import { BaseUrlSchema } from './url';

/**
 * Non-secret settings of the pocket provider (Invescore merchant API). The client secret lives in the vault
 * as 'pocket.clientSecret' (shared/secrets.ts).
 */
export const PocketSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Merchant API base, e.g. https://service.invescore.mn/merchant (paths are appended to it). */
    baseUrl: BaseUrlSchema.default('http://127.0.0.1:1/merchant'),
    /**
     * The Keycloak realm URL, e.g. https://sso.invescore.mn/auth/realms/invescore. The token, introspection and
     * JWKS endpoints are the realm's standard OpenID Connect paths below it; it is also the id-token issuer.
     */
    ssoUrl: BaseUrlSchema.default('http://127.0.0.1:1/auth/realms/invescore'),
    /** The merchant's OAuth client id (client_credentials grant). Empty until the installer sets it. */
    clientId: z.string().trim().max(200).default(''),
    /** The POS terminal id Pocket assigns (an int64 on the wire; kept to safe-integer digits). */
    terminalId: z
      .string()
      .trim()
      .regex(/^(\d{1,15})?$/, 'must be the numeric terminal id issued by Pocket')
      .default(''),
    /** PURCHASE = paid from the wallet, ZERO = paid on Pocket credit. */
    invoiceType: z.enum(['PURCHASE', 'ZERO']).default('PURCHASE'),
    /** Expected `aud` of consumer id tokens; empty means the merchant's client id. */
    consumerAudience: z.string().trim().max(200).default(''),
  })
  .prefault({});
export type PocketSettings = z.infer<typeof PocketSettingsSchema>;
