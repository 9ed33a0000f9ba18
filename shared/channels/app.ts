import { z } from 'zod';
import { channel, MANAGER_ONLY } from '../channel';
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

export const DoctorLineSchema = z.object({ provider: z.string(), ok: z.boolean(), detail: z.string() });
export type DoctorLineView = z.infer<typeof DoctorLineSchema>;

export const appChannels = {
  'app:doctor': channel({
    input: z.strictObject({}),
    output: z.array(DoctorLineSchema),
    summary:
      'Check settings, the vault and every configured provider; one line each with a cause on failure.',
    roles: MANAGER_ONLY,
  }),
  'app:info': channel({
    input: z.strictObject({}),
    output: AppInfoSchema,
    summary: 'Version, host kind, profile and data directory.',
  }),
} as const;
