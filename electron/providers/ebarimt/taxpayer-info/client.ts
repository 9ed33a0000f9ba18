/**
 * ITC's public taxpayer lookup, used to put a B2B buyer on a receipt (docs/architecture.md, "Receipts and
 * e-receipt approval"):
 *   companyTin   GET api/info/check/getTinInfo?regNo={7-digit register number} → the 11/14-digit TIN
 *   taxpayer     GET api/info/check/getInfo?tin={TIN}                           → the registered name
 * PosAPI 3.0 wants the TIN in `customerTin`; a company knows its 7-digit register number, so the till converts
 * it. No sign-in and no secret: the host is public. "Not found" is a value; transport failures, 5xx and drift are
 * ProviderError (the cashier retries).
 */
import type { EbarimtSettings } from '../../../../shared/settings/ebarimt';
import type { ProviderContext } from '../../context';
import { ProviderError } from '../../errors';
import { HttpClient } from '../../http';
import {
  COMPANY_REGNO_PATTERN,
  TaxpayerInfoResponseSchema,
  TIN_PATTERN,
  TinInfoResponseSchema,
} from './schemas';

export const TAXPAYER_INFO_PROVIDER = 'ebarimt.taxpayer-info';

export const TAXPAYER_TEXT = {
  companyNotFound: {
    mn: 'Энэ регистрийн дугаартай байгууллага татварын бүртгэлд олдсонгүй. Дугаарыг шалгана уу.',
    en: 'No organisation with this register number is registered for tax. Check the number.',
  },
  tinNotFound: {
    mn: 'Энэ ТТД-тай татвар төлөгч олдсонгүй. Дугаарыг шалгана уу.',
    en: 'No taxpayer has this TIN. Check the number.',
  },
} as const;

export type LocalText = { mn: string; en: string };

export type CompanyTinResult = { found: true; tin: string } | { found: false; message: LocalText };

export type TaxpayerResult =
  { found: true; tin: string; name: string; vatPayer: boolean | null } | { found: false; message: LocalText };

export interface TaxpayerInfoClient {
  /** The TIN of a company's 7-digit state register number. */
  companyTin(regNo: string): Promise<CompanyTinResult>;
  /** The taxpayer registered under an 11/14-digit TIN. */
  taxpayer(tin: string): Promise<TaxpayerResult>;
}

export function createTaxpayerInfoClient(
  ctx: ProviderContext,
  settings: Pick<EbarimtSettings, 'taxpayerInfoUrl'>,
): TaxpayerInfoClient {
  const http = new HttpClient({
    provider: TAXPAYER_INFO_PROVIDER,
    baseUrl: settings.taxpayerInfoUrl,
    logger: ctx.logger,
    redactor: ctx.redactor,
    secretGuard: ctx.secretGuard,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });
  // ITC answers "not found" inside the envelope (status ≠ 200) or with a 4xx; both are values here.
  const notFound = (error: unknown): boolean =>
    error instanceof ProviderError &&
    error.kind === 'rejected' &&
    error.status !== undefined &&
    error.status < 500;

  return {
    async companyTin(regNo) {
      if (!COMPANY_REGNO_PATTERN.test(regNo)) {
        return { found: false, message: TAXPAYER_TEXT.companyNotFound };
      }
      try {
        const { data } = await http.request({
          method: 'GET',
          path: 'api/info/check/getTinInfo',
          query: { regNo },
          schema: TinInfoResponseSchema,
          operation: 'taxpayer-info.getTinInfo',
        });
        if (data.status !== 200 || data.data === null || data.data === '' || data.data === '0') {
          return { found: false, message: TAXPAYER_TEXT.companyNotFound };
        }
        if (!TIN_PATTERN.test(data.data)) {
          throw new ProviderError({
            provider: TAXPAYER_INFO_PROVIDER,
            kind: 'unexpected',
            message: 'getTinInfo answered a TIN that is not 11 or 14 digits',
          });
        }
        return { found: true, tin: data.data };
      } catch (error) {
        if (notFound(error)) {
          return { found: false, message: TAXPAYER_TEXT.companyNotFound };
        }
        throw error;
      }
    },

    async taxpayer(tin) {
      if (!TIN_PATTERN.test(tin)) {
        return { found: false, message: TAXPAYER_TEXT.tinNotFound };
      }
      try {
        const { data } = await http.request({
          method: 'GET',
          path: 'api/info/check/getInfo',
          query: { tin },
          schema: TaxpayerInfoResponseSchema,
          operation: 'taxpayer-info.getInfo',
        });
        const info = data.data;
        if (data.status !== 200 || info === null || info === undefined || !info.found) {
          return { found: false, message: TAXPAYER_TEXT.tinNotFound };
        }
        return { found: true, tin, name: (info.name ?? '').trim(), vatPayer: info.vatPayer ?? null };
      } catch (error) {
        if (notFound(error)) {
          return { found: false, message: TAXPAYER_TEXT.tinNotFound };
        }
        throw error;
      }
    },
  };
}
