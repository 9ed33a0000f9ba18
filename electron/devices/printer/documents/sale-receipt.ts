/**
 * The sale receipt (docs/printing.md, "Layouts"): seller heading, time and sale number, the items, discounts,
 * taxes, total, payments and change, then the eBarimt block — receipt id, lottery and the QR printed natively.
 *
 * qrData and lottery are only ever in memory here: they become bytes for the print queue and nothing else may log
 * or store them (the eBarimt rule, docs/architecture.md §9). Do not add logging to this file.
 */
import type { PrinterProfile } from '../escpos/profile';
import { renderPrintJob, type PrintLine } from '../escpos/render';
import { RECEIPT_WORDS, type ReceiptWords } from './catalog';
import { centered, itemLines, sellerHeading, textLine, time } from './common';
import { receiptAmount, receiptAmountWithCode } from './format';
import type { EbarimtBlock, SaleReceipt } from './model';

function ebarimtLines(ebarimt: EbarimtBlock, words: ReceiptWords): PrintLine[] {
  return [
    { kind: 'rule' },
    textLine(`${words.receiptId}:`),
    { kind: 'text', center: ebarimt.receiptId, small: true },
    ...(ebarimt.lottery === undefined
      ? []
      : [textLine(`${words.lottery}:`, ebarimt.lottery, { bold: true })]),
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: ebarimt.qrData },
  ];
}

/** The receipt as print lines (for tests and previews). */
export function saleReceiptLines(receipt: SaleReceipt): PrintLine[] {
  const words = RECEIPT_WORDS[receipt.locale];
  const copyMark = receipt.copy === undefined ? [] : [centered(words[receipt.copy], { bold: true })];
  const money = (label: string, amount: SaleReceipt['total'] | undefined, sign = ''): PrintLine[] =>
    amount === undefined || amount.amount === 0 ? [] : [textLine(label, `${sign}${receiptAmount(amount)}`)];
  return [
    ...sellerHeading(receipt.seller, words),
    ...copyMark,
    textLine(words.time, time(receipt.time)),
    textLine(words.sale, receipt.saleNumber),
    ...(receipt.cashier === undefined ? [] : [textLine(words.cashier, receipt.cashier)]),
    { kind: 'rule' },
    ...itemLines(receipt.lines, words),
    { kind: 'rule' },
    ...money(words.saleDiscount, receipt.saleDiscount, '-'),
    ...money(words.vat, receipt.vat),
    ...money(words.cityTax, receipt.cityTax),
    textLine(words.total, receiptAmountWithCode(receipt.total), { bold: true }),
    ...receipt.payments.map((p) => textLine(words.methods[p.method], receiptAmount(p.amount))),
    ...money(words.change, receipt.change),
    ...(receipt.ebarimt === undefined ? [] : ebarimtLines(receipt.ebarimt, words)),
    ...copyMark,
  ];
}

/** The receipt as the bytes of one print job for this printer. */
export function renderSaleReceipt(receipt: SaleReceipt, profile: PrinterProfile): Uint8Array {
  return renderPrintJob(saleReceiptLines(receipt), profile);
}
