import { z } from 'zod';
import { channel } from '../channel';
import { CountrySchema, ProfileSchema } from '../settings';

export const AppInfoSchema = z.object({
  name: z.literal('Kassa'),
  version: z.string(),
  host: z.enum(['electron', 'browser', 'cli', 'test']),
  profile: ProfileSchema,
  country: CountrySchema,
  /** Where settings, the vault and the journal live (shown in Settings so support can find them). */
  dataDir: z.string(),
  now: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  'app:info': channel({
    input: z.strictObject({}),
    output: AppInfoSchema,
    summary: 'Version, host kind, profile and data directory.',
  }),
} as const;
