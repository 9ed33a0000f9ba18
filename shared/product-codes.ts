/**
 * What a Mongolian tax receipt (eBarimt PosAPI) needs to know about each product, beside its price: the
 * 7-digit БҮНА classification code, the tax type, and — for VAT-free and zero-rated goods — a 3-digit tax
 * product code (docs/providers.md §1.5, "items[]"). Shared by the catalog (import, storage), the sale lines and
 * the receipt builder, so all of them agree on what "valid" means.
 */
import { z } from 'zod';

export const TAX_TYPES = ['VAT_ABLE', 'VAT_FREE', 'VAT_ZERO', 'NOT_VAT'] as const;
export const TaxTypeSchema = z.enum(TAX_TYPES);
export type TaxType = z.infer<typeof TaxTypeSchema>;

/** БҮНА (the national product and service classification): 7 digits. */
export const ClassificationCodeSchema = z.string().regex(/^\d{7}$/, 'a classification code is 7 digits');
/** eBarimt tax product code: 3 digits. */
export const TaxProductCodeSchema = z.string().regex(/^\d{3}$/, 'a tax product code is 3 digits');

/** PosAPI asks for a tax product code on VAT-free and zero-rated goods only. */
export function needsTaxProductCode(taxType: TaxType): boolean {
  return taxType === 'VAT_FREE' || taxType === 'VAT_ZERO';
}

/** The tax type of a product or line that names none: VAT-able when it carries VAT, else VAT-free. */
export function impliedTaxType(item: { taxType?: TaxType | undefined; vatBasisPoints: number }): TaxType {
  return item.taxType ?? (item.vatBasisPoints > 0 ? 'VAT_ABLE' : 'VAT_FREE');
}

export interface ReceiptCodes {
  taxType?: TaxType | undefined;
  vatBasisPoints: number;
  classificationCode?: string | undefined;
  taxProductCode?: string | undefined;
}

/**
 * Why a product or line cannot go on a Mongolian receipt, in English (empty when it can): the importer lists
 * these as warnings by line, the receipt refuses a sale with any.
 */
export function receiptCodeProblems(item: ReceiptCodes): string[] {
  const problems: string[] = [];
  if (item.classificationCode === undefined || !/^\d{7}$/.test(item.classificationCode)) {
    problems.push('no valid classification_code (7 digits, БҮНА)');
  }
  const taxType = impliedTaxType(item);
  if (
    needsTaxProductCode(taxType) &&
    (item.taxProductCode === undefined || !/^\d{3}$/.test(item.taxProductCode))
  ) {
    problems.push(`no tax_product_code (3 digits), which ${taxType} needs`);
  }
  return problems;
}

/**
 * The sandbox profile sells free-amount items under this code (the right shape, not a real БҮНА value, like the
 * demo catalog's) while the shop has not chosen its own; a production till uses only the shop's setting.
 */
export const SANDBOX_FREE_ITEM_CODE = '9999999';
