import { z } from 'zod';
import { BaseUrlSchema } from './url';

/**
 * Non-secret settings of the bog provider (Bank of Georgia). A store uses one of BoG's two APIs:
 *  - 'ipay'     the legacy Online Payment API v1 (secret: 'bog.ipaySecretKey')
 *  - 'payments' the successor "payment manager" API (secret: 'bog.paymentsClientSecret')
 * Secrets live in the vault (shared/secrets.ts); everything here may be shown in Settings.
 */
export const BOG_APIS = ['ipay', 'payments'] as const;
export const BogApiSchema = z.enum(BOG_APIS);
export type BogApi = z.infer<typeof BogApiSchema>;

/** A PEM public key, or empty until the installer pastes BoG's published callback key. */
const PemPublicKeySchema = z
  .string()
  .trim()
  .refine(
    (value) =>
      value === '' || /^-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----$/.test(value),
    'must be a PEM public key (-----BEGIN PUBLIC KEY----- …)',
  );

export const BogSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** The successor API is what BoG onboards new merchants on; iPay stays for existing contracts. */
    api: BogApiSchema.default('payments'),
    /** iPay: production https://ipay.ge/opay/api/v1, test https://dev.ipay.ge/opay/api/v1 (token at /oauth2/token). */
    ipayBaseUrl: BaseUrlSchema.default('http://127.0.0.1:1/opay/api/v1'),
    /** iPay client_id issued at onboarding (BoG's public test id is 1006). */
    ipayClientId: z.string().trim().max(64).default(''),
    /** Payments API: production https://api.bog.ge/payments/v1. */
    paymentsBaseUrl: BaseUrlSchema.default('http://127.0.0.1:1/payments/v1'),
    /** Keycloak token endpoint: https://oauth2.bog.ge/auth/realms/bog/protocol/openid-connect/token. */
    paymentsTokenUrl: BaseUrlSchema.default(
      'http://127.0.0.1:1/auth/realms/bog/protocol/openid-connect/token',
    ),
    paymentsClientId: z.string().trim().max(64).default(''),
    /**
     * Required by both APIs although a till has no public address: iPay's browser return (`redirect_url`) and
     * the Payments API's `callback_url` (HTTPS). Point them at the merchant's back office when one exists;
     * the till itself polls and treats callbacks only as a hint.
     */
    returnUrl: BaseUrlSchema.default('https://example.invalid/kassa/return'),
    paymentsCallbackUrl: BaseUrlSchema.default('https://example.invalid/kassa/bog-callback'),
    /** BoG's RSA public key for `Callback-Signature` (Payments API). Empty: every callback is rejected. */
    callbackPublicKey: PemPublicKeySchema.default(''),
    /** Language of BoG's hosted payment page. */
    locale: z.enum(['ka', 'en']).default('ka'),
  })
  .prefault({});
export type BogSettings = z.infer<typeof BogSettingsSchema>;
