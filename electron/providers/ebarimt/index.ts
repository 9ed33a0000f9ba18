/**
 * eBarimt (ITC): PosAPI 3.0 receipts and Easy Register buyer lookup / approval. See docs/architecture.md §9.
 */
export { createPosApiClient, POSAPI_PROVIDER } from './posapi/client';
export type { IssuedReceipt, PosApiClient, ReceiptRecord } from './posapi/client';
export { PrintableReceipt } from './posapi/printable';
export { computeReceiptTaxes, TAX_TYPES } from './posapi/taxes';
export type { ReceiptTaxes, TaxLineInput, TaxParts, TaxType } from './posapi/taxes';
export { billIdSuffixFor, buildReceiptRequest } from './posapi/wire';
export type { IssueReceiptInput, ReceiptLineInput, ReceiptPaymentInput } from './posapi/wire';
export type { PosInfo } from './posapi/schemas';
export { createEasyRegisterClient } from './easy-register/client';
export type { EasyRegisterClient } from './easy-register/client';
export { EASY_REGISTER_PROVIDER } from './easy-register/results';
export type {
  ApproveQrResult,
  Citizen,
  ConsumerLookupResult,
  ProfileResult,
  ProviderAnswer,
} from './easy-register/results';
export { CODE_TEXT, maskEmail } from './easy-register/messages';
export type { LocalText } from './easy-register/messages';
export { doctorEasyRegister, doctorPosApi } from './doctor';
export { createTaxpayerInfoClient, TAXPAYER_INFO_PROVIDER, TAXPAYER_TEXT } from './taxpayer-info/client';
export type { CompanyTinResult, TaxpayerInfoClient, TaxpayerResult } from './taxpayer-info/client';
export { COMPANY_REGNO_PATTERN, TIN_PATTERN } from './taxpayer-info/schemas';
