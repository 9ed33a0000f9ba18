import { z } from 'zod';
import { BaseUrlSchema } from './url';

/**
 * Non-secret settings of the socialpay provider (Golomt SocialPay Instore). The HMAC checksum key is a secret
 * and lives in the vault as 'socialpay.checksumKey' (shared/secrets.ts).
 */
export const SocialpaySettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Production: https://instore.golomtbank.com (paths such as /pos/invoice/qr are appended). */
    baseUrl: BaseUrlSchema.default('http://127.0.0.1:1'),
    /** The terminal number Golomt issues: 8 digits per the Instore doc. Empty until the installer sets it. */
    terminal: z
      .string()
      .trim()
      .regex(/^(\d{8})?$/, 'must be the 8-digit terminal number issued by Golomt')
      .default(''),
  })
  .prefault({});
export type SocialpaySettings = z.infer<typeof SocialpaySettingsSchema>;
