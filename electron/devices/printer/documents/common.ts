/** Pieces every document shares: the seller heading, label/value lines, the item lines. */
import type { PrintLine } from '../escpos/render';
import { formatStoreTime } from '../../../../shared/store-time';
import type { ReceiptWords } from './catalog';
import { receiptAmount, receiptQuantity } from './format';
import type { DocumentTime, ReceiptLine, Seller } from './model';

export function textLine(left: string, right?: string, style: { bold?: boolean } = {}): PrintLine {
  return { kind: 'text', left, ...(right === undefined ? {} : { right }), ...style };
}

export function centered(text: string, style: { bold?: boolean; double?: boolean } = {}): PrintLine {
  return { kind: 'text', center: text, ...style };
}

export function time(t: DocumentTime): string {
  return formatStoreTime(t.at, t.timeZone);
}

/** Seller name (large), TIN, address; then a rule. */
export function sellerHeading(seller: Seller, words: ReceiptWords): PrintLine[] {
  return [
    centered(seller.name, { bold: true, double: true }),
    centered(`${words.tin}: ${seller.tin}`),
    centered(seller.address),
    { kind: 'rule' },
  ];
}

/** Name on its own line(s); then "qty x unit price" with the line total; then the discount if any. */
export function itemLines(lines: readonly ReceiptLine[], words: ReceiptWords): PrintLine[] {
  return lines.flatMap((line) => [
    textLine(line.name),
    textLine(
      `  ${receiptQuantity(line.quantityThousandths)} x ${receiptAmount(line.unitPrice)}`,
      receiptAmount(line.total),
    ),
    ...(line.discount !== undefined && line.discount.amount !== 0
      ? [textLine(`  ${words.discount}`, `-${receiptAmount(line.discount)}`)]
      : []),
  ]);
}
