/** The payment:* channels. */
import type { Checkout } from '../sales/checkout';
import type { PaymentEngine } from './engine';
import type { HandlerMap } from '../kernel/handlers';
import type { PaymentRegistry } from './registry';

export interface PaymentHandlerDeps {
  engine: PaymentEngine;
  registry: PaymentRegistry;
  checkout: Checkout;
}

export function createPaymentHandlers(deps: PaymentHandlerDeps): HandlerMap<'payment'> {
  return {
    'payment:methods': () => Promise.resolve(deps.registry.methods()),
    'payment:start': (input) => deps.checkout.startPayment(input),
    'payment:cancel': ({ paymentId }) => deps.engine.cancel(paymentId),
    'payment:retry': ({ paymentId }) => deps.checkout.retryPayment(paymentId),
    'payment:check': ({ paymentId }) => deps.engine.checkNow(paymentId),
    'payment:refund': ({ paymentId, amount }) => deps.engine.refund(paymentId, amount),
    'payment:submit-code': ({ paymentId, code }) => deps.engine.submitCode(paymentId, code),
    'payment:list': ({ saleId }) => Promise.resolve(deps.engine.listForSale(saleId)),
  };
}
