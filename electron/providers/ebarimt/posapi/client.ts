/**
 * PosAPI 3.0 client: the merchant's local receipt service (no auth on its REST calls).
 *   POST /rest/receipt   issue a receipt      → { record (may be journaled), printable (memory only) }
 *   DELETE /rest/receipt return/cancel one   → void
 *   GET /rest/info       service state        → PosInfo
 *   GET /rest/sendData   push queued receipts → void
 * Business refusals (status ERROR / PAYMENT) are ProviderError kind 'rejected' with PosAPI's message in
 * mn and en. The client never retries a receipt: an unknown outcome is settled by the caller with the same
 * billIdSuffix (PosAPI rejects a duplicate suffix within the day), never by a fresh one.
 */
import { z } from 'zod';
import type { EbarimtSettings } from '../../../../shared/settings/ebarimt';
import type { ProviderContext } from '../../context';
import { ProviderError } from '../../errors';
import { HttpClient } from '../../http';
import { PrintableReceipt } from './printable';
import {
  DeleteReceiptRequestSchema,
  PosErrorBodySchema,
  PosInfoSchema,
  ReceiptSuccessSchema,
  type PosInfo,
} from './schemas';
import { buildReceiptRequest, type IssueReceiptInput } from './wire';

export const POSAPI_PROVIDER = 'ebarimt.posapi';

/**
 * PosAPI runs on the merchant's machine or LAN and signs receipts itself, which can take long when it talks to
 * the central system (a 16.5 s answer was seen): issuing and returning wait this long before the outcome is
 * unknown (docs/architecture.md §9.1). Other calls keep the shared default.
 */
export const POSAPI_RECEIPT_TIMEOUT_MS = 60_000;

/** What may be journaled about an issued receipt. Deliberately has no qrData or lottery. */
export interface ReceiptRecord {
  /** 33-digit ДДТД. */
  id: string;
  /** "yyyy-MM-dd HH:mm:ss" as PosAPI stamped it (needed to delete the receipt). */
  date: string;
  type: IssueReceiptInput['type'];
  billIdSuffix: string;
  totalAmount: number;
  totalVAT: number;
  totalCityTax: number;
  consumerNo: string | null;
  customerTin: string | null;
  /** PosAPI pushed it straight to the buyer's eBarimt account (consumerNo was valid). */
  easy: boolean;
  subReceiptIds: string[];
}

export interface IssuedReceipt {
  record: ReceiptRecord;
  /** qrData + lottery: MEMORY ONLY (ITC forbids storing them). Print/show, pass to approveQr, drop. */
  printable: PrintableReceipt;
}

export interface PosApiClient {
  issueReceipt(input: IssueReceiptInput): Promise<IssuedReceipt>;
  deleteReceipt(ref: { id: string; date: string }): Promise<void>;
  info(): Promise<PosInfo>;
  sendData(): Promise<void>;
}

const ReceiptBodySchema = z.discriminatedUnion('status', [
  ReceiptSuccessSchema,
  z.object({ status: z.literal('ERROR'), message: z.string().nullable().optional() }),
  z.object({ status: z.literal('PAYMENT'), message: z.string().nullable().optional() }),
]);

function refused(
  ctx: ProviderContext,
  code: string,
  status: number | undefined,
  detail: string,
): ProviderError {
  const text = ctx.redactor.text(detail);
  return new ProviderError({
    provider: POSAPI_PROVIDER,
    kind: 'rejected',
    code,
    ...(status === undefined ? {} : { status }),
    message: `PosAPI refused the request: ${text}`,
    messages: {
      en: `PosAPI refused the request: ${text}`,
      mn: `PosAPI хүсэлтийг хүлээж авсангүй: ${text}`,
    },
  });
}

export function createPosApiClient(ctx: ProviderContext, settings: EbarimtSettings): PosApiClient {
  const logger = ctx.logger.child({ component: 'ebarimt.posapi' });
  const http = new HttpClient({
    provider: POSAPI_PROVIDER,
    baseUrl: settings.posApiUrl,
    logger: ctx.logger,
    redactor: ctx.redactor,
    secretGuard: ctx.secretGuard,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });

  /** PosAPI's documented error body `{status, message}` on a non-2xx answer; 503 = not activated. */
  const onErrorResponse = (status: number, body: unknown): ProviderError | undefined => {
    if (status === 503) {
      return new ProviderError({
        provider: POSAPI_PROVIDER,
        kind: 'unexpected',
        status,
        // Not activated: PosAPI refused before doing anything, so no receipt exists under this suffix and the
        // receipt is `failed` (retry at will), not `unconfirmed` (docs/architecture.md §9.1).
        mayHaveReachedProvider: false,
        message:
          'PosAPI is not activated or has no merchant registered (503): log into the PosAPI web page and activate it',
        messages: {
          en: 'PosAPI is not activated or has no merchant registered: activate it in its web page',
          mn: 'PosAPI идэвхжээгүй эсвэл байгууллага бүртгэгдээгүй байна: PosAPI-н вэб хуудсаар идэвхжүүлнэ үү',
        },
      });
    }
    const parsed = PosErrorBodySchema.safeParse(body);
    if (status < 500 && parsed.success && parsed.data.message !== undefined) {
      return refused(ctx, String(parsed.data.status ?? status), status, parsed.data.message);
    }
    return undefined;
  };

  return {
    async issueReceipt(input) {
      const body = buildReceiptRequest(input, settings);
      const { data } = await http.request({
        method: 'POST',
        path: 'rest/receipt',
        json: body,
        schema: ReceiptBodySchema,
        onErrorResponse,
        operation: 'posapi.receipt',
        timeoutMs: ctx.timeoutMs ?? POSAPI_RECEIPT_TIMEOUT_MS,
      });
      if (data.status !== 'SUCCESS') {
        throw refused(ctx, data.status, undefined, data.message ?? data.status);
      }
      const record: ReceiptRecord = {
        id: data.id,
        date: data.date,
        type: input.type,
        billIdSuffix: input.billIdSuffix,
        totalAmount: body.totalAmount,
        totalVAT: body.totalVAT ?? 0,
        totalCityTax: body.totalCityTax ?? 0,
        consumerNo: body.consumerNo ?? null,
        customerTin: body.customerTin ?? null,
        easy: data.easy === true,
        subReceiptIds: (data.receipts ?? []).map((r) => r.id),
      };
      // Only non-printable facts are logged; qrData and lottery never leave `printable`.
      logger.info(
        { op: 'posapi.receipt', billIdSuffix: record.billIdSuffix, type: record.type, easy: record.easy },
        'receipt issued',
      );
      return { record, printable: new PrintableReceipt(data.qrData, data.lottery) };
    },

    async deleteReceipt(ref) {
      const json = DeleteReceiptRequestSchema.parse(ref);
      const { data } = await http.request({
        method: 'DELETE',
        path: 'rest/receipt',
        json,
        schema: z.unknown(),
        emptyBody: true,
        onErrorResponse,
        operation: 'posapi.receipt.delete',
        timeoutMs: ctx.timeoutMs ?? POSAPI_RECEIPT_TIMEOUT_MS,
      });
      // The response body is undocumented (HTTP 200 means done) but an explicit ERROR status is honoured.
      const outcome = PosErrorBodySchema.safeParse(data);
      if (outcome.success && outcome.data.status === 'ERROR') {
        throw refused(ctx, 'ERROR', undefined, outcome.data.message ?? 'ERROR');
      }
    },

    async info() {
      const { data } = await http.request({
        method: 'GET',
        path: 'rest/info',
        schema: PosInfoSchema,
        onErrorResponse,
        operation: 'posapi.info',
      });
      return data;
    },

    async sendData() {
      await http.request({
        method: 'GET',
        path: 'rest/sendData',
        schema: z.unknown(),
        emptyBody: true,
        onErrorResponse,
        operation: 'posapi.sendData',
      });
    },
  };
}
