/**
 * Strict CSV catalog import. A shop's price list usually comes from a spreadsheet, so: a header row (column
 * order free, names case-insensitive), prices in major units as people write them ("12.50", "4500"), VAT and
 * city tax in percent. Every row is checked; if any row is wrong nothing is imported and every problem is
 * reported with its line number (KassaError 'validation' with issues `line N`), so the file can be fixed in
 * one pass instead of one error at a time.
 */
import type { Product } from '../../shared/channels/sale';
import { hasValidGtinCheckDigit } from '../../shared/codes';
import {
  formatMoney,
  fromMajorString,
  maxAmount,
  money,
  withinLimit,
  type CurrencyCode,
} from '../../shared/money';
import { cleanFreeText } from '../../shared/text';
import { KassaError } from '../kernel/errors';

const REQUIRED = ['sku', 'name', 'price'] as const;
const OPTIONAL = ['barcode', 'unit', 'vat_percent', 'city_tax_percent'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

export interface CsvIssue {
  line: number;
  message: string;
}

/** RFC 4180-style: quoted fields may hold commas, quotes ("") and newlines. Returns rows with their start line. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const body = text.replace(/^\uFEFF/, ''); // spreadsheet exports often start with a BOM
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') {
          line++;
        }
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') {
        i++;
      }
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  // Blank lines (e.g. a trailing newline) are not rows.
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** "10" / "1.5" percent → basis points, integers only. */
function percentToBasisPoints(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

export function importCatalogCsv(text: string, currency: CurrencyCode): Product[] {
  const rows = parseCsv(text);
  const [header, ...data] = rows;
  if (!header) {
    throw new KassaError('validation', 'The CSV file has no header row.');
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const known = new Set<string>([...REQUIRED, ...OPTIONAL]);
  const headerIssues: CsvIssue[] = [
    ...REQUIRED.filter((c) => !names.includes(c)).map((c) => ({
      line: header.line,
      message: `missing column "${c}"`,
    })),
    ...names
      .filter((n) => !known.has(n))
      .map((n) => ({ line: header.line, message: `unknown column "${n}"` })),
    ...names
      .filter((n, i) => names.indexOf(n) !== i)
      .map((n) => ({ line: header.line, message: `column "${n}" appears twice` })),
  ];
  if (headerIssues.length > 0) {
    throw csvError(headerIssues);
  }
  if (data.length === 0) {
    throw new KassaError('validation', 'The CSV file has a header but no products.');
  }

  const issues: CsvIssue[] = [];
  const products: Product[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const problems: string[] = [];
    if (row.cells.length !== names.length) {
      problems.push(`has ${row.cells.length} cells, the header has ${names.length}`);
    }
    const get = (column: Column): string => (row.cells[names.indexOf(column)] ?? '').trim();
    const sku = get('sku');
    // Names go onto screens and tax receipts: control and bidi characters are removed (shared/text.ts).
    const name = cleanFreeText(get('name'));
    const barcode = get('barcode');
    const unit = get('unit') || 'each';
    if (!sku || sku.length > 64) {
      problems.push('sku is empty or longer than 64 characters');
    }
    if (!name || name.length > 120) {
      problems.push('name is empty or longer than 120 characters');
    }
    let price: number | undefined;
    try {
      price = fromMajorString(get('price'), currency).amount;
      if (price < 0) {
        problems.push('price cannot be negative');
      } else if (!withinLimit(price, currency)) {
        problems.push(`price is more than ${formatMoney(money(maxAmount(currency), currency))}`);
      }
    } catch {
      problems.push(`price "${get('price')}" is not an amount in ${currency}`);
    }
    if (barcode && (!/^(\d{8}|\d{12,14})$/.test(barcode) || !hasValidGtinCheckDigit(barcode))) {
      problems.push(`barcode "${barcode}" is not an EAN/UPC with a valid check digit`);
    }
    if (unit !== 'each' && unit !== 'kg') {
      problems.push(`unit "${unit}" must be "each" or "kg"`);
    }
    const vat = percentToBasisPoints(get('vat_percent') || '0');
    const city = percentToBasisPoints(get('city_tax_percent') || '0');
    if (vat === undefined) {
      problems.push(`vat_percent "${get('vat_percent')}" is not a percentage`);
    }
    if (city === undefined) {
      problems.push(`city_tax_percent "${get('city_tax_percent')}" is not a percentage`);
    }
    for (const code of [sku.toLowerCase(), barcode].filter(Boolean)) {
      const first = seen.get(code);
      if (first !== undefined) {
        problems.push(`"${code}" is already used on line ${first}`);
      } else {
        seen.set(code, row.line);
      }
    }
    if (problems.length > 0 || price === undefined || vat === undefined || city === undefined) {
      issues.push({ line: row.line, message: problems.join('; ') });
      continue;
    }
    products.push({
      sku,
      name,
      price,
      currency,
      measure: unit === 'kg' ? 'weight' : 'each',
      vatBasisPoints: vat,
      cityTaxBasisPoints: city,
      ...(barcode ? { barcode } : {}),
    });
  }
  if (issues.length > 0) {
    throw csvError(issues);
  }
  return products;
}

function csvError(issues: CsvIssue[]): KassaError {
  const first = issues[0];
  const summary = first ? `line ${first.line}: ${first.message}` : '';
  return new KassaError(
    'validation',
    `Nothing was imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the CSV (${summary}${issues.length > 1 ? ' …' : ''}).`,
    { issues: issues.map((i) => ({ path: `line ${i.line}`, message: i.message })) },
  );
}
