import { z } from 'zod';
import { channel, MANAGER_ONLY } from '../channel';
import { SecretNameSchema, VaultStatusSchema } from '../secrets';

export const secretsChannels = {
  'secrets:status': channel({
    input: z.strictObject({}),
    output: VaultStatusSchema,
    summary: 'Which secrets are set, for which address, and which vault backend holds them. Never a value.',
    roles: MANAGER_ONLY,
  }),
  'secrets:set': channel({
    input: z.strictObject({
      name: SecretNameSchema,
      value: z.string().min(1, 'a secret cannot be empty').max(4096, 'a secret is at most 4096 characters'),
    }),
    output: VaultStatusSchema,
    summary: "Store a secret (write-only), bound to the origin of its provider's address as saved now.",
    roles: MANAGER_ONLY,
  }),
  'secrets:clear': channel({
    input: z.strictObject({ name: SecretNameSchema }),
    output: VaultStatusSchema,
    summary: 'Remove a secret.',
    roles: MANAGER_ONLY,
  }),
} as const;
