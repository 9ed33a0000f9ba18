/**
 * The simulator's iPay routes (base /opay/api/v1): token, create order, payment details, refund, pre-auth
 * completion. It checks what the bank checks — Basic credentials, Bearer tokens with a real lifetime, field
 * types, GEL, item sum = order total, refund limits, order state — and answers 4xx with the
 * `{error_code, error_message}` body clients have observed.
 */
import { randomBytes } from 'node:crypto';
import { parseBasicAuth, type SimReply, type SimRequest, type SimTokenIssuer } from '../simulator-kit';
import { currentState, paidAmount, record, tetri, type SimOrder, type SimShared } from './sim-state';

export const IPAY_PREFIX = '/opay/api/v1';

export interface IpaySimConfig {
  clientId: string;
  secretKey: string;
  issuer: SimTokenIssuer;
  /** How `expires_in` is filled: the expiry (epoch ms) or, as some deployments do, the issue time. */
  expiresIn: 'expiry' | 'issue-time';
}

const error = (status: number, message: string): SimReply => ({
  status,
  body: { error_code: status, error_message: message },
});

function view(order: SimOrder, now: number): Record<string, string | null> {
  const state = currentState(order, now);
  const success = state === 'paid' || state === 'held' || state === 'released';
  const card = success;
  return {
    status: state === 'pending' ? 'in_progress' : success ? 'success' : 'error',
    order_id: order.id,
    payment_hash: order.paymentHash,
    ipay_payment_id: success ? `IPAY${order.id.slice(0, 8).toUpperCase()}` : null,
    status_description: state === 'pending' ? null : success ? 'PERFORMED' : 'REJECTED',
    shop_order_id: order.shopOrderId,
    payment_method: card ? 'GC_CARD' : 'UNKNOWN',
    card_type: card ? 'VISA' : 'UNKNOWN',
    pan: card ? '426101******4242' : null,
    transaction_id: card ? `TX${order.id.slice(0, 10)}` : null,
    pre_auth_status:
      order.capture !== 'manual' || !success
        ? null
        : state === 'held'
          ? 'in_progress'
          : state === 'released'
            ? 'success_unblocked'
            : 'success',
  };
}

function createOrder(shared: SimShared, body: unknown): SimReply {
  const b = record(body);
  const intent = b?.intent;
  if (intent !== 'CAPTURE' && intent !== 'AUTHORIZE') {
    return error(400, 'intent must be CAPTURE or AUTHORIZE');
  }
  const capture = b?.capture_method ?? 'AUTOMATIC';
  if (capture !== 'AUTOMATIC' && capture !== 'MANUAL') {
    return error(400, 'capture_method must be AUTOMATIC or MANUAL');
  }
  if (typeof b?.redirect_url !== 'string' || typeof b.shop_order_id !== 'string' || b.shop_order_id === '') {
    return error(400, 'redirect_url and shop_order_id are required');
  }
  if (b.locale !== undefined && b.locale !== 'ka' && b.locale !== 'en-US') {
    return error(400, 'locale must be ka or en-US');
  }
  const items = Array.isArray(b.items) ? b.items.map(record) : [];
  let itemSum = 0;
  for (const item of items) {
    const price = tetri(item?.amount);
    const quantity = item?.quantity;
    if (price === undefined || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
      return error(400, 'items[].amount must be a decimal string and quantity a positive integer');
    }
    if (typeof item?.product_id !== 'string' || typeof item.description !== 'string') {
      return error(400, 'items[].product_id and description are required');
    }
    itemSum += price * quantity;
  }
  const unit = Array.isArray(b.purchase_units) ? record(b.purchase_units[0]) : undefined;
  const amount = record(unit?.amount);
  const total = tetri(amount?.value);
  if (items.length === 0 || amount?.currency_code !== 'GEL' || total === undefined) {
    return error(400, 'items and purchase_units[0].amount {currency_code: GEL, value} are required');
  }
  if (total !== itemSum) {
    return error(400, 'purchase_units amount does not equal the sum of items');
  }
  const id = shared.newId();
  const order: SimOrder = {
    api: 'ipay',
    id,
    paymentHash: randomBytes(20).toString('hex'),
    shopOrderId: b.shop_order_id,
    capture: capture === 'MANUAL' ? 'manual' : 'automatic',
    amount: total,
    state: 'pending',
    refunded: 0,
    createdAt: shared.now(),
  };
  shared.orders.set(id, order);
  const locale = b.locale === 'en-US' ? 'en-US' : 'ka';
  return shared.ok({
    status: 'CREATED',
    payment_hash: order.paymentHash,
    order_id: id,
    links: [
      { href: `${shared.url}${IPAY_PREFIX}/checkout/orders/${id}`, rel: 'self', method: 'GET' },
      { href: `${shared.url}/ipay/?order_id=${id}&locale=${locale}`, rel: 'approve', method: 'REDIRECT' },
    ],
  });
}

function refund(shared: SimShared, req: SimRequest): SimReply {
  if (!req.headers['content-type']?.includes('application/x-www-form-urlencoded')) {
    return error(415, 'refund must be application/x-www-form-urlencoded');
  }
  const b = record(req.body);
  const order = typeof b?.order_id === 'string' ? shared.orders.get(b.order_id) : undefined;
  if (order?.api !== 'ipay') {
    return error(404, 'order not found');
  }
  currentState(order, shared.now());
  const refundable = paidAmount(order) - order.refunded;
  if (refundable <= 0) {
    return error(400, 'order is not paid or already refunded');
  }
  if (b?.amount === undefined) {
    order.refunded += refundable;
    return { status: 200 };
  }
  const amount = tetri(b.amount);
  // A partial refund must be below the paid amount (docs/providers.md §4.3); the full amount is a refund
  // without `amount`.
  if (amount === undefined || amount >= paidAmount(order) || amount > refundable) {
    return error(400, 'amount must be below the paid amount and within what is left to refund');
  }
  order.refunded += amount;
  return { status: 200 };
}

function completion(shared: SimShared, order: SimOrder, body: unknown): SimReply {
  const b = record(body);
  const state = currentState(order, shared.now());
  if (order.capture !== 'manual' || (state !== 'held' && state !== 'paid' && state !== 'released')) {
    return error(400, 'order is not a pre-authorised payment');
  }
  if (state !== 'held') {
    return shared.ok({ status: 'success', description: 'Already completed successful' });
  }
  switch (b?.auth_type) {
    case 'FULL_COMPLETE':
      order.state = 'paid';
      order.captured = order.amount;
      break;
    case 'PARTIAL_COMPLETE': {
      const amount = tetri(b.amount);
      if (amount === undefined || amount >= order.amount) {
        return error(400, 'PARTIAL_COMPLETE needs an amount below the authorised amount');
      }
      order.state = 'paid';
      order.captured = amount;
      break;
    }
    case 'CANCEL':
      order.state = 'released';
      break;
    default:
      return error(400, 'auth_type must be FULL_COMPLETE, PARTIAL_COMPLETE or CANCEL');
  }
  return shared.ok({ status: 'success', description: 'Pre-authorization successfully completed' });
}

function token(shared: SimShared, config: IpaySimConfig, req: SimRequest): SimReply {
  const basic = parseBasicAuth(req.headers.authorization);
  if (basic?.user !== config.clientId || basic.pass !== config.secretKey) {
    return error(401, 'invalid client credentials');
  }
  if (record(req.body)?.grant_type !== 'client_credentials') {
    return error(400, 'grant_type must be client_credentials');
  }
  const issuedAt = shared.now();
  const issued = config.issuer.issue();
  return shared.ok({
    access_token: issued.token,
    token_type: 'Bearer',
    app_id: '1A2019',
    expires_in: config.expiresIn === 'issue-time' ? issuedAt : issued.expiresAt,
  });
}

/** Answers requests under IPAY_PREFIX; undefined for any other path. */
export function ipayRoute(shared: SimShared, config: IpaySimConfig, req: SimRequest): SimReply | undefined {
  if (!req.path.startsWith(`${IPAY_PREFIX}/`)) {
    return undefined;
  }
  const path = req.path.slice(IPAY_PREFIX.length);
  if (path === '/oauth2/token' && req.method === 'POST') {
    return token(shared, config, req);
  }
  const auth = config.issuer.check(req.headers.authorization);
  if (auth !== 'ok') {
    return error(401, auth === 'expired' ? 'access token expired' : 'invalid access token');
  }
  if (path === '/checkout/orders' && req.method === 'POST') {
    return createOrder(shared, req.body);
  }
  if (path === '/checkout/refund' && req.method === 'POST') {
    return refund(shared, req);
  }
  const match = /^\/checkout\/payment\/([^/]+)(\/pre-auth\/completion)?$/.exec(path);
  const order = match?.[1] === undefined ? undefined : shared.orders.get(match[1]);
  if (match === null) {
    return error(404, 'no such endpoint');
  }
  if (order?.api !== 'ipay') {
    return error(404, 'order not found');
  }
  if (match[2] === undefined && req.method === 'GET') {
    return shared.ok(view(order, shared.now()));
  }
  if (match[2] !== undefined && req.method === 'POST') {
    return completion(shared, order, req.body);
  }
  return error(405, 'method not allowed');
}

export function ipayCallbackBody(order: SimOrder, now: number): string {
  const fields = Object.entries(view(order, now)).filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );
  return new URLSearchParams(fields).toString();
}
