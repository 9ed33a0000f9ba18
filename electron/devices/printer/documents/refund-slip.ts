/**
 * The refund slip handed to the customer: which sale, what came back, how much, how it was paid back, when.
 */
import type { PrinterProfile } from '../escpos/profile';
import { renderPrintJob, type PrintLine } from '../escpos/render';
import { RECEIPT_WORDS } from './catalog';
import { centered, itemLines, sellerHeading, textLine, time } from './common';
import { receiptAmount, receiptAmountWithCode } from './format';
import type { RefundSlip } from './model';

export function refundSlipLines(slip: RefundSlip): PrintLine[] {
  const words = RECEIPT_WORDS[slip.locale];
  return [
    ...sellerHeading(slip.seller, words),
    centered(words.refundSlip, { bold: true, double: true }),
    textLine(words.time, time(slip.time)),
    textLine(words.refundSlip, slip.refundNumber),
    ...(slip.cashier === undefined ? [] : [textLine(words.cashier, slip.cashier)]),
    { kind: 'rule' },
    textLine(words.refundOf, slip.saleNumber),
    textLine('', time(slip.saleTime)),
    ...(slip.ebarimtReceiptId === undefined
      ? []
      : [
          textLine(`${words.receiptId}:`),
          { kind: 'text', center: slip.ebarimtReceiptId, small: true } as const,
        ]),
    { kind: 'rule' },
    // A refund of an amount (not of lines) has no items: one rule, not two.
    ...(slip.lines.length === 0 ? [] : [...itemLines(slip.lines, words), { kind: 'rule' } as const]),
    textLine(words.refunded, receiptAmountWithCode(slip.amount), { bold: true }),
    textLine(words.methods[slip.method], receiptAmount(slip.amount)),
    ...(slip.reason === undefined ? [] : [textLine(slip.reason)]),
  ];
}

export function renderRefundSlip(slip: RefundSlip, profile: PrinterProfile): Uint8Array {
  return renderPrintJob(refundSlipLines(slip), profile);
}
