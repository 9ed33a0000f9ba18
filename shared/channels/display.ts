import { z } from 'zod';
import { channel, event } from '../channel';
import { SALE_DISPLAY_SCHEMAS } from '../display-model';
import { DisplayLocaleSchema } from '../settings';

/**
 * What the customer display shows. The cashier side computes everything; the display only renders.
 * Later features add states to this union.
 */
export const DisplayWelcomeSchema = z.object({
  state: z.literal('welcome'),
  locale: DisplayLocaleSchema,
  storeName: z.string(),
});

export const DisplayViewModelSchema = z.discriminatedUnion('state', [
  DisplayWelcomeSchema,
  ...SALE_DISPLAY_SCHEMAS,
]);
export type DisplayViewModel = z.infer<typeof DisplayViewModelSchema>;

export const displayChannels = {
  'display:ready': channel({
    input: z.strictObject({}),
    output: DisplayViewModelSchema,
    summary: 'The display page has loaded; returns the current view-model and starts pushing display:update.',
    roles: ['display', 'cashier', 'manager'],
  }),
} as const;

export const displayEvents = {
  'display:update': event(DisplayViewModelSchema, ['display', 'cashier']),
} as const;
