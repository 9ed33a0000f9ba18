/**
 * PosAPI amount rule: totalAmount = base + VAT + city tax (doc example 1000 + 100 + 20 = 1120), for every item,
 * every sub-receipt and the receipt. Prices in a Mongolian shop are tax-inclusive, so the taxes are carved out
 * of the line total. Everything is integer minor units (MNT: whole tögrög) and done with integer division, so
 * no float ever touches an amount and the parts always add up exactly to the total.
 */
import { divideRounded } from '../../../../shared/money';

export const TAX_TYPES = ['VAT_ABLE', 'VAT_FREE', 'VAT_ZERO', 'NOT_VAT'] as const;
export type TaxType = (typeof TAX_TYPES)[number];

/** Mongolian VAT: 10 %. */
export const VAT_BASIS_POINTS = 1000;

export interface TaxLineInput {
  /** Tax-inclusive line total in minor units (≥ 0). */
  amount: number;
  taxType: TaxType;
  /** City tax (НХАТ) rate in basis points for this line; 0 when the item carries none. */
  cityTaxBasisPoints: number;
}

export interface TaxParts {
  totalAmount: number;
  base: number;
  vat: number;
  cityTax: number;
}

export interface ReceiptTaxes {
  lines: TaxParts[];
  /** One group per tax type present, in TAX_TYPES order: PosAPI wants one sub-receipt per tax type. */
  groups: (TaxParts & { taxType: TaxType })[];
  totals: TaxParts;
}

function lineParts(line: TaxLineInput): TaxParts {
  if (!Number.isSafeInteger(line.amount) || line.amount < 0) {
    throw new RangeError(`taxes: a line amount must be a non-negative integer, got ${String(line.amount)}`);
  }
  if (!Number.isSafeInteger(line.cityTaxBasisPoints) || line.cityTaxBasisPoints < 0) {
    throw new RangeError('taxes: cityTaxBasisPoints must be a non-negative integer');
  }
  const vatBp = line.taxType === 'VAT_ABLE' ? VAT_BASIS_POINTS : 0;
  const cityBp = line.cityTaxBasisPoints;
  // amount = base × (1 + vat + city): each tax is amount × rate / (1 + vat + city), rounded half-up;
  // the base takes the remainder, so base + vat + cityTax === amount by construction.
  const divisor = 10_000 + vatBp + cityBp;
  const vat = divideRounded(line.amount * vatBp, divisor);
  const cityTax = divideRounded(line.amount * cityBp, divisor);
  return { totalAmount: line.amount, base: line.amount - vat - cityTax, vat, cityTax };
}

function addParts(a: TaxParts, b: TaxParts): TaxParts {
  return {
    totalAmount: a.totalAmount + b.totalAmount,
    base: a.base + b.base,
    vat: a.vat + b.vat,
    cityTax: a.cityTax + b.cityTax,
  };
}

const ZERO: TaxParts = { totalAmount: 0, base: 0, vat: 0, cityTax: 0 };

/** Split each tax-inclusive line into base, VAT and city tax, and total them per tax type and overall. */
export function computeReceiptTaxes(lines: readonly TaxLineInput[]): ReceiptTaxes {
  const parts = lines.map(lineParts);
  const groups = TAX_TYPES.flatMap((taxType) => {
    const members = parts.filter((_, i) => lines[i]?.taxType === taxType);
    return members.length === 0 ? [] : [{ taxType, ...members.reduce(addParts, ZERO) }];
  });
  return { lines: parts, groups, totals: parts.reduce(addParts, ZERO) };
}
