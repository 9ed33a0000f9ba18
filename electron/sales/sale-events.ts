/**
 * The small event a sale command leaves in the ledger (docs/architecture.md §8): what changed, the status
 * before and after, the total after, and the line touched — never the whole sale, which lives in the sales
 * table.
 */
import type { Sale } from '../../shared/domain';
import type { SaleChange, SaleEvent } from '../storage/ledger-events';

/** The line (and code) a change touched, when it touched one. */
export interface SaleChangeDetail {
  lineId?: string;
  code?: string;
  quantity?: number;
}

export function saleEvent(
  before: Sale | undefined,
  after: Sale,
  what: SaleChange,
  detail: SaleChangeDetail = {},
): SaleEvent {
  return {
    type: 'sale',
    saleId: after.id,
    what,
    from: before?.status ?? null,
    to: after.status,
    currency: after.currency,
    total: after.totals.total,
    ...(detail.lineId !== undefined ? { lineId: detail.lineId } : {}),
    ...(detail.code !== undefined ? { code: detail.code.slice(0, 64) } : {}),
    ...(detail.quantity !== undefined ? { quantity: detail.quantity } : {}),
    ...((what === 'receipt' || what === 'receipt.resolved') && after.receipt
      ? { receipt: after.receipt.status }
      : {}),
  };
}
