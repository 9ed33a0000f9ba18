/**
 * The receipt's write-ahead decisions as pure functions (docs/architecture.md §9.1): which bill-id suffix a
 * send uses, whether a send may go at all, what a failure leaves in the journal, and the lines of a corrected
 * receipt after a partial refund.
 *
 * PosAPI 3.0 refuses a bill-id suffix it already used that day but cannot look a receipt up by suffix. So a
 * send whose answer was lost is `unconfirmed`: sending the same suffix again the same PosAPI day is safe (a
 * duplicate is refused, which still does not tell the receipt's id), sending it on another day could issue a
 * second receipt, and only a manager resolves what is left (receipt:resolve).
 */
import {
  allocateLargestRemainder,
  capturedAmount,
  type IssuedReceiptRef,
  type Payment,
  type ReceiptRef,
  type Sale,
} from '../../shared/domain';
import { billIdSuffixFor, type IssueReceiptInput } from '../providers/ebarimt';
import { isProviderError } from '../providers/errors';

export const PENDING_PREFIX = 'pending-';

/** Mongolia has no daylight saving: the PosAPI day is the UTC+8 calendar day. */
const UB_OFFSET_MS = 8 * 60 * 60 * 1000;

export function posApiDay(at: number): string {
  return new Date(at + UB_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The sale's bill-id suffix for a revision: 6 digits from the sale number for the first receipt, then two more
 * digits per correction or manager re-issue (8 digits never equal another sale's 6).
 */
export function suffixFor(sale: Pick<Sale, 'number'>, revision: number): string {
  const base = billIdSuffixFor(((sale.number - 1) % 999_999) + 1);
  return revision === 0 ? base : `${base}${String(revision).padStart(2, '0')}`;
}

export function suffixOf(ref: ReceiptRef): string | undefined {
  return ref.id.startsWith(PENDING_PREFIX) ? ref.id.slice(PENDING_PREFIX.length) : undefined;
}

/** A receipt still to be issued: not sent yet, refused, unconfirmed or cut off. */
export function isOpen(ref: ReceiptRef | undefined): boolean {
  return ref === undefined || ['pending', 'failed', 'unconfirmed'].includes(ref.status);
}

/**
 * Whether PosAPI may hold a receipt under the ref's suffix: its answer was lost (`unconfirmed`), or the till
 * stopped while it was being sent (`pending` with a send time: within a run, `pending` is only seen by the
 * send in flight, which the service does not interleave with).
 */
export function mayBeIssued(ref: ReceiptRef): boolean {
  return ref.status === 'unconfirmed' || (ref.status === 'pending' && ref.sentAt !== undefined);
}

export type SendDecision =
  | { kind: 'send'; pending: ReceiptRef; suffix: string; corrects?: IssuedReceiptRef }
  | { kind: 'needs-manager' };

/** What to journal before PosAPI is called for `amount` (undefined ref: the sale's first receipt). */
export function planSend(sale: Sale, ref: ReceiptRef | undefined, amount: number, now: number): SendDecision {
  if (ref === undefined) {
    const suffix = suffixFor(sale, 0);
    return {
      kind: 'send',
      suffix,
      pending: { id: `${PENDING_PREFIX}${suffix}`, status: 'pending', amount, sentAt: now },
    };
  }
  const suffix = suffixOf(ref) ?? suffixFor(sale, ref.revision ?? 0);
  if (mayBeIssued(ref) && ref.sentAt !== undefined && posApiDay(ref.sentAt) !== posApiDay(now)) {
    // Another PosAPI day: the duplicate check no longer protects this suffix.
    return { kind: 'needs-manager' };
  }
  return {
    kind: 'send',
    suffix,
    ...(ref.corrects ? { corrects: ref.corrects } : {}),
    pending: { ...ref, id: `${PENDING_PREFIX}${suffix}`, status: 'pending', amount, sentAt: now },
  };
}

/**
 * The correction of an issued receipt down to `amount` (a partial refund): the next revision's suffix, the old
 * receipt as `corrects` (sent as inactiveId). Not sent yet, so no send time.
 */
export function planCorrection(
  sale: Sale,
  issued: ReceiptRef & { status: 'issued' },
  amount: number,
): ReceiptRef {
  const revision = (issued.revision ?? 0) + 1;
  return {
    id: `${PENDING_PREFIX}${suffixFor(sale, revision)}`,
    status: 'pending',
    amount,
    revision,
    corrects: { id: issued.id, date: issued.date ?? '', amount: issued.amount ?? 0 },
  };
}

/**
 * What a failed send leaves: `failed` when PosAPI certainly issued nothing (it refused a first send, or the
 * request never reached it), else `unconfirmed` — including a refusal of a resent suffix, which may be the
 * duplicate check answering for a receipt the till never heard of.
 */
export function afterFailedSend(
  sent: ReceiptRef,
  before: ReceiptRef | undefined,
  error: unknown,
): ReceiptRef {
  const wasUncertain = before !== undefined && mayBeIssued(before);
  const certainlyNothing =
    !isProviderError(error) || error.kind === 'rejected' || !error.mayHaveReachedProvider;
  if (certainlyNothing && !wasUncertain) {
    const { sentAt: _sent, ...rest } = sent;
    return { ...rest, status: 'failed' };
  }
  return { ...sent, status: 'unconfirmed' };
}

/** A receipt's lines brought down to `amount` in proportion to their totals (largest remainder). */
export function linesForAmount(
  lines: IssueReceiptInput['lines'],
  amount: number,
): IssueReceiptInput['lines'] {
  const total = lines.reduce((acc, l) => acc + l.amount, 0);
  if (amount >= total) {
    return lines;
  }
  const shares = allocateLargestRemainder(
    amount,
    lines.map((l) => l.amount),
  );
  return lines.map((line, i) => ({ ...line, amount: shares[i] ?? 0 })).filter((line) => line.amount > 0);
}

/**
 * The receipt's payments for `amount`: what was kept by cash vs. non-cash (a QR bank payment is PAYMENT_CARD).
 * What a refund gave back is not on the receipt, nor is change handed back in cash.
 */
export function receiptPayments(payments: readonly Payment[], amount: number): IssueReceiptInput['payments'] {
  let cash = 0;
  let other = 0;
  for (const p of payments) {
    const kept = p.state === 'refunding' ? p.amount.amount - p.refundedAmount : capturedAmount(p);
    if (p.method === 'cash') {
      cash += kept;
    } else {
      other += kept;
    }
  }
  other = Math.min(other, amount);
  cash = Math.min(cash, amount - other);
  return [
    ...(cash > 0 ? [{ code: 'CASH' as const, amount: cash }] : []),
    ...(other > 0 ? [{ code: 'PAYMENT_CARD' as const, amount: other }] : []),
  ];
}
