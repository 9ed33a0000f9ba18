/**
 * A manager's resolution of a receipt the till could not settle (receipt:resolve, docs/architecture.md §9.1),
 * as a pure step from the sale's receipt ref to the next one. Only an open receipt (pending, failed,
 * unconfirmed) can be resolved: an issued one is returned or corrected by refunds, never overwritten.
 *  - issued: the manager found it in PosAPI's web page; its id and date become the sale's receipt (a later
 *    refund can then return or correct it).
 *  - reissue: the manager confirmed PosAPI has none; the next bill-id suffix is used, so PosAPI's duplicate
 *    check cannot refuse it and the old suffix is never sent again.
 *  - no-receipt: the sale gets none, with the reason.
 */
import type { ReceiptResolveInput } from '../../shared/channels/receipt';
import type { ReceiptRef, Sale } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { PENDING_PREFIX, isOpen, suffixFor } from './receipt-plan';

export function resolvedRef(
  sale: Sale,
  input: ReceiptResolveInput,
  context: { by: string; at: number; kept: number },
): ReceiptRef {
  const ref = sale.receipt;
  if (!isOpen(ref)) {
    throw new KassaError(
      'state.conflict',
      `This sale's receipt is ${ref?.status ?? 'not started'}; only an unconfirmed, failed or pending receipt can be resolved.`,
    );
  }
  const resolution = {
    action: input.action,
    by: context.by,
    at: context.at,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
  };
  const revision = ref?.revision ?? 0;
  switch (input.action) {
    case 'issued':
      return {
        id: input.receiptId,
        status: 'issued',
        date: input.date,
        // What the till sent under that suffix; a refund since then is returned / corrected next.
        amount: ref?.amount ?? context.kept,
        ...(revision > 0 ? { revision } : {}),
        ...(ref?.corrects ? { corrects: ref.corrects } : {}),
        resolution,
      };
    case 'reissue':
      if (ref === undefined) {
        throw new KassaError(
          'state.conflict',
          'Nothing was sent for this sale yet; issue its receipt instead.',
        );
      }
      return {
        id: `${PENDING_PREFIX}${suffixFor(sale, revision + 1)}`,
        status: 'pending',
        revision: revision + 1,
        ...(ref.amount === undefined ? {} : { amount: ref.amount }),
        ...(ref.corrects ? { corrects: ref.corrects } : {}),
        resolution,
      };
    case 'no-receipt':
      return {
        id: ref?.id ?? `${PENDING_PREFIX}${suffixFor(sale, revision)}`,
        status: 'not-issued',
        ...(revision > 0 ? { revision } : {}),
        resolution,
      };
  }
}
