/**
 * A strict, stateful SocialPay Instore simulator on loopback. It checks what the bank checks (fields, lengths,
 * terminal, HMAC checksum) and keeps invoices, payments, refunds and settlement totals.
 *
 * Where the public docs are silent (error header codes, errorType names, non-"00" resp_codes, which HTTP status
 * carries an error) this simulator follows the convention in messages.ts. By default errors come as HTTP 200 with
 * the error envelope (the doc says to read the header); `errorsAsHttpStatus` sends the header code as the HTTP
 * status instead, so the client is tested against both.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SocialpaySettings } from '../../../shared/settings/socialpay';
import {
  startSimulatorServer,
  type RunningSimulator,
  type SimReply,
  type SimRequest,
} from '../simulator-kit';
import { checksumMatches, invoiceChecksum, phoneChecksum, settlementChecksum } from './checksum';
import { SOCIALPAY_PATHS } from './client';
import { INVOICE_MAX_LENGTH, SETTLEMENT_ID_MAX_LENGTH } from './schemas';

export type SimInvoiceState = 'pending' | 'paid' | 'declined' | 'expired' | 'cancelled' | 'refunded';

export interface SimInvoice {
  invoice: string;
  amount: string;
  kind: 'qr' | 'deeplink' | 'phone';
  phone?: string;
  state: SimInvoiceState;
  approvalCode?: string;
  settlementId?: string;
}

export interface SocialpaySimulatorOptions {
  port?: number;
  terminal?: string;
  key?: string;
  errorsAsHttpStatus?: boolean;
  /** invoice/cancel answer: `{desc,status}` (default) or erxes' `resp_code` (docs/providers.md §3.5). */
  cancelShape?: 'desc' | 'resp_code';
  /**
   * How a missing invoice is answered. The documents name no error for it; by default this simulator says
   * 404 / NOT_FOUND, a variant lets a test stand for a server that names (and numbers) it differently.
   */
  missingInvoice?: { code: number; errorType: string; errorDesc: string };
}

export interface SocialpaySimulator extends RunningSimulator {
  readonly terminal: string;
  readonly sandbox: {
    settings: Pick<SocialpaySettings, 'baseUrl' | 'terminal'>;
    secrets: { 'socialpay.checksumKey': string };
  };
  markPaid(invoice: string): void;
  /**
   * Sandbox only: a waiting QR invoice the till holds but this simulator does not know — the sandbox's
   * in-process bank restarted with the till, a real bank keeps its invoices — is registered again as pending.
   * An invoice it knows is left as it is.
   */
  adopt(invoice: string, amount: string): void;
  markDeclined(invoice: string): void;
  markExpired(invoice: string): void;
  invoice(invoice: string): SimInvoice | undefined;
  /** Remove a field (dot path, e.g. 'body.response.resp_code') from the next successful answer. */
  dropFieldNext(path: string): void;
  /** The push body the bank would send for this invoice now (signed with the simulator's key). */
  pushFor(invoice: string): string;
  settlements(): ReadonlyMap<string, { amount: number; count: number }>;
}

const STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
};

function dropPath(target: unknown, path: string): void {
  const parts = path.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const last = parts.at(-1);
  if (node !== null && typeof node === 'object' && last !== undefined) {
    Reflect.deleteProperty(node, last);
  }
}

export async function startSocialpaySimulator(
  opts: SocialpaySimulatorOptions = {},
): Promise<SocialpaySimulator> {
  const terminal = opts.terminal ?? String(randomInt(10_000_000, 99_999_999));
  const key = opts.key ?? `sim-key-${randomBytes(24).toString('hex')}`;
  const invoices = new Map<string, SimInvoice>();
  const settlements = new Map<string, { amount: number; count: number }>();
  const drops: string[] = [];

  const error = (code: number, errorType: string, errorDesc: string): SimReply => ({
    status: opts.errorsAsHttpStatus === true ? code : 200,
    body: { header: { code, status: STATUS[code] ?? 'Error' }, body: { error: { errorDesc, errorType } } },
  });
  const ok = (response: unknown): SimReply => {
    const body = { header: { code: 200, status: 'success' }, body: { response } };
    const drop = drops.shift();
    if (drop !== undefined) {
      dropPath(body, drop);
    }
    return { status: 200, body };
  };

  /** Field presence, types and lengths: the bank's validation step. */
  type Checked = { fields: Record<string, string> } | { reply: SimReply };
  const requireFields = (body: unknown, names: readonly string[]): Checked => {
    const fail = (reply: SimReply): Checked => ({ reply });
    if (body === null || typeof body !== 'object') {
      return fail(error(400, 'VALIDATION', 'Request body must be JSON'));
    }
    const record = body as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = record[name];
      if (typeof value !== 'string' || value === '') {
        return fail(error(400, 'VALIDATION', `${name} is required and must be a string`));
      }
      out[name] = value;
    }
    if (out.invoice !== undefined && out.invoice.length > INVOICE_MAX_LENGTH) {
      return fail(error(400, 'VALIDATION', `invoice exceeds maxlen ${INVOICE_MAX_LENGTH}`));
    }
    if (out.amount !== undefined && !/^[1-9]\d*$/.test(out.amount)) {
      return fail(error(400, 'VALIDATION', 'amount must be a positive whole number'));
    }
    if (out.phone !== undefined && !/^\d{8}$/.test(out.phone)) {
      return fail(error(400, 'VALIDATION', 'phone must be 8 digits'));
    }
    if (out.settlementId !== undefined && out.settlementId.length > SETTLEMENT_ID_MAX_LENGTH) {
      return fail(error(400, 'VALIDATION', `settlementId exceeds maxlen ${SETTLEMENT_ID_MAX_LENGTH}`));
    }
    if (out.terminal !== undefined && out.terminal !== terminal) {
      return fail(error(401, 'TERMINAL', 'Terminal not found'));
    }
    return { fields: out };
  };

  const transaction = (inv: SimInvoice, respCode: string, respDesc: string): Record<string, string> => ({
    approval_code: inv.approvalCode ?? '',
    amount: inv.amount,
    card_number: inv.state === 'pending' ? '' : '9496**********15',
    resp_code: respCode,
    resp_desc: respDesc,
    terminal,
    invoice: inv.invoice,
    checksum: invoiceChecksum(key, terminal, inv.invoice, inv.amount),
  });

  const CHECK_CODES: Record<SimInvoiceState, [string, string]> = {
    paid: ['00', 'Approved'],
    pending: ['01', 'Not paid yet'],
    declined: ['05', 'Do not honor'],
    expired: ['54', 'Invoice expired'],
    cancelled: ['17', 'Invoice cancelled'],
    refunded: ['17', 'Payment reversed'],
  };

  const createInvoice = (f: Record<string, string>, kind: SimInvoice['kind']): SimReply => {
    const invoice = f.invoice ?? '';
    const amount = f.amount ?? '';
    const existing = invoices.get(invoice);
    // Re-asking for the same pending invoice (same amount) is answered again; anything else is a clash.
    if (existing && (existing.amount !== amount || existing.state !== 'pending' || existing.kind !== kind)) {
      return error(409, 'DUPLICATE', 'Invoice already exists');
    }
    const inv: SimInvoice = existing ?? {
      invoice,
      amount,
      kind,
      state: 'pending',
      ...(f.phone === undefined ? {} : { phone: f.phone }),
    };
    invoices.set(invoice, inv);
    if (kind === 'phone') {
      return ok({ desc: 'Invoice sent successfully', status: 'SUCCESS' });
    }
    const payload = Buffer.from(`${terminal}:${invoice}:${amount}`).toString('base64');
    return ok({
      desc:
        kind === 'deeplink'
          ? `socialpay-payment://key=${payload}`
          : `000201010212153126620496266204960023031000001475204601053034965404${amount}5802MN5908kassa-sim6011ULAANBAATAR62${payload}`,
      status: 'SUCCESS',
    });
  };

  const route = (req: SimRequest): SimReply => {
    if (req.method !== 'POST') {
      return { status: 405, body: { header: { code: 405, status: 'Method Not Allowed' }, body: {} } };
    }
    if (req.bodyInvalid) {
      return error(400, 'VALIDATION', 'Request body must be JSON');
    }
    if (req.path === SOCIALPAY_PATHS.settlement) {
      const checked = requireFields(req.body, ['settlementId', 'terminal', 'checksum']);
      if ('reply' in checked) {
        return checked.reply;
      }
      const { fields } = checked;
      const id = fields.settlementId ?? '';
      if (!checksumMatches(settlementChecksum(key, terminal, id), fields.checksum ?? '')) {
        return error(401, 'CHECKSUM', 'Checksum invalid');
      }
      let totals = settlements.get(id);
      if (!totals) {
        // Settle every paid, not yet settled invoice under this id; asking again with the same id repeats it.
        totals = { amount: 0, count: 0 };
        for (const inv of invoices.values()) {
          if (inv.state === 'paid' && inv.settlementId === undefined) {
            inv.settlementId = id;
            totals.amount += Number(inv.amount);
            totals.count += 1;
          }
        }
        settlements.set(id, totals);
      }
      return ok({ amount: totals.amount, count: totals.count, status: 'SUCCESS' });
    }
    const isPhone = req.path === SOCIALPAY_PATHS.phone;
    const known = Object.values(SOCIALPAY_PATHS) as string[];
    if (!known.includes(req.path)) {
      return { status: 404, body: { header: { code: 404, status: 'Not Found' }, body: {} } };
    }
    const names = ['amount', 'checksum', 'invoice', 'terminal', ...(isPhone ? ['phone'] : [])];
    const checked = requireFields(req.body, names);
    if ('reply' in checked) {
      return checked.reply;
    }
    const { fields } = checked;
    const invoice = fields.invoice ?? '';
    const amount = fields.amount ?? '';
    const expected = isPhone
      ? phoneChecksum(key, terminal, invoice, amount, fields.phone ?? '')
      : invoiceChecksum(key, terminal, invoice, amount);
    if (!checksumMatches(expected, fields.checksum ?? '')) {
      return error(401, 'CHECKSUM', 'Checksum invalid');
    }
    switch (req.path) {
      case SOCIALPAY_PATHS.qr:
        return createInvoice(fields, 'qr');
      case SOCIALPAY_PATHS.qrDeeplink:
        return createInvoice(fields, 'deeplink');
      case SOCIALPAY_PATHS.phone:
        return createInvoice(fields, 'phone');
      default:
        break;
    }
    const inv = invoices.get(invoice);
    if (!inv) {
      const missing = opts.missingInvoice ?? {
        code: 404,
        errorType: 'NOT_FOUND',
        errorDesc: 'Invoice not found',
      };
      return error(missing.code, missing.errorType, missing.errorDesc);
    }
    if (inv.amount !== amount) {
      return error(400, 'AMOUNT', 'Amount does not match the invoice');
    }
    if (req.path === SOCIALPAY_PATHS.check) {
      const [code, desc] = CHECK_CODES[inv.state];
      return ok(transaction(inv, code, desc));
    }
    if (req.path === SOCIALPAY_PATHS.cancelInvoice) {
      if (inv.state === 'paid' || inv.state === 'refunded') {
        return error(409, 'STATE', 'Invoice is already paid; reverse the payment instead');
      }
      inv.state = 'cancelled';
      return ok(
        opts.cancelShape === 'resp_code'
          ? { resp_code: '00', resp_desc: 'Cancelled' }
          : { desc: 'Invoice cancelled', status: 'SUCCESS' },
      );
    }
    // /pos/payment/cancel: reverse a paid payment.
    if (inv.state !== 'paid') {
      return error(409, 'STATE', `Payment cannot be reversed in state ${inv.state}`);
    }
    inv.state = 'refunded';
    return ok(transaction(inv, '00', 'Reversed'));
  };

  const server = await startSimulatorServer(route, opts.port === undefined ? {} : { port: opts.port });

  const set = (invoice: string, state: SimInvoiceState): void => {
    const inv = invoices.get(invoice);
    if (!inv) {
      throw new Error(`socialpay simulator: no invoice ${invoice}`);
    }
    inv.state = state;
    if (state === 'paid') {
      inv.approvalCode = String(randomInt(100_000, 999_999));
    }
  };

  return Object.assign(server, {
    terminal,
    sandbox: {
      settings: { baseUrl: server.url, terminal },
      secrets: { 'socialpay.checksumKey': key },
    },
    markPaid: (invoice: string) => {
      set(invoice, 'paid');
    },
    adopt: (invoice: string, amount: string) => {
      if (!invoices.has(invoice)) {
        invoices.set(invoice, { invoice, amount, kind: 'qr', state: 'pending' });
      }
    },
    markDeclined: (invoice: string) => {
      set(invoice, 'declined');
    },
    markExpired: (invoice: string) => {
      set(invoice, 'expired');
    },
    invoice: (invoice: string) => {
      const inv = invoices.get(invoice);
      return inv ? { ...inv } : undefined;
    },
    dropFieldNext: (path: string) => {
      drops.push(path);
    },
    pushFor: (invoice: string) => {
      const inv = invoices.get(invoice);
      if (!inv) {
        throw new Error(`socialpay simulator: no invoice ${invoice}`);
      }
      const [code, desc] = CHECK_CODES[inv.state];
      return JSON.stringify({
        resp_code: code,
        resp_desc: desc,
        amount: inv.amount,
        checksum: invoiceChecksum(key, terminal, inv.invoice, inv.amount),
        invoice: inv.invoice,
        terminal,
      });
    },
    settlements: () => settlements,
  });
}
