/**
 * The BoG simulator's state, shared by its iPay and Payments routes: orders, their payment, holds and
 * refunds, in integer tetri. Each API renders this state in its own wire vocabulary.
 */
import { fromMajorString } from '../../../shared/money';
import type { SimReply } from '../simulator-kit';

export type SimOrderState = 'pending' | 'paid' | 'declined' | 'expired' | 'held' | 'released';

export interface SimOrder {
  api: 'ipay' | 'payments';
  id: string;
  paymentHash: string;
  shopOrderId: string;
  capture: 'automatic' | 'manual';
  /** Tetri. */
  amount: number;
  state: SimOrderState;
  /** Tetri captured from a pre-auth hold (undefined until completed). */
  captured?: number;
  refunded: number;
  createdAt: number;
}

export interface SimShared {
  readonly url: string;
  readonly orders: Map<string, SimOrder>;
  now(): number;
  newId(): string;
  /** Apply a pending dropFieldNext to a successful JSON answer. */
  ok(body: unknown): SimReply;
}

/** An unfinished order expires: iPay cancels after 1 h; the Payments order ttl defaults to 15 min. */
export const TTL_MS = { ipay: 60 * 60_000, payments: 15 * 60_000 } as const;

/** The state as of now (a pending order past its ttl reads as expired). */
export function currentState(order: SimOrder, now: number): SimOrderState {
  if (order.state === 'pending' && now - order.createdAt >= TTL_MS[order.api]) {
    order.state = 'expired';
  }
  return order.state;
}

/** What is paid and still refundable, in tetri. */
export function paidAmount(order: SimOrder): number {
  if (order.state === 'paid') {
    return order.captured ?? order.amount;
  }
  return 0;
}

/** Strict decimal GEL (≤ 2 decimals, > 0) → tetri, or undefined. */
export function tetri(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+(\.\d{1,2})?$/.test(text)) {
    return undefined;
  }
  const amount = fromMajorString(text, 'GEL').amount;
  return amount > 0 ? amount : undefined;
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Remove a field (dot path, e.g. 'order_status.key') from a JSON body. */
export function dropPath(target: unknown, path: string): void {
  const parts = path.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    node = record(node)?.[part];
  }
  const last = parts.at(-1);
  const parent = record(node);
  if (parent !== undefined && last !== undefined) {
    Reflect.deleteProperty(parent, last);
  }
}
