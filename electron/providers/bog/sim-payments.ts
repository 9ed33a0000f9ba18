/**
 * The simulator's Payments API routes: Keycloak token, create order (with Idempotency-Key replay), receipt,
 * refund, pre-auth approve/cancel. Errors carry `{ message }` with the HTTP statuses clients have observed
 * (400 validation, 401, 404, 409 idempotency, 422 invalid state).
 */
import { toMajorString } from '../../../shared/money';
import { parseBasicAuth, type SimReply, type SimRequest, type SimTokenIssuer } from '../simulator-kit';
import { currentState, paidAmount, record, tetri, type SimOrder, type SimShared } from './sim-state';

export const PAYMENTS_PREFIX = '/payments/v1';
export const KEYCLOAK_TOKEN_PATH = '/auth/realms/bog/protocol/openid-connect/token';

export interface PaymentsSimConfig {
  clientId: string;
  clientSecret: string;
  issuer: SimTokenIssuer;
  /** Idempotency-Key → the request body it first came with and the order it created. */
  idempotency: Map<string, { body: string; orderId: string }>;
}

const error = (status: number, message: string): SimReply => ({ status, body: { message } });
const gel = (amount: number): number => Number(toMajorString({ amount, currency: 'GEL' }));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statusKey(order: SimOrder, now: number): string {
  switch (currentState(order, now)) {
    case 'pending':
      return 'created';
    case 'held':
      return 'blocked';
    case 'declined':
    case 'expired':
    case 'released':
      return 'rejected';
    case 'paid': {
      const paid = paidAmount(order);
      if (order.refunded > 0) {
        return order.refunded >= paid ? 'refunded' : 'refunded_partially';
      }
      return order.captured !== undefined && order.captured < order.amount
        ? 'partial_completed'
        : 'completed';
    }
  }
}

export function receiptView(shared: SimShared, order: SimOrder): Record<string, unknown> {
  const key = statusKey(order, shared.now());
  const charged = key !== 'created' && key !== 'rejected';
  return {
    order_id: order.id,
    industry: 'ecommerce',
    capture: order.capture,
    external_order_id: order.shopOrderId,
    zoned_create_date: new Date(order.createdAt).toISOString(),
    zoned_expire_date: new Date(order.createdAt + 15 * 60_000).toISOString(),
    order_status: { key, value: key },
    purchase_units: {
      request_amount: gel(order.amount),
      transfer_amount: charged ? gel(paidAmount(order) || order.amount) : 0,
      refund_amount: order.refunded === 0 ? 0 : gel(order.refunded),
      currency_code: 'GEL',
    },
    payment_detail: charged
      ? { transfer_method: { key: 'card' }, payer_identifier: '426101******4242', code: '100' }
      : null,
  };
}

function createOrder(shared: SimShared, config: PaymentsSimConfig, req: SimRequest): SimReply {
  const idemKey = req.headers['idempotency-key'];
  if (typeof idemKey === 'string') {
    if (!UUID.test(idemKey)) {
      return error(400, 'Idempotency-Key must be a UUID');
    }
    const seen = config.idempotency.get(idemKey);
    if (seen !== undefined) {
      // Same key: replay the first answer; a different body under the same key is a conflict.
      return seen.body === req.rawBody
        ? orderCreated(shared, seen.orderId)
        : error(409, 'Idempotency-Key reused');
    }
  }
  const b = record(req.body);
  if (typeof b?.callback_url !== 'string' || !b.callback_url.startsWith('https://')) {
    return error(400, 'callback_url is required and must be https');
  }
  const capture = b.capture ?? 'automatic';
  if (capture !== 'automatic' && capture !== 'manual') {
    return error(400, 'capture must be automatic or manual');
  }
  const units = record(b.purchase_units);
  const basket = Array.isArray(units?.basket) ? units.basket.map(record) : [];
  let sum = 0;
  for (const item of basket) {
    const price = tetri(item?.unit_price);
    const quantity = item?.quantity;
    if (price === undefined || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
      return error(400, 'basket[].unit_price must be a number and quantity a positive integer');
    }
    if (typeof item?.product_id !== 'string') {
      return error(400, 'basket[].product_id is required');
    }
    sum += price * quantity;
  }
  const total = typeof units?.total_amount === 'number' ? tetri(units.total_amount) : undefined;
  if (units?.currency !== 'GEL' || total === undefined || basket.length === 0) {
    return error(400, 'purchase_units {currency: GEL, total_amount, basket} are required');
  }
  if (total !== sum) {
    return error(400, 'total_amount does not equal the basket sum');
  }
  const id = shared.newId();
  shared.orders.set(id, {
    api: 'payments',
    id,
    paymentHash: '',
    shopOrderId: typeof b.external_order_id === 'string' ? b.external_order_id : '',
    capture,
    amount: total,
    state: 'pending',
    refunded: 0,
    createdAt: shared.now(),
  });
  if (typeof idemKey === 'string') {
    config.idempotency.set(idemKey, { body: req.rawBody, orderId: id });
  }
  return orderCreated(shared, id);
}

function orderCreated(shared: SimShared, id: string): SimReply {
  return shared.ok({
    id,
    _links: {
      details: { href: `${shared.url}${PAYMENTS_PREFIX}/receipt/${id}` },
      redirect: { href: `${shared.url}/payment/?order_id=${id}` },
    },
  });
}

const accepted = (shared: SimShared, message: string): SimReply =>
  shared.ok({ key: 'request_received', message, action_id: crypto.randomUUID() });

function action(shared: SimShared, kind: string, order: SimOrder, body: unknown): SimReply {
  const state = currentState(order, shared.now());
  const raw = record(body)?.amount;
  const amount = raw === undefined ? undefined : tetri(raw);
  if (raw !== undefined && amount === undefined) {
    return error(400, 'amount must be a positive number with at most 2 decimals');
  }
  if (kind === 'refund') {
    const refundable = paidAmount(order) - order.refunded;
    if (refundable <= 0) {
      return error(422, 'order is not paid or is already refunded');
    }
    if (amount !== undefined && amount > refundable) {
      return error(400, 'amount exceeds the refundable amount');
    }
    order.refunded += amount ?? refundable;
    return accepted(shared, 'Refund request received');
  }
  if (order.capture !== 'manual' || state !== 'held') {
    return error(422, 'order is not a blocked pre-authorisation');
  }
  if (kind === 'cancel') {
    order.state = 'released';
    return accepted(shared, 'Cancel request received');
  }
  if (amount !== undefined && amount > order.amount) {
    return error(400, 'amount exceeds the authorised amount');
  }
  order.state = 'paid';
  order.captured = amount ?? order.amount;
  return accepted(shared, 'Approve request received');
}

/**
 * A refund under an Idempotency-Key is made once: the same key with the same body replays the first answer
 * (nothing is refunded again), with another body it is a 409 — as BoG documents for its refund call.
 */
function refundOnce(
  shared: SimShared,
  config: PaymentsSimConfig,
  order: SimOrder,
  req: SimRequest,
): SimReply {
  const idemKey = req.headers['idempotency-key'];
  if (typeof idemKey !== 'string') {
    return action(shared, 'refund', order, req.body);
  }
  if (!UUID.test(idemKey)) {
    return error(400, 'Idempotency-Key must be a UUID');
  }
  const scoped = `refund:${idemKey}`;
  const seen = config.idempotency.get(scoped);
  if (seen !== undefined) {
    return seen.body === req.rawBody && seen.orderId === order.id
      ? accepted(shared, 'Refund request received')
      : error(409, 'Idempotency-Key was used with a different request');
  }
  const reply = action(shared, 'refund', order, req.body);
  if (reply.status === 200) {
    config.idempotency.set(scoped, { body: req.rawBody, orderId: order.id });
  }
  return reply;
}

function token(shared: SimShared, config: PaymentsSimConfig, req: SimRequest): SimReply {
  const basic = parseBasicAuth(req.headers.authorization);
  if (basic?.user !== config.clientId || basic.pass !== config.clientSecret) {
    return {
      status: 401,
      body: { error: 'unauthorized_client', error_description: 'Invalid client credentials' },
    };
  }
  if (record(req.body)?.grant_type !== 'client_credentials') {
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }
  const issued = config.issuer.issue();
  return shared.ok({
    access_token: issued.token,
    token_type: 'Bearer',
    expires_in: Math.max(0, Math.floor((issued.expiresAt - shared.now()) / 1000)),
    refresh_expires_in: 0,
    scope: 'profile email',
  });
}

export function paymentsRoute(
  shared: SimShared,
  config: PaymentsSimConfig,
  req: SimRequest,
): SimReply | undefined {
  if (req.path === KEYCLOAK_TOKEN_PATH && req.method === 'POST') {
    return token(shared, config, req);
  }
  if (!req.path.startsWith(`${PAYMENTS_PREFIX}/`)) {
    return undefined;
  }
  if (config.issuer.check(req.headers.authorization) !== 'ok') {
    return { status: 401, body: { message: 'Unauthorized' }, headers: { 'www-authenticate': 'Bearer' } };
  }
  const path = req.path.slice(PAYMENTS_PREFIX.length);
  if (path === '/ecommerce/orders' && req.method === 'POST') {
    return createOrder(shared, config, req);
  }
  const match =
    /^\/(receipt|payment\/refund|payment\/authorization\/approve|payment\/authorization\/cancel)\/([^/]+)$/.exec(
      path,
    );
  if (match?.[1] === undefined || match[2] === undefined) {
    return error(404, 'no such endpoint');
  }
  const order = shared.orders.get(match[2]);
  if (order?.api !== 'payments') {
    return error(404, 'Order not found');
  }
  if (match[1] === 'receipt') {
    return req.method === 'GET' ? shared.ok(receiptView(shared, order)) : error(405, 'method not allowed');
  }
  if (req.method !== 'POST') {
    return error(405, 'method not allowed');
  }
  const kind = match[1] === 'payment/refund' ? 'refund' : match[1].endsWith('approve') ? 'approve' : 'cancel';
  return kind === 'refund' ? refundOnce(shared, config, order, req) : action(shared, kind, order, req.body);
}
