/**
 * A strict, stateful Bank of Georgia simulator on loopback serving both APIs from one server:
 *   iPay      {url}/opay/api/v1/…
 *   Payments  {url}/payments/v1/… with Keycloak at {url}/auth/realms/bog/protocol/openid-connect/token
 * It issues real expiring tokens, keeps orders/payments/holds/refunds, signs Payments callbacks with its own
 * RSA key, and adds test controls to the kit's failNext/setLatency/requests.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { BogSettings } from '../../../shared/settings/bog';
import { systemClock, type Clock } from '../../kernel/clock';
import { SimTokenIssuer, startSimulatorServer, type RunningSimulator, type SimReply } from '../simulator-kit';
import { IPAY_PREFIX, ipayCallbackBody, ipayRoute, type IpaySimConfig } from './sim-ipay';
import {
  KEYCLOAK_TOKEN_PATH,
  PAYMENTS_PREFIX,
  paymentsRoute,
  receiptView,
  type PaymentsSimConfig,
} from './sim-payments';
import { dropPath, type SimOrder, type SimShared } from './sim-state';

export type { SimOrder, SimOrderState } from './sim-state';

export interface BogSimulatorOptions {
  port?: number;
  /** Drives token lifetimes and order expiry; share a ManualClock with the client to test time. */
  clock?: Clock;
  /** iPay's `expires_in` reading (default 'expiry'). */
  ipayExpiresIn?: 'expiry' | 'issue-time';
  /** Real token lifetime (default 60 s for iPay, 300 s for Payments). */
  tokenLifetimeMs?: number;
}

export interface BogSandbox {
  settings: Pick<
    BogSettings,
    | 'ipayBaseUrl'
    | 'ipayClientId'
    | 'paymentsBaseUrl'
    | 'paymentsTokenUrl'
    | 'paymentsClientId'
    | 'callbackPublicKey'
  >;
  secrets: { 'bog.ipaySecretKey': string; 'bog.paymentsClientSecret': string };
}

export interface BogSimulator extends RunningSimulator {
  readonly sandbox: BogSandbox;
  /** PEM of the key the simulator signs Payments callbacks with. */
  readonly callbackPublicKey: string;
  order(orderId: string): Readonly<SimOrder> | undefined;
  /** The customer paid (a manual-capture order becomes a held pre-auth). */
  markPaid(orderId: string): void;
  markDeclined(orderId: string): void;
  /** The customer never paid and the bank's ttl passed. */
  markExpired(orderId: string): void;
  /** Make every issued token invalid now (both APIs). */
  expireTokens(): void;
  setTokenLifetime(ms: number): void;
  /** How many token requests each API received. */
  tokenRequests(api: 'ipay' | 'payments'): number;
  /** Remove a field (dot path) from the next successful JSON answer: schema drift. */
  dropFieldNext(path: string): void;
  /** iPay's form-encoded status callback for this order, as the bank would post it. */
  ipayCallback(orderId: string): string;
  /** A signed Payments callback for this order (or for any raw body): the header value and the exact bytes. */
  signedCallback(orderIdOrRawBody: string): { rawBody: string; headers: Record<string, string> };
  /** POST a signed Payments callback to a receiver (the merchant back office in a real deployment). */
  sendCallback(targetUrl: string, orderId: string): Promise<number>;
}

let processKeys: { privateKey: KeyObject; publicKeyPem: string } | undefined;

/** RSA key generation takes a noticeable fraction of a second: one signing key per process is plenty. */
function callbackKeys(): { privateKey: KeyObject; publicKeyPem: string } {
  if (processKeys === undefined) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    processKeys = {
      privateKey,
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString().trim(),
    };
  }
  return processKeys;
}

export async function startBogSimulator(opts: BogSimulatorOptions = {}): Promise<BogSimulator> {
  const clock = opts.clock ?? systemClock;
  const now = (): number => clock.now();
  const orders = new Map<string, SimOrder>();
  const drops: string[] = [];
  const { privateKey, publicKeyPem: callbackPublicKey } = callbackKeys();

  const ipay: IpaySimConfig = {
    clientId: String(1000 + (randomBytes(2).readUInt16BE() % 9000)),
    secretKey: randomBytes(16).toString('hex'),
    issuer: new SimTokenIssuer(opts.tokenLifetimeMs ?? 60_000, now),
    expiresIn: opts.ipayExpiresIn ?? 'expiry',
  };
  const payments: PaymentsSimConfig = {
    clientId: `kassa-sim-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
    issuer: new SimTokenIssuer(opts.tokenLifetimeMs ?? 300_000, now),
    idempotency: new Map(),
  };

  let url = '';
  const shared: SimShared = {
    get url() {
      return url;
    },
    orders,
    now,
    newId: () => randomBytes(16).toString('hex'),
    ok(body: unknown): SimReply {
      const drop = drops.shift();
      if (drop !== undefined) {
        dropPath(body, drop);
      }
      return { status: 200, body };
    },
  };

  const server = await startSimulatorServer(
    (req) =>
      ipayRoute(shared, ipay, req) ??
      paymentsRoute(shared, payments, req) ?? { status: 404, body: { message: 'no such endpoint' } },
    opts.port === undefined ? {} : { port: opts.port },
  );
  url = server.url;

  const get = (orderId: string): SimOrder => {
    const order = orders.get(orderId);
    if (order === undefined) {
      throw new Error(`bog simulator: no order ${orderId}`);
    }
    return order;
  };
  const signed = (rawBody: string): { rawBody: string; headers: Record<string, string> } => ({
    rawBody,
    headers: {
      'content-type': 'application/json',
      'callback-signature': sign('sha256', Buffer.from(rawBody, 'utf8'), privateKey).toString('base64'),
    },
  });
  const callbackFor = (orderIdOrRawBody: string): { rawBody: string; headers: Record<string, string> } => {
    const order = orders.get(orderIdOrRawBody);
    if (order === undefined) {
      return signed(orderIdOrRawBody);
    }
    const body = {
      event: 'order_payment',
      zoned_request_time: new Date(now()).toISOString(),
      body: receiptView(shared, order),
    };
    return signed(JSON.stringify(body));
  };

  return {
    ...server,
    sandbox: {
      settings: {
        ipayBaseUrl: `${url}${IPAY_PREFIX}`,
        ipayClientId: ipay.clientId,
        paymentsBaseUrl: `${url}${PAYMENTS_PREFIX}`,
        paymentsTokenUrl: `${url}${KEYCLOAK_TOKEN_PATH}`,
        paymentsClientId: payments.clientId,
        callbackPublicKey,
      },
      secrets: { 'bog.ipaySecretKey': ipay.secretKey, 'bog.paymentsClientSecret': payments.clientSecret },
    },
    callbackPublicKey,
    order: (orderId) => orders.get(orderId),
    markPaid(orderId) {
      const order = get(orderId);
      order.state = order.capture === 'manual' ? 'held' : 'paid';
    },
    markDeclined(orderId) {
      get(orderId).state = 'declined';
    },
    markExpired(orderId) {
      get(orderId).state = 'expired';
    },
    expireTokens() {
      ipay.issuer.expireAll();
      payments.issuer.expireAll();
    },
    setTokenLifetime(ms) {
      ipay.issuer.lifetimeMs = ms;
      payments.issuer.lifetimeMs = ms;
    },
    tokenRequests: (api) =>
      server.requests.filter(
        (r) => r.path === (api === 'ipay' ? `${IPAY_PREFIX}/oauth2/token` : KEYCLOAK_TOKEN_PATH),
      ).length,
    dropFieldNext(path) {
      drops.push(path);
    },
    ipayCallback: (orderId) => ipayCallbackBody(get(orderId), now()),
    signedCallback: callbackFor,
    async sendCallback(targetUrl, orderId) {
      const { rawBody, headers } = callbackFor(orderId);
      const res = await fetch(targetUrl, { method: 'POST', headers, body: rawBody });
      await res.arrayBuffer();
      return res.status;
    },
  };
}
