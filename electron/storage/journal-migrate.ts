/**
 * Layout 1 → layout 2 of the journal, once, when a till upgrades (docs/architecture.md §8.1). Layout 1 kept a
 * `log` of whole-record snapshots (a sale's every edit as the whole sale) in JSON tables; layout 2 keeps small
 * events, msgpack rows and running totals. Each old record becomes one command of the new layout — its small
 * event (a sale's change is named by comparing it with that sale's previous snapshot) with the row as it was —
 * applied in log order inside one transaction, so the indices and the day totals come out exactly as if the
 * till had always run this version. The old tables are left in place, unread, for recovery by hand.
 */
import type { RootDatabase } from 'lmdb';
import { z } from 'zod';
import {
  PaymentSchema,
  PaymentStateSchema,
  SaleSchema,
  ShiftSchema,
  TimestampSchema,
  type Sale,
} from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { LedgerCommand } from './journal-types';
import type { SaleChange } from './ledger-events';

const OldRecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sale'), at: TimestampSchema, sale: SaleSchema }),
  z.strictObject({
    type: z.literal('payment'),
    at: TimestampSchema,
    from: PaymentStateSchema.nullable(),
    payment: PaymentSchema,
  }),
  z.strictObject({ type: z.literal('shift'), at: TimestampSchema, shift: ShiftSchema }),
]);
type OldRecord = z.infer<typeof OldRecordSchema>;

/** What a sale snapshot changed, compared with the same sale's previous snapshot. */
function changeOf(before: Sale | undefined, after: Sale): SaleChange {
  if (!before) {
    return 'opened';
  }
  if (before.status !== after.status) {
    if (after.status === 'open') {
      return before.status === 'held' ? 'recalled' : 'line.quantity';
    }
    return after.status;
  }
  if (JSON.stringify(before.receipt) !== JSON.stringify(after.receipt)) {
    return 'receipt';
  }
  if (JSON.stringify(before.buyer) !== JSON.stringify(after.buyer)) {
    return 'buyer';
  }
  if (after.lines.length !== before.lines.length) {
    return after.lines.length > before.lines.length ? 'line.added' : 'line.removed';
  }
  return JSON.stringify(before.discount) !== JSON.stringify(after.discount) ? 'discount' : 'line.quantity';
}

function commandOf(record: OldRecord, previous: Map<string, Sale>): LedgerCommand {
  if (record.type === 'sale') {
    const sale = record.sale;
    const before = previous.get(sale.id);
    previous.set(sale.id, sale);
    const what = changeOf(before, sale);
    const receipt = what === 'receipt' && sale.receipt ? { receipt: sale.receipt.status } : {};
    return {
      at: record.at,
      events: [
        {
          type: 'sale',
          saleId: sale.id,
          what,
          from: before?.status ?? null,
          to: sale.status,
          currency: sale.currency,
          total: sale.totals.total,
          ...receipt,
        },
      ],
      sales: [sale],
    };
  }
  if (record.type === 'payment') {
    const p = record.payment;
    const refund = ['refunding', 'refunded', 'refund_failed'].includes(p.state)
      ? p.refunds.at(-1)?.amount
      : undefined;
    return {
      at: record.at,
      events: [
        {
          type: 'payment',
          paymentId: p.id,
          saleId: p.saleId,
          method: p.method,
          from: record.from,
          to: p.state,
          currency: p.amount.currency,
          amount: p.amount.amount,
          ...(refund !== undefined ? { refund } : {}),
        },
      ],
      payments: [p],
    };
  }
  return {
    at: record.at,
    events: [{ type: 'shift', shiftId: record.shift.id, from: null, to: record.shift.status }],
    shifts: [record.shift],
  };
}

/**
 * Migrates a layout-1 journal in `env` (does nothing when there is none): every old record, in log order, is
 * handed to `apply`. Call it inside the transaction that also marks the new layout. A record that does not
 * validate refuses the migration (the transaction is aborted), naming the journal directory.
 */
export function migrateLayout1(
  env: RootDatabase<unknown, string>,
  dir: string,
  apply: (command: LedgerCommand) => void,
): number {
  const log = env.openDB<unknown, [number, number]>({ name: 'log', encoding: 'json' });
  const previous = new Map<string, Sale>();
  let migrated = 0;
  for (const { key, value } of log.getRange()) {
    const parsed = OldRecordSchema.safeParse(value);
    if (!parsed.success) {
      throw new KassaError(
        'internal',
        `The journal in ${dir} could not be upgraded: its record ${key.join('/')} is damaged. The files are kept as they were.`,
        { cause: parsed.error },
      );
    }
    apply(commandOf(parsed.data, previous));
    migrated += 1;
  }
  return migrated;
}
