import { z } from 'zod';
import { channel } from '../channel';
import { SecretNameSchema, VaultStatusSchema } from '../secrets';

export const secretsChannels = {
  'secrets:status': channel({
    input: z.strictObject({}),
    output: VaultStatusSchema,
    summary: 'Which secrets are set and which vault backend holds them. Never a value.',
  }),
  'secrets:set': channel({
    input: z.strictObject({
      name: SecretNameSchema,
      value: z.string().min(1, 'a secret cannot be empty').max(4096, 'a secret is at most 4096 characters'),
    }),
    output: VaultStatusSchema,
    summary: 'Store a secret (write-only).',
  }),
  'secrets:clear': channel({
    input: z.strictObject({ name: SecretNameSchema }),
    output: VaultStatusSchema,
    summary: 'Remove a secret.',
  }),
} as const;
