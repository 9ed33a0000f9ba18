/**
 * One item into a sale's lines: a catalog product (counted up on its line when the same piece item is scanned
 * again), a product at the price of its in-store price label, or a free-amount item. Pure: the sale service
 * journals the result.
 */
import type { CurrencyCode } from '../../shared/money';
import type { Line, Sale } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { Catalog } from './catalog';

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
const DEFAULT_VAT: Readonly<Record<CurrencyCode, number>> = { MNT: 1000, GEL: 1800, UZS: 1200 };

function withLine(sale: Sale, line: Line): Sale {
  return { ...sale, lines: [...sale.lines, line] };
}

function withLines(sale: Sale, lines: Line[]): Sale {
  return { ...sale, lines };
}

function nextLineId(sale: Sale): string {
  const max = sale.lines.reduce((acc, l) => Math.max(acc, Number(l.id.replace(/^L/, '')) || 0), 0);
  return `L${max + 1}`;
}

/** The sale with the item added, and the id of the line that took it. */
export function withItem(sale: Sale, input: AddLineInput, catalog: Catalog): { sale: Sale; lineId: string } {
  const quantity = input.quantity ?? 1;
  const id = nextLineId(sale);
  if (input.kind === 'free') {
    return {
      lineId: id,
      sale: withLine(sale, {
        id,
        name: input.name,
        unitPrice: { amount: input.unitPrice, currency: sale.currency },
        measure: 'each',
        quantity,
        discount: null,
        vatBasisPoints: input.vatBasisPoints ?? DEFAULT_VAT[sale.currency],
        cityTaxBasisPoints: 0,
      }),
    };
  }
  const product = catalog.byCode(input.code);
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
  // Scanning the same piece item again adds to its line, as cashiers expect; weighed and labelled items stay
  // separate.
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
    sale: withLine(sale, {
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
    }),
  };
}
