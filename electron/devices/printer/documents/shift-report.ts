/**
 * The X report (totals while a shift runs) and, with the same layout, the Z report (printed when it closes):
 * sales and refunds, per payment method, payments resolved after a lost answer, taxes, net.
 */
import type { PrinterProfile } from '../escpos/profile';
import { renderPrintJob, type PrintLine } from '../escpos/render';
import { RECEIPT_WORDS } from './catalog';
import { centered, sellerHeading, textLine, time } from './common';
import { receiptAmount, receiptAmountWithCode } from './format';
import type { ShiftReport } from './model';

export function shiftReportLines(report: ShiftReport): PrintLine[] {
  const words = RECEIPT_WORDS[report.locale];
  const at = (instant: number): string => time({ at: instant, timeZone: report.time.timeZone });
  const counted = (label: string, count: number): string => `${label} (${count})`;
  return [
    ...sellerHeading(report.seller, words),
    centered(report.kind === 'x' ? words.xReport : words.zReport, { bold: true, double: true }),
    ...(report.shiftNumber === undefined ? [] : [centered(report.shiftNumber)]),
    textLine(words.time, time(report.time)),
    textLine(words.period, at(report.from)),
    textLine('', at(report.to)),
    ...(report.cashier === undefined ? [] : [textLine(words.cashier, report.cashier)]),
    { kind: 'rule' },
    textLine(counted(words.sales, report.sales.count), receiptAmount(report.sales.amount)),
    textLine(counted(words.refunds, report.refunds.count), `-${receiptAmount(report.refunds.amount)}`),
    { kind: 'rule' },
    textLine(words.payments, undefined, { bold: true }),
    ...report.byMethod.map((m) =>
      textLine(`  ${counted(words.methods[m.method], m.count)}`, receiptAmount(m.amount)),
    ),
    textLine(counted(words.resolved, report.resolved.count), receiptAmount(report.resolved.amount)),
    { kind: 'rule' },
    ...(report.vat === undefined ? [] : [textLine(words.vat, receiptAmount(report.vat))]),
    ...(report.cityTax === undefined ? [] : [textLine(words.cityTax, receiptAmount(report.cityTax))]),
    textLine(words.net, receiptAmountWithCode(report.net), { bold: true }),
  ];
}

export function renderShiftReport(report: ShiftReport, profile: PrinterProfile): Uint8Array {
  return renderPrintJob(shiftReportLines(report), profile);
}
