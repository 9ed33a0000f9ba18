/**
 * The push notification SocialPay sends to a registered URL (docs/providers.md §3.6). Pure: it only verifies
 * and extracts which invoice to re-check. A push never marks anything paid — the caller runs
 * /pos/invoice/check and trusts only that answer (a till has no public URL; pushes arrive through a relay, if
 * at all).
 */
import { checksumMatches, invoiceChecksum } from './checksum';
import { PushBodySchema } from './schemas';

export type PushResult =
  | { ok: true; invoice: string; /** What the push claims; informational only. */ claimedRespCode: string }
  | { ok: false; reason: 'malformed' | 'wrong-terminal' | 'bad-checksum' };

export function verifySocialpayPush(rawBody: string, config: { terminal: string; key: string }): PushResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const result = PushBodySchema.safeParse(parsed);
  if (!result.success) {
    return { ok: false, reason: 'malformed' };
  }
  const body = result.data;
  if (body.terminal !== config.terminal) {
    return { ok: false, reason: 'wrong-terminal' };
  }
  // [I] erxes feeds the push checksum straight into /pos/invoice/check, so it is HMAC(terminal+invoice+amount).
  const expected = invoiceChecksum(config.key, body.terminal, body.invoice, String(body.amount));
  if (!checksumMatches(expected, body.checksum)) {
    return { ok: false, reason: 'bad-checksum' };
  }
  return { ok: true, invoice: body.invoice, claimedRespCode: body.resp_code };
}
