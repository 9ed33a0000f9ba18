/**
 * The Pocket webhook sent to `fallBackUrl` (docs/providers.md §2.5). It is not signed, so it is only a hint:
 * the receiver names the invoice to re-check and the caller asks invoices/invoice-id. It never marks anything
 * paid.
 */
import { WebhookSchema } from './schemas';
import { WEBHOOK_STATE_CODES, isKnownState } from './states';

export type WebhookResult =
  | {
      ok: true;
      invoiceId: string;
      /** The state the webhook claims (string form); informational only. */
      claimedState: string;
      orderNumber?: string;
    }
  | { ok: false; reason: 'malformed' | 'unknown-state' };

export function parsePocketWebhook(rawBody: string): WebhookResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const result = WebhookSchema.safeParse(parsed);
  if (!result.success) {
    return { ok: false, reason: 'malformed' };
  }
  const { invoiceId, invoiceState, orderNumber } = result.data;
  // One client reports integer codes (possibly as numeric strings), another the state name
  // (docs/providers.md §2.5).
  const text = String(invoiceState);
  const claimedState = /^\d+$/.test(text) ? WEBHOOK_STATE_CODES[Number(text)] : text.toLowerCase();
  if (claimedState === undefined || !isKnownState(claimedState)) {
    return { ok: false, reason: 'unknown-state' };
  }
  return { ok: true, invoiceId, claimedState, ...(orderNumber === undefined ? {} : { orderNumber }) };
}
