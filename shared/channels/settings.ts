import { z } from 'zod';
import { channel } from '../channel';
import { SettingsSchema } from '../settings';

export const settingsChannels = {
  'settings:get': channel({
    input: z.strictObject({}),
    output: SettingsSchema,
    summary: 'The current settings (never secrets).',
  }),
  'settings:set': channel({
    // The whole settings object: the Settings screen edits a copy and saves it; the CLI reads, changes one
    // path and writes back. Validated completely, so a bad value changes nothing.
    input: z.strictObject({ settings: SettingsSchema }),
    output: SettingsSchema,
    summary: 'Replace the settings (validated; secrets are set through secrets:set).',
  }),
} as const;
