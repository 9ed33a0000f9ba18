/**
 * One row of a CSV price list → a Product, or the reasons it is not one. Pure; the streaming importer
 * (catalog-import.ts) feeds it rows with their line numbers. A shop's price list comes from a spreadsheet, so:
 * column names are case-insensitive, prices are in major units as people write them ("12.50", "12,50",
 * "4 500"), VAT and city tax in percent. The columns are documented in README.md ("Catalog import").
 */
import { ProductSchema, productBarcodes, type Product } from '../../shared/channels/sale';
import { hasValidGtinCheckDigit } from '../../shared/codes';
import {
  formatMoney,
  fromMajorString,
  maxAmount,
  money,
  withinLimit,
  type CurrencyCode,
} from '../../shared/money';
import { receiptCodeProblems, TAX_TYPES, type TaxType } from '../../shared/product-codes';
import { cleanFreeText } from '../../shared/text';
import { describeIssues, issuesOf } from '../kernel/zod-issues';

export const REQUIRED_COLUMNS = ['sku', 'name', 'price'] as const;
export const OPTIONAL_COLUMNS = [
  'barcode',
  'barcodes',
  'unit',
  'vat_percent',
  'city_tax_percent',
  'city_tax',
  'tax_type',
  'classification_code',
  'tax_product_code',
  'category',
  'favourite',
] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
/** Other spellings people use for a column. */
const ALIASES: Readonly<Record<string, Column>> = { favorite: 'favourite' };

export interface RowRules {
  currency: CurrencyCode;
  /** The VAT a VAT_ABLE product gets when vat_percent is empty (basis points). */
  defaultVatBasisPoints: number;
  /** The city tax a product with city_tax = yes gets when city_tax_percent is empty (basis points). */
  defaultCityTaxBasisPoints: number;
  /** Mongolian till: every product must carry its receipt codes, so missing ones are warned about. */
  receiptCodes: boolean;
}

export interface RowResult {
  product?: Product;
  problems: string[];
  warnings: string[];
}

/** The header's column names, or what is wrong with it. */
export function readHeader(cells: readonly string[]): { columns: Column[] } | { problems: string[] } {
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const names = cells.map((c) => {
    const name = c.trim().toLowerCase();
    return ALIASES[name] ?? name;
  });
  const problems = [
    ...REQUIRED_COLUMNS.filter((c) => !names.includes(c)).map((c) => `missing column "${c}"`),
    ...names.filter((n) => !known.has(n)).map((n) => `unknown column "${n}"`),
    ...names.filter((n, i) => names.indexOf(n) !== i).map((n) => `column "${n}" appears twice`),
  ];
  return problems.length > 0 ? { problems } : { columns: names as Column[] };
}

/** "12,50" (ru/mn Excel) and "1 250.50" (spaces between thousands) as a plain decimal. */
export function normaliseDecimal(text: string): string {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  return /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
}

/** "10" / "1.5" / "1,5" percent → basis points, integers only. */
function percentToBasisPoints(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(normaliseDecimal(text));
  if (!match) {
    return undefined;
  }
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

const YES = new Set(['1', 'yes', 'y', 'true', 'да', 'тийм', 'x', '+']);
const NO = new Set(['', '0', 'no', 'n', 'false', 'нет', 'үгүй', '-']);
function flag(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  return YES.has(value) ? true : NO.has(value) ? false : undefined;
}

const UNITS: Readonly<Record<string, Product['measure']>> = {
  each: 'each',
  piece: 'each',
  pcs: 'each',
  ш: 'each',
  ширхэг: 'each',
  шт: 'each',
  kg: 'weight',
  кг: 'weight',
};

function taxTypeOf(text: string): TaxType | undefined {
  const value = text.trim().toUpperCase();
  // Some ITC pages spell NOT_VAT as NO_VAT (docs/providers.md §1.5).
  const spelled = value === 'NO_VAT' ? 'NOT_VAT' : value;
  return TAX_TYPES.find((t) => t === spelled);
}

/** Splits "4860001000011|4860001000028" (also spaces, commas or semicolons between them). */
function barcodesOf(get: (c: Column) => string): string[] {
  const all = [get('barcode'), ...get('barcodes').split(/[|,;\s]+/)].map((b) => b.trim()).filter(Boolean);
  return [...new Set(all)];
}

/** Checks one row; `get` reads a column's cell (empty when the column is absent). */
export function readRow(get: (column: Column) => string, rules: RowRules): RowResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const sku = get('sku').trim();
  // Names go onto screens and tax receipts: control and bidi characters are removed (shared/text.ts).
  const name = cleanFreeText(get('name'));
  const category = cleanFreeText(get('category'));
  if (!sku || sku.length > 64) {
    problems.push('sku is empty or longer than 64 characters');
  }
  if (!name || name.length > 120) {
    problems.push('name is empty or longer than 120 characters');
  }
  if (category.length > 60) {
    problems.push('category is longer than 60 characters');
  }
  let price: number | undefined;
  try {
    price = fromMajorString(normaliseDecimal(get('price')), rules.currency).amount;
    if (price < 0) {
      problems.push('price cannot be negative');
    } else if (!withinLimit(price, rules.currency)) {
      problems.push(`price is more than ${formatMoney(money(maxAmount(rules.currency), rules.currency))}`);
    }
  } catch {
    problems.push(`price "${get('price')}" is not an amount in ${rules.currency}`);
  }
  const barcodes = barcodesOf(get);
  for (const barcode of barcodes) {
    if (!/^(\d{8}|\d{12,14})$/.test(barcode) || !hasValidGtinCheckDigit(barcode)) {
      problems.push(`barcode "${barcode}" is not an EAN/UPC with a valid check digit`);
    }
  }
  if (barcodes.length > 16) {
    problems.push('more than 16 barcodes');
  }
  const unitText = get('unit').trim().toLowerCase() || 'each';
  const measure = UNITS[unitText];
  if (measure === undefined) {
    problems.push(`unit "${get('unit')}" must be "each" (piece) or "kg"`);
  }

  const taxTypeText = get('tax_type');
  const taxType = taxTypeText.trim() === '' ? undefined : taxTypeOf(taxTypeText);
  if (taxTypeText.trim() !== '' && taxType === undefined) {
    problems.push(`tax_type "${taxTypeText}" must be one of ${TAX_TYPES.join(', ')}`);
  }
  const vatText = get('vat_percent').trim();
  const vat =
    vatText === ''
      ? taxType === 'VAT_ABLE'
        ? rules.defaultVatBasisPoints
        : 0
      : percentToBasisPoints(vatText);
  if (vat === undefined) {
    problems.push(`vat_percent "${vatText}" is not a percentage`);
  } else if (taxType === 'VAT_ABLE' && vat === 0) {
    problems.push('tax_type VAT_ABLE needs a vat_percent above 0');
  } else if (taxType !== undefined && taxType !== 'VAT_ABLE' && vat > 0) {
    problems.push(`tax_type ${taxType} carries no VAT, but vat_percent is ${vatText}`);
  }
  const cityFlag = flag(get('city_tax'));
  const cityText = get('city_tax_percent').trim();
  if (cityFlag === undefined) {
    problems.push(`city_tax "${get('city_tax')}" must be yes or no`);
  }
  const city =
    cityText === ''
      ? cityFlag === true
        ? rules.defaultCityTaxBasisPoints
        : 0
      : percentToBasisPoints(cityText);
  if (city === undefined) {
    problems.push(`city_tax_percent "${cityText}" is not a percentage`);
  } else if (cityFlag === false && get('city_tax').trim() !== '' && city > 0) {
    problems.push('city_tax is "no" but city_tax_percent is above 0');
  }
  const favourite = flag(get('favourite'));
  if (favourite === undefined) {
    problems.push(`favourite "${get('favourite')}" must be yes or no`);
  }

  // Receipt codes never stop an import: a bad or missing one is dropped and warned about, and a Mongolian
  // receipt refuses the product until the list is fixed (shared/product-codes.ts).
  const classification = get('classification_code').trim();
  const taxProduct = get('tax_product_code').trim();
  if (classification !== '' && !/^\d{7}$/.test(classification)) {
    warnings.push(`classification_code "${classification}" is not 7 digits; it was left out`);
  }
  if (taxProduct !== '' && !/^\d{3}$/.test(taxProduct)) {
    warnings.push(`tax_product_code "${taxProduct}" is not 3 digits; it was left out`);
  }
  if (problems.length > 0 || price === undefined || vat === undefined || city === undefined || !measure) {
    return { problems, warnings };
  }
  const product: Product = {
    sku,
    name,
    price,
    currency: rules.currency,
    measure,
    vatBasisPoints: vat,
    cityTaxBasisPoints: city,
    ...(barcodes[0] === undefined ? {} : { barcode: barcodes[0] }),
    ...(barcodes.length > 1 ? { barcodes } : {}),
    ...(taxType === undefined ? {} : { taxType }),
    ...(/^\d{7}$/.test(classification) ? { classificationCode: classification } : {}),
    ...(/^\d{3}$/.test(taxProduct) ? { taxProductCode: taxProduct } : {}),
    ...(category === '' ? {} : { category }),
    ...(favourite === true ? { favourite } : {}),
  };
  // The contract's own check last (a file is a trust boundary): whatever the checks above missed stops here.
  const checked = ProductSchema.safeParse(product);
  if (!checked.success) {
    return { problems: [describeIssues(issuesOf(checked.error))], warnings };
  }
  const missing = rules.receiptCodes ? receiptCodeProblems(product) : [];
  if (missing.length > 0) {
    warnings.push(`${missing.join(', ')}: a Mongolian receipt refuses it`);
  }
  return { product, problems, warnings };
}

/** The codes a product answers to, for the importer's duplicate check. */
export function codesOf(product: Product): string[] {
  return [product.sku.toLowerCase(), ...productBarcodes(product)];
}
