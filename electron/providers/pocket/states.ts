/**
 * Pocket invoice states → what the till does (docs/providers.md §2.4): `paid` is the only success; cancelled,
 * rejected and unsuccess are final failures; pending, processing and processed keep polling.
 */
import type { Texts } from './messages';

export type PocketOutcome = 'pending' | 'paid' | 'failed';

const STATES: Readonly<Record<string, { outcome: PocketOutcome } & Texts>> = {
  pending: {
    outcome: 'pending',
    en: 'Waiting for the customer to pay in Pocket.',
    mn: 'Харилцагч Pocket-оор төлөхийг хүлээж байна.',
  },
  processing: {
    outcome: 'pending',
    en: 'Pocket is processing the payment.',
    mn: 'Pocket төлбөрийг боловсруулж байна.',
  },
  processed: {
    outcome: 'pending',
    en: 'Pocket is processing the payment.',
    mn: 'Pocket төлбөрийг боловсруулж байна.',
  },
  paid: { outcome: 'paid', en: 'Paid.', mn: 'Төлөгдсөн.' },
  cancelled: { outcome: 'failed', en: 'The invoice was cancelled.', mn: 'Нэхэмжлэх цуцлагдсан.' },
  rejected: { outcome: 'failed', en: 'The payment was rejected.', mn: 'Төлбөр татгалзагдсан.' },
  unsuccess: { outcome: 'failed', en: 'The payment did not go through.', mn: 'Төлбөр амжилтгүй боллоо.' },
};

/** The integer webhook codes one public client reports (docs/providers.md §2.5). */
export const WEBHOOK_STATE_CODES: Readonly<Record<number, string>> = {
  10: 'pending',
  20: 'paid',
  30: 'cancelled',
  40: 'rejected',
  50: 'unsuccess',
  60: 'processing',
  70: 'processed',
};

export function isKnownState(state: string): boolean {
  return Object.hasOwn(STATES, state.toLowerCase());
}

/**
 * An unknown state keeps polling rather than failing: marking a payment failed that later turns out paid makes
 * the cashier charge twice; the payment layer's own expiry ends an endless pending.
 */
export function describeState(
  state: string,
  description?: string | null,
): { outcome: PocketOutcome } & Texts {
  const known = STATES[state.toLowerCase()];
  const suffix = description ? ` (${description})` : '';
  if (known) {
    return { outcome: known.outcome, en: known.en + suffix, mn: known.mn + suffix };
  }
  return {
    outcome: 'pending',
    en: `Pocket answered an unknown state "${state}"; still checking.${suffix}`,
    mn: `Pocket үл мэдэгдэх "${state}" төлөвөөр хариулав; шалгасаар байна.${suffix}`,
  };
}
