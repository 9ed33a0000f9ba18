import { z } from 'zod';
import { BaseUrlSchema } from './url';

/** Non-secret settings of the bog provider. Secrets live in the vault (shared/secrets.ts). */
export const BogSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    baseUrl: BaseUrlSchema.default('http://127.0.0.1:1'),
  })
  .prefault({});
