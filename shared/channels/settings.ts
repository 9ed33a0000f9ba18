import { z } from 'zod';
import { channel, MANAGER_ONLY } from '../channel';
import { SecretNameSchema } from '../secrets';
import { CashierLocaleSchema, ProfileSchema, SettingsSchema } from '../settings';
import { DoctorLineSchema } from './app';

/** What saving settings did: the settings as saved, and the secrets it cleared because their address changed. */
export const SettingsSavedSchema = z.object({
  settings: SettingsSchema,
  /**
   * A provider's address (origin) changed, so every secret of that provider was cleared: a secret is only ever
   * sent to the address it was entered for (docs/architecture.md §7.1).
   */
  clearedSecrets: z.array(SecretNameSchema),
});
export type SettingsSaved = z.infer<typeof SettingsSavedSchema>;

/** Staging and production run against the configured providers; sandbox against the built-in simulators. */
export const LiveProfileSchema = ProfileSchema.exclude(['sandbox']);

export const settingsChannels = {
  'settings:get': channel({
    input: z.strictObject({}),
    output: SettingsSchema,
    summary: 'The current settings (never secrets).',
  }),
  'settings:set': channel({
    // The whole settings object: the Settings screen edits a copy and saves it; the CLI reads, changes one
    // path and writes back. Validated completely, so a bad value changes nothing. The profile is not changed
    // here (profile:switch, with its checks and confirmation).
    input: z.strictObject({ settings: SettingsSchema }),
    output: SettingsSavedSchema,
    summary:
      "Replace the settings (validated; not the profile; a provider's changed address clears its secrets).",
    roles: MANAGER_ONLY,
  }),
  'settings:set-locale': channel({
    input: z.strictObject({ locale: CashierLocaleSchema }),
    output: SettingsSchema,
    summary: 'The cashier language (the language buttons in the top bar; open to cashiers).',
  }),
  'profile:check': channel({
    input: z.strictObject({ profile: LiveProfileSchema }),
    output: z.array(DoctorLineSchema),
    summary:
      'Run every check of the target profile against the saved settings and secrets, before switching to it.',
    roles: MANAGER_ONLY,
  }),
  'profile:switch': channel({
    input: z.strictObject({
      profile: ProfileSchema,
      /** The manager confirmed the switch on screen (the CLI: `kassa profile set NAME --yes`). */
      confirm: z.literal(true, 'switching the profile must be confirmed'),
    }),
    output: SettingsSchema,
    summary:
      'Switch sandbox / staging / production: staging and production only when every check passes; the demo catalog goes with the sandbox.',
    roles: MANAGER_ONLY,
  }),
} as const;
