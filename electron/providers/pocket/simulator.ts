/**
 * A strict, stateful Pocket simulator on loopback: the Keycloak realm (sim-realm.ts) plus the merchant API
 * under /merchant. Bearer tokens are checked on every merchant call (unknown → 401, expired → 401), bodies are
 * validated as the docs describe (amount ≥ 500, info ≤ 100, orderNumber ≤ 24), and invoices keep state.
 * Error bodies are `{ message }` (docs/providers.md §2.2); the status codes chosen for each case are this
 * simulator's.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { PocketSettings } from '../../../shared/settings/pocket';
import {
  startSimulatorServer,
  type RunningSimulator,
  type SimReply,
  type SimRequest,
} from '../simulator-kit';
import { POCKET_PATHS } from './client';
import { GenerateInvoiceRequestSchema, INFO_MAX_LENGTH, MIN_AMOUNT_MNT } from './schemas';
import { REALM_PREFIX, SimRealm, type ConsumerTokenOptions } from './sim-realm';
import { WEBHOOK_STATE_CODES } from './states';

export type SimPocketState =
  'pending' | 'processing' | 'processed' | 'paid' | 'cancelled' | 'rejected' | 'unsuccess';

export interface SimPocketInvoice {
  id: number;
  orderNumber: string | null;
  amount: number;
  info: string;
  state: SimPocketState;
  description: string | null;
  terminalId: number;
  invoiceType: string;
  kind: 'pos' | 'consumer';
  createdAt: string;
}

export interface PocketSimulatorOptions {
  port?: number;
  /** Access-token lifetime in ms (default 600 000, as in the doc sample). */
  tokenLifetimeMs?: number;
}

export interface PocketSimulator extends RunningSimulator {
  readonly sandbox: {
    settings: Pick<PocketSettings, 'baseUrl' | 'ssoUrl' | 'clientId' | 'terminalId'>;
    secrets: { 'pocket.clientSecret': string };
  };
  /** Successful token grants by type. */
  readonly grants: { readonly client_credentials: number; readonly refresh_token: number };
  markPaid(id: string | number): void;
  /** → rejected */
  markDeclined(id: string | number): void;
  /** Pocket has no expired state; an invoice that runs out is cancelled ([G]). */
  markExpired(id: string | number): void;
  setState(id: string | number, state: SimPocketState, description?: string): void;
  expireTokens(): void;
  setTokenLifetime(ms: number): void;
  dropFieldNext(field: string): void;
  invoice(id: string | number): SimPocketInvoice | undefined;
  issueConsumerToken(options?: ConsumerTokenOptions): Promise<string>;
  /** The webhook Pocket would POST for this invoice now. */
  webhookFor(id: string | number, options?: { numericState?: boolean }): string;
}

const MERCHANT_PREFIX = '/merchant/';

export async function startPocketSimulator(opts: PocketSimulatorOptions = {}): Promise<PocketSimulator> {
  const realm = new SimRealm();
  if (opts.tokenLifetimeMs !== undefined) {
    realm.access.lifetimeMs = opts.tokenLifetimeMs;
  }
  const terminalId = randomInt(100_000, 999_999);
  const invoices = new Map<number, SimPocketInvoice>();
  const drops: string[] = [];
  let nextId = randomInt(1_000_000, 9_000_000);
  let fallBackUrl: string | null = null;

  const fail = (status: number, message: string): SimReply => ({ status, body: { message } });
  const ok = (body: Record<string, unknown>): SimReply => {
    const drop = drops.shift();
    if (drop !== undefined) {
      Reflect.deleteProperty(body, drop);
    }
    return { status: 200, body };
  };
  const record = (inv: SimPocketInvoice): Record<string, unknown> => ({
    state: inv.state,
    description: inv.description,
    senderName: inv.state === 'paid' ? 'Б. Бат' : null,
    receiverName: 'Kassa demo store',
    amount: inv.amount,
    info: inv.info,
    holdId: null,
    id: inv.id,
    createdAt: inv.createdAt,
    aliasName: 'kassa',
    terminalId: inv.terminalId,
    branchName: 'Main',
    branchId: 1,
    orderNumber: inv.orderNumber,
    invoiceType: inv.invoiceType,
  });
  const obj = (body: unknown): Record<string, unknown> =>
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const find = (id: unknown): SimPocketInvoice | undefined => invoices.get(Number(id));

  const generate = (body: unknown): SimReply => {
    const parsed = GenerateInvoiceRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(400, `Invalid request: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    const req = parsed.data;
    if (req.terminalId !== terminalId) {
      return fail(400, 'Terminal not found for this merchant');
    }
    const existing = [...invoices.values()].find((i) => i.orderNumber === req.orderNumber);
    if (existing && (existing.amount !== req.amount || existing.state !== 'pending')) {
      return fail(409, 'Order number already exists');
    }
    const inv = existing ?? {
      id: nextId++,
      orderNumber: req.orderNumber,
      amount: req.amount,
      info: req.info,
      state: 'pending',
      description: null,
      terminalId,
      invoiceType: req.invoiceType,
      kind: 'pos',
      createdAt: new Date().toISOString(),
    };
    invoices.set(inv.id, inv);
    const qr = Buffer.from(JSON.stringify({ i: inv.id, a: inv.amount, t: terminalId })).toString('base64');
    return ok({ id: inv.id, qr, orderNumber: req.orderNumber, deeplink: `pocket://invoice?id=${inv.id}` });
  };

  const consumerInvoice = async (body: Record<string, unknown>): Promise<SimReply> => {
    const { amount, info, consumerToken } = body;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < MIN_AMOUNT_MNT) {
      return fail(400, `amount must be at least ${MIN_AMOUNT_MNT}`);
    }
    if (typeof info !== 'string' || info === '' || info.length > INFO_MAX_LENGTH) {
      return fail(400, `info is required (max ${INFO_MAX_LENGTH} characters)`);
    }
    if (typeof consumerToken !== 'string' || !(await realm.verifyConsumerToken(consumerToken))) {
      return fail(400, 'Invalid consumer token');
    }
    const inv: SimPocketInvoice = {
      id: nextId++,
      orderNumber: null,
      amount,
      info,
      state: 'pending',
      description: null,
      terminalId,
      invoiceType: 'PURCHASE',
      kind: 'consumer',
      createdAt: new Date().toISOString(),
    };
    invoices.set(inv.id, inv);
    return ok({ id: inv.id, info, amount, terminalId });
  };

  const merchant = async (req: SimRequest, path: string): Promise<SimReply> => {
    const auth = realm.access.check(req.headers.authorization);
    if (auth !== 'ok') {
      return {
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        body: { message: auth === 'expired' ? 'Token is expired' : 'Unauthorized' },
      };
    }
    if (req.bodyInvalid) {
      return fail(400, 'Malformed JSON');
    }
    const body = obj(req.body);
    const route = `${req.method} ${path}`;
    if (route === `GET ${POCKET_PATHS.pgConfig}`) {
      return ok({ fallBackUrl });
    }
    if (route === `POST ${POCKET_PATHS.pgConfig}`) {
      const url = body.fallBackUrl;
      if (typeof url !== 'string' || !/^https:\/\/\S+$/.test(url)) {
        return fail(400, 'fallBackUrl must be an https URL');
      }
      fallBackUrl = url;
      return ok({ fallBackUrl });
    }
    if (req.method === 'GET' && path.startsWith(POCKET_PATHS.check)) {
      const inv = find(path.slice(POCKET_PATHS.check.length));
      return inv ? ok(record(inv)) : fail(404, 'Invoice not found');
    }
    if (req.method !== 'POST') {
      return fail(404, 'Not found');
    }
    switch (path) {
      case POCKET_PATHS.generateInvoice:
        return generate(req.body);
      case POCKET_PATHS.consumerInvoice:
        return consumerInvoice(body);
      case POCKET_PATHS.byInvoiceId:
      case POCKET_PATHS.byOrderNumber: {
        if (body.terminalId !== terminalId) {
          return fail(400, 'Terminal not found for this merchant');
        }
        const inv =
          path === POCKET_PATHS.byInvoiceId
            ? find(body.invoiceId)
            : [...invoices.values()].find(
                (i) => i.orderNumber !== null && i.orderNumber === body.orderNumber,
              );
        return inv ? ok(record(inv)) : fail(404, 'Invoice not found');
      }
      default:
        return fail(404, 'Not found');
    }
  };

  const server = await startSimulatorServer(
    async (req) => {
      const realmReply = await realm.route(req);
      if (realmReply) {
        return realmReply;
      }
      if (req.path.startsWith(MERCHANT_PREFIX)) {
        return merchant(req, req.path.slice(MERCHANT_PREFIX.length));
      }
      return fail(404, 'Not found');
    },
    opts.port === undefined ? {} : { port: opts.port },
  );
  await realm.init(server.url + REALM_PREFIX);

  const set = (id: string | number, state: SimPocketState, description?: string): void => {
    const inv = find(id);
    if (!inv) {
      throw new Error(`pocket simulator: no invoice ${String(id)}`);
    }
    inv.state = state;
    inv.description = description ?? null;
  };

  return Object.assign(server, {
    sandbox: {
      settings: {
        baseUrl: `${server.url}/merchant`,
        ssoUrl: realm.issuer,
        clientId: realm.clientId,
        terminalId: String(terminalId),
      },
      secrets: { 'pocket.clientSecret': realm.clientSecret },
    },
    grants: realm.grants,
    markPaid: (id: string | number) => {
      set(id, 'paid');
    },
    markDeclined: (id: string | number) => {
      set(id, 'rejected', 'Declined by the customer');
    },
    markExpired: (id: string | number) => {
      set(id, 'cancelled', 'Invoice expired');
    },
    setState: set,
    expireTokens: () => {
      realm.access.expireAll();
    },
    setTokenLifetime: (ms: number) => {
      realm.access.lifetimeMs = ms;
    },
    dropFieldNext: (field: string) => {
      drops.push(field);
    },
    invoice: (id: string | number) => {
      const inv = find(id);
      return inv ? { ...inv } : undefined;
    },
    issueConsumerToken: (options?: ConsumerTokenOptions) => realm.issueConsumerToken(options),
    webhookFor: (id: string | number, options: { numericState?: boolean } = {}) => {
      const inv = find(id);
      if (!inv) {
        throw new Error(`pocket simulator: no invoice ${String(id)}`);
      }
      const code = Object.entries(WEBHOOK_STATE_CODES).find(([, name]) => name === inv.state)?.[0];
      return JSON.stringify({
        id: randomBytes(6).toString('hex'),
        amount: String(inv.amount),
        info: inv.info,
        invoiceId: String(inv.id),
        invoiceState: options.numericState === true ? Number(code) : inv.state,
        phoneNumber: '99112233',
        ...(inv.orderNumber === null ? {} : { orderNumber: inv.orderNumber }),
      });
    },
  });
}
