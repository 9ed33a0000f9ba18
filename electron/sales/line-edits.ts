/**
 * How a sale's lines and discounts may change, as pure functions: each returns the sale with the change made
 * (the service journals it and recomputes the totals) or throws a KassaError saying why not. Prices are
 * tax-inclusive integer minor units.
 */
import type { Product } from '../../shared/channels/sale';
import { lineGross, type Discount, type Line, type Sale } from '../../shared/domain';
import type { CurrencyCode } from '../../shared/money';
import { saleLimitIssues } from '../../shared/sale-limits';
import { KassaError } from '../kernel/errors';

export type AddLineInput =
  | {
      kind: 'catalog';
      code: string;
      quantity?: number | undefined;
      /**
       * The price printed on an in-store price label (minor units): the line sells the item at that price, once
       * per label, and is never counted up with another line.
       */
      labelPrice?: number | undefined;
    }
  | {
      kind: 'free';
      name: string;
      unitPrice: number;
      quantity?: number | undefined;
      vatBasisPoints?: number | undefined;
    };

/** Default VAT of free-amount items: MN 10 %, GE 18 %, UZ 12 % (prices are VAT-inclusive). */
export const DEFAULT_VAT: Readonly<Record<CurrencyCode, number>> = { MNT: 1000, GEL: 1800, UZS: 1200 };

/** A sale with an item added, and the line that took it (a new line, or a piece line counted up). */
export interface WithItem {
  sale: Sale;
  lineId: string;
}

/**
 * A free-amount item, or the catalog product under `input.code` (`lookup` finds it by SKU or barcode), at its
 * shelf price or at the price of its price label. Scanning the same piece item again adds to its line, as
 * cashiers expect; weighed and labelled items stay separate, and a weighed item needs a weight.
 */
export function withItem(
  sale: Sale,
  input: AddLineInput,
  lookup: (code: string) => Product | undefined,
  /** The БҮНА code free-amount items are sold under (settings, ebarimt); '' or absent: none. */
  freeItemClassificationCode = '',
): WithItem {
  const quantity = input.quantity ?? 1;
  const id = nextLineId(sale);
  if (input.kind === 'free') {
    return {
      lineId: id,
      sale: withLines(sale, [
        ...sale.lines,
        {
          id,
          name: input.name,
          unitPrice: { amount: input.unitPrice, currency: sale.currency },
          measure: 'each',
          quantity,
          discount: null,
          vatBasisPoints: input.vatBasisPoints ?? DEFAULT_VAT[sale.currency],
          cityTaxBasisPoints: 0,
          ...(freeItemClassificationCode === '' ? {} : { classificationCode: freeItemClassificationCode }),
        },
      ]),
    };
  }
  const product = lookup(input.code);
  if (!product) {
    throw new KassaError('not_found', `No product has the code ${input.code}.`);
  }
  if (product.currency !== sale.currency) {
    throw new KassaError(
      'validation',
      `${product.name} is priced in ${product.currency}, the sale is in ${sale.currency}.`,
    );
  }
  const labelled = input.labelPrice !== undefined;
  const same = labelled
    ? undefined
    : sale.lines.find(
        (l) =>
          l.sku === product.sku &&
          l.measure === 'each' &&
          l.discount === null &&
          l.unitPrice.amount === product.price,
      );
  if (same && product.measure === 'each') {
    return {
      lineId: same.id,
      sale: withLines(
        sale,
        sale.lines.map((l) => (l === same ? { ...l, quantity: l.quantity + quantity } : l)),
      ),
    };
  }
  if (product.measure === 'weight' && !labelled && input.quantity === undefined) {
    throw new KassaError('validation', `${product.name} is sold by weight: give the weight in grams.`);
  }
  return {
    lineId: id,
    sale: withLines(sale, [
      ...sale.lines,
      {
        id,
        sku: product.sku,
        ...(product.barcode ? { barcode: product.barcode } : {}),
        name: product.name,
        unitPrice: { amount: input.labelPrice ?? product.price, currency: product.currency },
        measure: labelled ? 'each' : product.measure,
        quantity,
        discount: null,
        vatBasisPoints: product.vatBasisPoints,
        cityTaxBasisPoints: product.cityTaxBasisPoints,
        // What a Mongolian receipt needs per line travels with the line (receipts/receipt-lines.ts).
        ...(product.taxType === undefined ? {} : { taxType: product.taxType }),
        ...(product.classificationCode === undefined
          ? {}
          : { classificationCode: product.classificationCode }),
        ...(product.taxProductCode === undefined ? {} : { taxProductCode: product.taxProductCode }),
      },
    ]),
  };
}

/** withItem, when only the sale matters. */
export function withAddedLine(
  sale: Sale,
  input: AddLineInput,
  lookup: (code: string) => Product | undefined,
): Sale {
  return withItem(sale, input, lookup).sale;
}

/** A line's discount must still fit once its quantity changes. */
export function withQuantity(sale: Sale, lineId: string, quantity: number): Sale {
  const line = findLine(sale, lineId);
  checkLineDiscount(line.discount, { ...line, quantity });
  return withLines(
    sale,
    sale.lines.map((l) => (l.id === lineId ? { ...l, quantity } : l)),
  );
}

export function withLineDiscount(sale: Sale, lineId: string, discount: Discount | null): Sale {
  checkLineDiscount(discount, findLine(sale, lineId));
  return withLines(
    sale,
    sale.lines.map((l) => (l.id === lineId ? { ...l, discount } : l)),
  );
}

/** A sale discount applies after the line discounts, so an amount may not exceed what is left after them. */
export function withSaleDiscount(sale: Sale, discount: Discount | null): Sale {
  const afterLines = sale.totals.subtotal - sale.totals.lineDiscounts;
  if (discount?.kind === 'amount' && discount.amount > afterLines) {
    throw new KassaError('validation', 'The discount is larger than the sale.');
  }
  return { ...sale, discount };
}

export function withoutLine(sale: Sale, lineId: string): Sale {
  findLine(sale, lineId);
  return withLines(
    sale,
    sale.lines.filter((l) => l.id !== lineId),
  );
}

function withLines(sale: Sale, lines: Line[]): Sale {
  return { ...sale, lines };
}

/**
 * The edited sale, if its amounts stay within its currency's limit (shared/sale-limits.ts); else `validation`
 * naming the field — checked before the totals are computed, so they can never overflow.
 */
export function withinLimits(sale: Sale): Sale {
  const issues = saleLimitIssues(sale);
  const first = issues[0];
  if (first) {
    throw new KassaError('validation', `Too large: ${first.message}.`, { issues });
  }
  return sale;
}

function findLine(sale: Sale, lineId: string): Line {
  const line = sale.lines.find((l) => l.id === lineId);
  if (!line) {
    throw new KassaError('not_found', `The sale has no line ${lineId}.`);
  }
  return line;
}

function checkLineDiscount(discount: Discount | null, line: Line): void {
  if (discount?.kind === 'amount' && discount.amount > lineGross(line)) {
    throw new KassaError('validation', `The discount is larger than the line (${lineGross(line)}).`);
  }
}

/** L1, L2, …: one more than the highest number in use, so ids stay unique within the sale. */
function nextLineId(sale: Sale): string {
  const max = sale.lines.reduce((acc, l) => Math.max(acc, Number(l.id.replace(/^L/, '')) || 0), 0);
  return `L${max + 1}`;
}
