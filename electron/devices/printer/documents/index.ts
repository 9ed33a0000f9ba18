/** The receipt printer documents: what the print service calls (docs/printing.md, "Public API"). */
export { RECEIPT_LOCALES, RECEIPT_WORDS, type ReceiptLocale, type ReceiptWords } from './catalog';
export { receiptAmount, receiptAmountWithCode, receiptQuantity } from './format';
export type {
  DocumentTime,
  EbarimtBlock,
  MethodTotal,
  PaymentLine,
  ReceiptLine,
  RefundSlip,
  SaleReceipt,
  Seller,
  ShiftReport,
} from './model';
export { refundSlipLines, renderRefundSlip } from './refund-slip';
export { renderSaleReceipt, saleReceiptLines } from './sale-receipt';
export { renderShiftReport, shiftReportLines } from './shift-report';
export {
  PrinterProfileSchema,
  type PaperWidth,
  type CodePageName,
  type PrinterProfile,
} from '../escpos/profile';
export type { PrintLine } from '../escpos/render';
export { formatStoreTime } from '../../../../shared/store-time';
