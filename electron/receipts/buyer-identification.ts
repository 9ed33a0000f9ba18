/**
 * Who a sale's eBarimt receipt is for, from what the cashier typed in the buyer field (docs/architecture.md,
 * "Receipts and e-receipt approval"):
 *   register number (2 letters + 8 digits, Latin look-alikes read as Cyrillic) → Easy Register consumer lookup
 *   phone / 8-digit eBarimt code → Easy Register getProfile (no name: ITC gives only a masked email)
 *   company register number (7 digits) → ITC getTinInfo → the 11/14-digit TIN, name from getInfo
 *   11- or 14-digit TIN → taken as it is, name from getInfo
 * A citizen goes on a B2C receipt as `consumerNo`; an organisation on a B2B receipt as `customerTin`, which
 * PosAPI 3.0 wants as the TIN, never the register number. Refusals are KassaErrors whose `params.reason` the
 * cashier's catalogs word (approval.saleBuyer.errors.*, mn + en).
 */
import { classifyCode } from '../../shared/codes';
import { KassaError } from '../kernel/errors';
import type { EasyRegisterClient, TaxpayerInfoClient } from '../providers/ebarimt';
import { COMPANY_REGNO_PATTERN, TIN_PATTERN } from '../providers/ebarimt';

export type SaleBuyer =
  | {
      kind: 'citizen';
      /** The 8-digit eBarimt code: PosAPI `consumerNo`. */
      customerNo: string;
      /** "Family Given" from a register-number lookup; null when found by phone or code (ITC gives none). */
      name: string | null;
    }
  | { kind: 'organization'; tin: string; name: string };

export type SaleBuyerQuery =
  | { kind: 'regno'; regNo: string }
  | { kind: 'phone'; phoneNum: string }
  | { kind: 'customer-no'; customerNo: string }
  | { kind: 'company-regno'; regNo: string }
  | { kind: 'tin'; tin: string };

/** What the buyer field holds; undefined when it is none of the five. */
export function classifySaleBuyer(query: string): SaleBuyerQuery | undefined {
  const code = classifyCode(query, { prefer: 'identity', country: 'MN' });
  if (code.kind === 'regno') {
    return { kind: 'regno', regNo: code.regNo };
  }
  if (code.kind === 'customer-no') {
    return { kind: 'customer-no', customerNo: code.customerNo };
  }
  if (code.kind === 'phone') {
    // Easy Register knows Mongolian numbers only.
    return code.country === 'MN' ? { kind: 'phone', phoneNum: code.national } : undefined;
  }
  const digits = query.replace(/\s+/g, '');
  if (COMPANY_REGNO_PATTERN.test(digits)) {
    return { kind: 'company-regno', regNo: digits };
  }
  if (TIN_PATTERN.test(digits)) {
    return { kind: 'tin', tin: digits };
  }
  return undefined;
}

export interface BuyerLookups {
  easyRegister(): Promise<EasyRegisterClient>;
  taxpayerInfo(): Promise<TaxpayerInfoClient>;
}

const refuse = (code: 'not_found' | 'validation', reason: string, message: string): KassaError =>
  new KassaError(code, message, { params: { reason } });

/** The buyer for a query, looked up; throws KassaError (not_found / validation) or ProviderError. */
export async function identifySaleBuyer(query: string, lookups: BuyerLookups): Promise<SaleBuyer> {
  const parsed = classifySaleBuyer(query);
  if (parsed === undefined) {
    throw refuse(
      'validation',
      'unrecognised',
      'Type a register number (2 letters + 8 digits), a company register number (7 digits), a TIN (11 or 14 digits), a phone number or an 8-digit eBarimt code.',
    );
  }
  switch (parsed.kind) {
    case 'regno': {
      const found = await (await lookups.easyRegister()).lookupByRegNo(parsed.regNo);
      if (!found.found) {
        throw refuse('not_found', 'citizen-not-found', found.message.en);
      }
      const name = `${found.citizen.familyName} ${found.citizen.givenName}`.trim();
      return { kind: 'citizen', customerNo: found.citizen.customerNo, name: name === '' ? null : name };
    }
    case 'phone':
    case 'customer-no': {
      const client = await lookups.easyRegister();
      const profile = await client.getProfile(
        parsed.kind === 'phone' ? { phoneNum: parsed.phoneNum } : { customerNo: parsed.customerNo },
      );
      if (profile.outcome !== 'found') {
        const reason =
          profile.outcome === 'userDuplicate'
            ? 'phone-shared'
            : parsed.kind === 'phone'
              ? 'phone-not-registered'
              : 'customer-not-found';
        throw refuse('not_found', reason, profile.message.en);
      }
      // getProfile names nobody: the masked email is not a name, so the screen shows the masked code instead.
      return { kind: 'citizen', customerNo: profile.customerNo, name: null };
    }
    case 'company-regno': {
      const info = await lookups.taxpayerInfo();
      const converted = await info.companyTin(parsed.regNo);
      if (!converted.found) {
        throw refuse('not_found', 'company-not-found', converted.message.en);
      }
      return organization(info, converted.tin, 'company-not-found');
    }
    case 'tin':
      return organization(await lookups.taxpayerInfo(), parsed.tin, 'tin-not-found');
  }
}

async function organization(info: TaxpayerInfoClient, tin: string, reason: string): Promise<SaleBuyer> {
  const taxpayer = await info.taxpayer(tin);
  if (!taxpayer.found) {
    throw refuse('not_found', reason, taxpayer.message.en);
  }
  return { kind: 'organization', tin, name: taxpayer.name };
}
