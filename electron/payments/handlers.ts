/** The payment:* channels. */
import type { PaymentEngine } from './engine';
import type { ParsedInput } from '../../shared/contract';
import type { Payment } from '../../shared/domain';
import type { CallContext, HandlerMap } from '../kernel/handlers';
import type { PaymentRegistry } from './registry';

/**
 * Starting a payment needs the sale (how much is still due, the sale moved to `paying`), which this domain does
 * not own: the composition root wires a checkout over the sale service and this engine (core/checkout.ts).
 */
export interface PaymentCheckout {
  startPayment(input: ParsedInput<'payment:start'>): Promise<Payment>;
  /** A new attempt like a declined/cancelled/expired one, if the sale still needs that much. */
  retryPayment(paymentId: string): Promise<Payment>;
}

export interface PaymentHandlerDeps {
  engine: PaymentEngine;
  registry: PaymentRegistry;
  checkout: PaymentCheckout;
  /** Who a manager-only call comes from (the session's manager, or the operator), for the journal. */
  resolverName(ctx: CallContext): string;
}

export function createPaymentHandlers(deps: PaymentHandlerDeps): HandlerMap<'payment'> {
  return {
    'payment:methods': () => Promise.resolve(deps.registry.methods()),
    'payment:start': (input) => deps.checkout.startPayment(input),
    'payment:cancel': ({ paymentId }) => deps.engine.cancel(paymentId),
    'payment:retry': ({ paymentId }) => deps.checkout.retryPayment(paymentId),
    'payment:check': ({ paymentId }) => deps.engine.checkNow(paymentId),
    'payment:refund': ({ paymentId, amount }) => deps.engine.refund(paymentId, amount),
    'payment:resolve': ({ paymentId, outcome, approvalCode, reason }, ctx) =>
      deps.engine.resolve(paymentId, { outcome, approvalCode, reason }, deps.resolverName(ctx)),
    'payment:submit-code': ({ paymentId, code }) => deps.engine.submitCode(paymentId, code),
    'payment:list': ({ saleId }) => Promise.resolve(deps.engine.listForSale(saleId)),
  };
}
