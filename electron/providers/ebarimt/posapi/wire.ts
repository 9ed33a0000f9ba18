/**
 * Builds the POST /rest/receipt body from a sale's lines and payments. Pure: no I/O, so it is tested alone and
 * the client stays small. Amounts go on the wire as MNT integers (MNT's minor unit is the tögrög, see
 * shared/money.ts), so the wire never sees a float either.
 */
import { KassaError } from '../../../kernel/errors';
import type { EbarimtSettings } from '../../../../shared/settings/ebarimt';
import type { WireReceiptRequest } from './schemas';
import { computeReceiptTaxes, type TaxType } from './taxes';

export interface ReceiptLineInput {
  name: string;
  barCode?: string;
  barCodeType?: 'UNDEFINED' | 'GS1' | 'ISBN';
  /** 7-digit product classification code (БҮНА). */
  classificationCode: string;
  /** 3-digit tax product code; required by PosAPI for VAT_FREE / VAT_ZERO. */
  taxProductCode?: string;
  measureUnit: string;
  /** Quantity (may be fractional for weighed goods; it is a count, not money). */
  qty: number;
  /** Tax-inclusive unit price, minor units. */
  unitPrice: number;
  /** Tax-inclusive line total after discounts, minor units — the amount the taxes are carved from. */
  amount: number;
  taxType: TaxType;
  /** Whether city tax (НХАТ) applies; its rate comes from settings. */
  cityTax: boolean;
}

export interface ReceiptPaymentInput {
  code: 'CASH' | 'PAYMENT_CARD';
  /** Minor units. */
  amount: number;
  /** Card details for "EASY_BANK_CARD" auto-registration. */
  card?: { terminalID: string; rrn: string; maskedCardNumber: string; easy: boolean };
}

export interface IssueReceiptInput {
  type: 'B2C_RECEIPT' | 'B2B_RECEIPT';
  /** Unique within the day; see billIdSuffixFor(). Re-issuing a sale must reuse its suffix. */
  billIdSuffix: string;
  /** Buyer's 8-digit eBarimt code (B2C only): PosAPI then registers the receipt directly (easy = true). */
  consumerNo?: string;
  /** Buyer organisation's TIN (B2B only). */
  customerTin?: string;
  lines: readonly ReceiptLineInput[];
  payments: readonly ReceiptPaymentInput[];
  /** A corrected receipt: the 33-digit id of the receipt it replaces (PosAPI's `inactiveId`). */
  inactiveId?: string;
}

/**
 * The bill id suffix for the n-th receipt of the day (1-based), as 6 digits. The caller keeps the per-day
 * counter in its journal next to the sale, so a retried issue of the same sale reuses the same suffix and
 * PosAPI's duplicate check stops a second receipt instead of the till printing two.
 */
export function billIdSuffixFor(sequenceOfDay: number): string {
  if (!Number.isSafeInteger(sequenceOfDay) || sequenceOfDay < 1 || sequenceOfDay > 999_999) {
    throw new RangeError('billIdSuffixFor: the daily sequence must be an integer from 1 to 999999');
  }
  return String(sequenceOfDay).padStart(6, '0');
}

function invalid(message: string): KassaError {
  return new KassaError('validation', message);
}

function checkInput(input: IssueReceiptInput, settings: EbarimtSettings): void {
  const missing = (['merchantTin', 'districtCode', 'posNo'] as const).filter((k) => settings[k] === '');
  if (missing.length > 0) {
    throw new KassaError(
      'validation',
      `eBarimt settings are incomplete: set ${missing.join(', ')} (Settings → Go live → eBarimt (PosAPI))`,
      { issues: missing.map((k) => ({ path: `providers.ebarimt.${k}`, message: 'required' })) },
    );
  }
  if (!/^\d{1,30}$/.test(input.billIdSuffix)) {
    throw invalid('billIdSuffix must be digits (see billIdSuffixFor)');
  }
  if (input.lines.length === 0) {
    throw invalid('a receipt needs at least one line');
  }
  if (input.type === 'B2C_RECEIPT' && input.customerTin !== undefined) {
    throw invalid('customerTin belongs on B2B receipts only');
  }
  if (input.type === 'B2B_RECEIPT') {
    if (input.consumerNo !== undefined) {
      throw invalid('consumerNo belongs on B2C receipts only');
    }
    // PosAPI 3.0 wants the TIN (11 or 14 digits), never a company's 7-digit register number.
    if (input.customerTin === undefined || !/^(\d{11}|\d{14})$/.test(input.customerTin)) {
      throw invalid('a B2B receipt needs the buyer organisation TIN (11 or 14 digits)');
    }
  }
  if (input.inactiveId !== undefined && !/^\d{33}$/.test(input.inactiveId)) {
    throw invalid('inactiveId must be the 33-digit id of the receipt being corrected');
  }
  if (input.consumerNo !== undefined && !/^\d{8}$/.test(input.consumerNo)) {
    throw invalid('consumerNo must be the 8-digit eBarimt customer code');
  }
}

/** The wire body, after checking the input and that payments cover exactly the receipt total. */
export function buildReceiptRequest(input: IssueReceiptInput, settings: EbarimtSettings): WireReceiptRequest {
  checkInput(input, settings);
  const taxes = computeReceiptTaxes(
    input.lines.map((line) => ({
      amount: line.amount,
      taxType: line.taxType,
      cityTaxBasisPoints: line.cityTax ? settings.cityTaxBasisPoints : 0,
    })),
  );
  const paid = input.payments.reduce((sum, p) => sum + p.amount, 0);
  if (input.payments.some((p) => !Number.isSafeInteger(p.amount) || p.amount <= 0)) {
    throw invalid('payment amounts must be positive integers of minor units');
  }
  if (paid !== taxes.totals.totalAmount) {
    throw invalid(`payments (${paid}) do not equal the receipt total (${taxes.totals.totalAmount})`);
  }
  const customerTin = input.type === 'B2B_RECEIPT' ? (input.customerTin ?? null) : null;
  return {
    branchNo: settings.branchNo,
    totalAmount: taxes.totals.totalAmount,
    totalVAT: taxes.totals.vat,
    totalCityTax: taxes.totals.cityTax,
    districtCode: settings.districtCode,
    merchantTin: settings.merchantTin,
    posNo: settings.posNo,
    customerTin,
    consumerNo: input.type === 'B2C_RECEIPT' ? (input.consumerNo ?? null) : null,
    type: input.type,
    inactiveId: input.inactiveId ?? null,
    invoiceId: null,
    reportMonth: null,
    billIdSuffix: input.billIdSuffix,
    receipts: taxes.groups.map((group) => ({
      totalAmount: group.totalAmount,
      totalVAT: group.vat,
      totalCityTax: group.cityTax,
      taxType: group.taxType,
      merchantTin: settings.merchantTin,
      customerTin,
      items: input.lines.flatMap((line, i) => {
        const parts = taxes.lines[i];
        return line.taxType !== group.taxType || parts === undefined
          ? []
          : [
              {
                name: line.name,
                barCode: line.barCode ?? null,
                barCodeType: line.barCodeType ?? (line.barCode === undefined ? 'UNDEFINED' : 'GS1'),
                classificationCode: line.classificationCode,
                taxProductCode: line.taxProductCode ?? null,
                measureUnit: line.measureUnit,
                qty: line.qty,
                unitPrice: line.unitPrice,
                totalBonus: null,
                totalVAT: parts.vat,
                totalCityTax: parts.cityTax,
                totalAmount: parts.totalAmount,
              },
            ];
      }),
    })),
    payments: input.payments.map((p) => ({
      code: p.code,
      status: 'PAID' as const,
      paidAmount: p.amount,
      ...(p.card === undefined ? {} : { data: { ...p.card } }),
    })),
  };
}
