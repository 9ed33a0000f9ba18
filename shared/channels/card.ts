import { z } from 'zod';
import { channel } from '../channel';

/**
 * Ipoteka-bank (Uzbekistan) card attach with an SMS code (docs/providers.md §6.4–6.5): the cashier types the
 * customer's card, the processing centre texts a code to the customer's phone, the cashier types the code.
 * The card number crosses this boundary once, in `card:attach-start`'s input; nothing answers with it, nothing
 * keeps or logs it — the till only ever shows it masked (first four and last four digits). The card token the
 * bank returns stays in main and is never sent to a page.
 */
const AttachIdSchema = z.uuid();

export const CardAttachViewSchema = z.object({
  attachId: AttachIdSchema,
  /** `awaiting-code`: the SMS was sent; `attached`: the bank confirmed the code. */
  state: z.enum(['awaiting-code', 'attached']),
  /** "8600********1234". */
  maskedPan: z.string().regex(/^\d{4}\*{8}\d{4}$/),
  processingType: z.enum(['UZCARD', 'HUMO']),
  /** As the bank masks it, when it says. */
  maskedPhone: z.string().max(32).optional(),
  /** Epoch ms: until then the bank refuses a new code (1007), so "send again" waits. */
  resendAvailableAt: z.number().int().optional(),
});
export type CardAttachView = z.infer<typeof CardAttachViewSchema>;

export const cardChannels = {
  'card:attach-start': channel({
    input: z.strictObject({
      /** 16 digits; spaces and dashes typed by a cashier are allowed and dropped. */
      pan: z.string().regex(/^[\d\s-]{16,23}$/, 'the card number is 16 digits'),
      /** yyMM, as the bank's attach page specifies. */
      expiry: z.string().regex(/^\d{2}(0[1-9]|1[0-2])$/, 'the expiry is yyMM, e.g. 2812'),
      processingType: z.enum(['UZCARD', 'HUMO']),
      /** 12 digits starting with 998; "+998 90 123-45-67" is accepted. */
      phone: z.string().regex(/^[\d\s+()-]{9,20}$/, 'a phone number'),
    }),
    output: CardAttachViewSchema,
    summary:
      'Ipoteka-bank (UZ): send the customer’s card to the bank, which texts an SMS code to their phone. Also "send the code again".',
  }),
  'card:attach-confirm': channel({
    input: z.strictObject({
      attachId: AttachIdSchema,
      code: z.string().regex(/^\d{4,8}$/, 'the SMS code is 4–8 digits'),
    }),
    output: CardAttachViewSchema,
    summary: 'Ipoteka-bank (UZ): the SMS code the customer received; the bank attaches the card.',
  }),
};
