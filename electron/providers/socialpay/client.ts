/**
 * SocialPay Instore (Golomt) client: every documented path, checksums per endpoint, typed errors with mn/en
 * cashier text. No Authorization header exists on this API; each request is authenticated by its checksum.
 */
import type { z } from 'zod';
import { money, type Money } from '../../../shared/money';
import type { SocialpaySettings } from '../../../shared/settings/socialpay';
import type { ProviderContext } from '../context';
import { HttpClient } from '../http';
import { invoiceChecksum, phoneChecksum, settlementChecksum } from './checksum';
import { PROVIDER, envelopeError, errorFromHttpBody, socialpayError } from './envelope';
import { checkInvoice, checkPhone, checkSettlementId, checkTerminal, wireAmount } from './input';
import { ERROR_TYPES, respCodeInfo, type PaymentOutcome, type Texts } from './messages';
import { verifySocialpayPush, type PushResult } from './push';
import {
  CancelResponseSchema,
  DescStatusSchema,
  SettlementResponseSchema,
  TransactionSchema,
  envelope,
} from './schemas';

export const SOCIALPAY_PATHS = {
  qr: '/pos/invoice/qr',
  qrDeeplink: '/pos/invoice/qr/deeplink',
  phone: '/pos/invoice/phone',
  check: '/pos/invoice/check',
  cancelInvoice: '/pos/invoice/cancel',
  refund: '/pos/payment/cancel',
  settlement: '/pos/settlement',
} as const;

export interface InvoiceRef {
  /** Merchant-unique invoice number (our idempotency key), ≤ 32 characters. */
  invoice: string;
  amount: Money;
}

export interface QrInvoice {
  invoice: string;
  /** Render as a QR as-is (EMV string or deeplink; the sources disagree). */
  qr: string;
  /** Only when the payload is a SocialPay app link. */
  deeplink?: string;
}

export interface SocialpayStatus {
  status: PaymentOutcome;
  invoice: string;
  respCode: string;
  respDesc: string;
  approvalCode?: string;
  messages: Texts;
}

export interface SocialpaySettlement {
  settlementId: string;
  amount: Money;
  count: number;
}

export interface SocialpayClient {
  readonly provider: 'socialpay';
  readonly baseUrl: string;
  createQr(req: InvoiceRef & { deeplink?: boolean }): Promise<QrInvoice>;
  createPhoneInvoice(req: InvoiceRef & { phone: string }): Promise<{ invoice: string; desc: string }>;
  check(req: InvoiceRef): Promise<SocialpayStatus>;
  cancelInvoice(req: InvoiceRef): Promise<void>;
  /** Full reversal of a paid invoice (/pos/payment/cancel). */
  refund(req: InvoiceRef): Promise<{ invoice: string; approvalCode?: string }>;
  settle(settlementId: string): Promise<SocialpaySettlement>;
  /** Verify a push body; the caller must then call check() — a push alone never marks a payment paid. */
  receivePush(rawBody: string): Promise<PushResult>;
}

const DEEPLINK_PREFIX = 'socialpay-payment://';

export function createSocialpayClient(ctx: ProviderContext, settings: SocialpaySettings): SocialpayClient {
  const http = new HttpClient({
    provider: PROVIDER,
    baseUrl: settings.baseUrl,
    logger: ctx.logger,
    redactor: ctx.redactor,
    secretGuard: ctx.secretGuard,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });

  const key = async (): Promise<string> => {
    const value = await ctx.secret('socialpay.checksumKey');
    ctx.redactor.addValue(value);
    return value;
  };

  async function post<S extends z.ZodType>(
    operation: string,
    path: string,
    json: Record<string, string>,
    schema: S,
  ): Promise<z.output<S>> {
    const { data } = await http.request({
      method: 'POST',
      path,
      json,
      schema: envelope(schema),
      operation,
      onErrorResponse: (_status, body) => errorFromHttpBody(body, ctx.redactor),
    });
    if ('error' in data.body) {
      throw envelopeError(data.header, data.body.error, ctx.redactor);
    }
    if (data.header.code !== 200) {
      throw envelopeError(data.header, undefined, ctx.redactor);
    }
    return data.body.response;
  }

  /** Validated wire fields, before anything is signed or sent. */
  function fields(ref: InvoiceRef): { terminal: string; invoice: string; amount: string } {
    return {
      terminal: checkTerminal(settings.terminal),
      invoice: checkInvoice(ref.invoice),
      amount: wireAmount(ref.amount),
    };
  }

  async function signed(ref: InvoiceRef): Promise<Record<string, string>> {
    const { terminal, invoice, amount } = fields(ref);
    return { amount, checksum: invoiceChecksum(await key(), terminal, invoice, amount), invoice, terminal };
  }

  function failed(texts: Texts, detail: string, code: string): never {
    throw socialpayError({ kind: 'rejected', texts, detail, code, redactor: ctx.redactor });
  }

  /** Guard against an answer about another invoice (a misrouted or replayed response). */
  function sameInvoice(operation: string, ref: InvoiceRef, got: { invoice: string; amount: string }): void {
    if (got.invoice !== ref.invoice || Number(got.amount) !== ref.amount.amount) {
      throw socialpayError({
        kind: 'unexpected',
        texts: {
          en: `SocialPay answered ${operation} for a different invoice or amount.`,
          mn: `SocialPay ${operation} хүсэлтэд өөр нэхэмжлэх эсвэл дүнгээр хариулав.`,
        },
        detail: undefined,
        redactor: ctx.redactor,
      });
    }
  }

  return {
    provider: PROVIDER,
    baseUrl: http.baseUrl,

    async createQr(req) {
      const path = req.deeplink === true ? SOCIALPAY_PATHS.qrDeeplink : SOCIALPAY_PATHS.qr;
      const res = await post('invoice.qr', path, await signed(req), DescStatusSchema);
      if (res.status !== 'SUCCESS') {
        failed(
          {
            en: 'SocialPay could not create the QR invoice.',
            mn: 'SocialPay QR нэхэмжлэх үүсгэж чадсангүй.',
          },
          res.desc,
          'FAILED',
        );
      }
      return {
        invoice: req.invoice,
        qr: res.desc,
        ...(res.desc.startsWith(DEEPLINK_PREFIX) ? { deeplink: res.desc } : {}),
      };
    },

    async createPhoneInvoice(req) {
      const { terminal, invoice, amount } = fields(req);
      const phone = checkPhone(req.phone);
      const checksum = phoneChecksum(await key(), terminal, invoice, amount, phone);
      const res = await post(
        'invoice.phone',
        SOCIALPAY_PATHS.phone,
        { phone, amount, invoice, terminal, checksum },
        DescStatusSchema,
      );
      if (res.status !== 'SUCCESS') {
        failed(
          {
            en: 'SocialPay could not send the invoice to this phone (is the number registered in SocialPay?).',
            mn: 'SocialPay энэ утас руу нэхэмжлэх илгээж чадсангүй (дугаар SocialPay-д бүртгэлтэй эсэхийг шалгана уу).',
          },
          res.desc,
          'FAILED',
        );
      }
      return { invoice: req.invoice, desc: res.desc };
    },

    async check(req) {
      const res = await post('invoice.check', SOCIALPAY_PATHS.check, await signed(req), TransactionSchema);
      sameInvoice('invoice.check', req, res);
      const info = respCodeInfo(res.resp_code, res.resp_desc);
      return {
        status: info.outcome,
        invoice: res.invoice,
        respCode: res.resp_code,
        respDesc: res.resp_desc,
        ...(res.approval_code ? { approvalCode: res.approval_code } : {}),
        messages: { mn: info.mn, en: info.en },
      };
    },

    async cancelInvoice(req) {
      const res = await post(
        'invoice.cancel',
        SOCIALPAY_PATHS.cancelInvoice,
        await signed(req),
        CancelResponseSchema,
      );
      if (res.status === 'SUCCESS' || res.resp_code === '00') {
        return;
      }
      failed(ERROR_TYPES.STATE, res.desc ?? res.resp_desc ?? 'FAILED', res.resp_code ?? 'FAILED');
    },

    async refund(req) {
      const res = await post('payment.cancel', SOCIALPAY_PATHS.refund, await signed(req), TransactionSchema);
      sameInvoice('payment.cancel', req, res);
      if (res.resp_code !== '00') {
        const info = respCodeInfo(res.resp_code, res.resp_desc);
        failed(
          {
            en: `SocialPay did not reverse the payment. ${info.en}`,
            mn: `SocialPay гүйлгээг буцаасангүй. ${info.mn}`,
          },
          res.resp_desc,
          res.resp_code,
        );
      }
      return { invoice: res.invoice, ...(res.approval_code ? { approvalCode: res.approval_code } : {}) };
    },

    async settle(settlementId) {
      const terminal = checkTerminal(settings.terminal);
      const id = checkSettlementId(settlementId);
      const res = await post(
        'settlement',
        SOCIALPAY_PATHS.settlement,
        { settlementId: id, terminal, checksum: settlementChecksum(await key(), terminal, id) },
        SettlementResponseSchema,
      );
      if (res.status !== 'SUCCESS' || !Number.isSafeInteger(res.amount)) {
        failed(
          {
            en: 'SocialPay did not settle the terminal.',
            mn: 'SocialPay терминалын өдрийн хаалт хийгдсэнгүй.',
          },
          res.status,
          'FAILED',
        );
      }
      return { settlementId: id, amount: money(res.amount, 'MNT'), count: res.count };
    },

    async receivePush(rawBody) {
      return verifySocialpayPush(rawBody, { terminal: settings.terminal, key: await key() });
    },
  };
}
