/**
 * A paid sale's lines as PosAPI receipt items, each with its own product's codes: the БҮНА classification
 * code, the tax type and (for VAT-free and zero-rated goods) the tax product code travel from the catalog into
 * the line when it is sold (sales/line-edits.ts). There is no shop-wide default code: a line without valid codes
 * refuses the whole receipt with `receipt.product-codes`, naming the products, so the price list is fixed
 * instead of the tax authority receiving a wrong classification (docs/architecture.md §9).
 */
import type { Sale } from '../../shared/domain';
import { impliedTaxType, receiptCodeProblems } from '../../shared/product-codes';
import { KassaError } from '../kernel/errors';
import type { IssueReceiptInput } from '../providers/ebarimt';

/** Throws `receipt.product-codes` when a line of the sale lacks the codes its receipt needs. */
export function assertReceiptCodes(sale: Sale): void {
  const missing = sale.lines.filter((line) => receiptCodeProblems(line).length > 0).map((line) => line.name);
  if (missing.length > 0) {
    const products = [...new Set(missing)].join(', ');
    throw new KassaError(
      'receipt.product-codes',
      `No receipt: ${products} has no classification code (7 digits, БҮНА) or no tax product code. Fix the price list and import it again.`,
      { params: { products } },
    );
  }
}

export function receiptLines(sale: Sale): IssueReceiptInput['lines'] {
  assertReceiptCodes(sale);
  return sale.lines.map((line) => {
    const totals = sale.totals.lines.find((t) => t.lineId === line.id);
    return {
      name: line.name,
      ...(line.barcode === undefined ? {} : { barCode: line.barcode, barCodeType: 'GS1' as const }),
      classificationCode: line.classificationCode ?? '',
      ...(line.taxProductCode === undefined ? {} : { taxProductCode: line.taxProductCode }),
      measureUnit: line.measure === 'weight' ? 'кг' : 'ш',
      qty: line.measure === 'weight' ? line.quantity / 1000 : line.quantity,
      unitPrice: line.unitPrice.amount,
      amount: totals?.total ?? 0,
      taxType: impliedTaxType(line),
      cityTax: line.cityTaxBasisPoints > 0,
    };
  });
}
