/**
 * Short field names on disk: the rows' known field names are stored as two- or three-character codes from a fixed,
 * append-only dictionary, so a sale row does not carry "cityTaxBasisPoints" for every line (docs/architecture.md
 * §8.1: a typical sale stays under 2 KB). A name not in the dictionary is stored as it is, and a code never
 * collides with a real name (codes start with "~", which no field name does). Rows are validated by zod after
 * the names are restored, like every value read from disk.
 *
 * Append only: a name's code is its position, so never remove or reorder an entry.
 */
const NAMES = [
  'id',
  'number',
  'status',
  'currency',
  'lines',
  'discount',
  'totals',
  'createdAt',
  'updatedAt',
  'buyer',
  'receipt',
  'voidReason',
  'sku',
  'barcode',
  'name',
  'unitPrice',
  'measure',
  'quantity',
  'vatBasisPoints',
  'cityTaxBasisPoints',
  'amount',
  'subtotal',
  'lineDiscounts',
  'saleDiscount',
  'total',
  'vat',
  'cityTax',
  'net',
  'lineId',
  'gross',
  'lineDiscount',
  'saleId',
  'attempt',
  'method',
  'state',
  'idempotencyKey',
  'refundedAmount',
  'refunds',
  'qr',
  'deeplink',
  'providerRef',
  'expiresAt',
  'waitingSince',
  'reason',
  'cash',
  'tendered',
  'change',
  'customerNo',
  'at',
  'kind',
  'basisPoints',
  'openedAt',
  'closedAt',
  'openingCash',
  'countedCash',
  'salesPaid',
  'salesVoided',
  'methods',
  'count',
  'refundCount',
  'refunded',
] as const;

const CODE = new Map<string, string>(NAMES.map((name, i) => [name, `~${i.toString(36)}`]));
const NAME = new Map<string, string>(NAMES.map((name, i) => [`~${i.toString(36)}`, name]));

// Plain loops: this runs on every row read (a sale's view reads the sale and its payments).
function rename(value: unknown, table: ReadonlyMap<string, string>): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      out[i] = rename(value[i], table);
    }
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    out[table.get(key) ?? key] = rename(source[key], table);
  }
  return out;
}

/** The row with its known field names replaced by their codes. */
export const compactKeys = (row: unknown): unknown => rename(row, CODE);

/** The row with its field names restored. */
export const expandKeys = (stored: unknown): unknown => rename(stored, NAME);
