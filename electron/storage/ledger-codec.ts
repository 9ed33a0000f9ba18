/**
 * How an event is laid out on disk: a short positional array (msgpack), not an object with its field names —
 * events are most of what a sale writes, and this keeps a typical sale under 2 KB (docs/architecture.md §8).
 * Decoding rebuilds the object and validates it with the event's zod schema, like every value read from disk.
 */
import { z } from 'zod';
import { LedgerEventSchema, type LedgerEvent } from './ledger-events';

type Cell = string | number | null;

/** Drops trailing nulls (absent optional fields). */
function trim(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) {
    end -= 1;
  }
  return cells.slice(0, end);
}

export function encodeEvent(event: LedgerEvent): Cell[] {
  switch (event.type) {
    case 'sale':
      return trim([
        's',
        event.saleId,
        event.what,
        event.from,
        event.to,
        event.currency,
        event.total,
        event.lineId ?? null,
        event.code ?? null,
        event.quantity ?? null,
        event.receipt ?? null,
      ]);
    case 'payment':
      return trim([
        'p',
        event.paymentId,
        event.saleId,
        event.method,
        event.from,
        event.to,
        event.currency,
        event.amount,
        event.refund ?? null,
        event.resolved === true ? 1 : null,
      ]);
    case 'shift':
      return ['h', event.shiftId, event.from, event.to];
    case 'drawer':
      return ['d', event.by, event.reason];
  }
}

const CellsSchema = z
  .array(z.union([z.string(), z.number(), z.null()]))
  .min(1)
  .max(16);

/** The named fields of a row; absent (undefined or null past the row's end) optional ones are left out. */
function named(names: readonly string[], cells: readonly Cell[], optionalFrom: number): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  names.forEach((name, i) => {
    const cell = cells[i + 1];
    if (i >= optionalFrom && (cell === null || cell === undefined)) {
      return;
    }
    out[name] = cell ?? null;
  });
  return out;
}

const SALE = ['saleId', 'what', 'from', 'to', 'currency', 'total', 'lineId', 'code', 'quantity', 'receipt'];
const PAYMENT = ['paymentId', 'saleId', 'method', 'from', 'to', 'currency', 'amount', 'refund', 'resolved'];
const SHIFT = ['shiftId', 'from', 'to'];
const DRAWER = ['by', 'reason'];

/** A payment row stores its `resolved: true` as 1 (and nothing when absent). */
function resolvedFlag(fields: Record<string, Cell>): Record<string, Cell | boolean> {
  const { resolved, ...rest } = fields;
  return resolved === undefined ? rest : { ...rest, resolved: resolved === 1 ? true : resolved };
}

/** The event a stored row holds; throws (zod) when it is not one. */
export function decodeEvent(raw: unknown): LedgerEvent {
  const cells = CellsSchema.parse(raw);
  const [tag] = cells;
  const fields =
    tag === 's'
      ? { type: 'sale', ...named(SALE, cells, 6) }
      : tag === 'p'
        ? { type: 'payment', ...resolvedFlag(named(PAYMENT, cells, 7)) }
        : tag === 'd'
          ? { type: 'drawer', ...named(DRAWER, cells, 2) }
          : { type: tag === 'h' ? 'shift' : String(tag), ...named(SHIFT, cells, 3) };
  return LedgerEventSchema.parse(fields);
}
