/**
 * The sandbox "customer phone" panel: acts on the simulator the way a customer's banking app acts on the
 * bank, then asks for a check at once — the till still learns the outcome only by asking the provider.
 */
import type { Payment } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { SandboxSimulators } from './types';

type Action = 'pay' | 'decline' | 'expire';

/** The payments the panel acts on (the payment engine, wired by the composition root). */
export interface SandboxPayments {
  get(paymentId: string): Payment;
  checkNow(paymentId: string): Promise<Payment>;
}

export interface SandboxCustomerDeps {
  payments: SandboxPayments;
  sandbox(): Promise<SandboxSimulators | undefined>;
}

function act(sims: SandboxSimulators, payment: Payment, action: Action): void {
  const ref = payment.providerRef;
  if (ref === undefined) {
    throw new KassaError('state.conflict', 'This payment has no invoice at the bank yet.');
  }
  const app = sims.customerApp(payment.method);
  if (!app) {
    throw new KassaError(
      'state.conflict',
      'There is no customer app for this payment method in the sandbox.',
    );
  }
  try {
    if (payment.state === 'awaiting_customer') {
      app.adopt?.({ providerRef: ref, amountMinor: payment.amount.amount });
    }
    app[action](ref);
  } catch (error) {
    // The simulated bank has no such invoice: say so, as the bank's app would, rather than fail inside.
    throw new KassaError(
      'state.conflict',
      `The simulated bank has no invoice ${ref} for this payment (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

export function createSandboxCustomerHandlers(
  deps: SandboxCustomerDeps,
): Omit<HandlerMap<'sandbox'>, 'sandbox:scan'> {
  const run = async (paymentId: string, action: Action): Promise<Payment> => {
    const sims = await deps.sandbox();
    if (!sims) {
      throw new KassaError('forbidden', 'The customer phone exists only in the sandbox profile.');
    }
    act(sims, deps.payments.get(paymentId), action);
    return deps.payments.checkNow(paymentId);
  };
  return {
    'sandbox:customer-pay': ({ paymentId }) => run(paymentId, 'pay'),
    'sandbox:customer-decline': ({ paymentId }) => run(paymentId, 'decline'),
    'sandbox:customer-expire': ({ paymentId }) => run(paymentId, 'expire'),
    'sandbox:invoices-created': async ({ method }) => {
      const sims = await deps.sandbox();
      if (!sims) {
        throw new KassaError('forbidden', 'The simulator records exist only in the sandbox profile.');
      }
      const count = sims.customerApp(method)?.created?.();
      if (count === undefined) {
        throw new KassaError('state.conflict', 'The sandbox keeps no invoice count for this payment method.');
      }
      return { count };
    },
    'sandbox:card-sms': async ({ attachId }) => {
      const sims = await deps.sandbox();
      if (!sims) {
        throw new KassaError('forbidden', 'The customer phone exists only in the sandbox profile.');
      }
      const code = sims.cardSmsCode?.(attachId);
      if (code === undefined) {
        throw new KassaError('not_found', 'The simulated bank sent no SMS code for this card attach.');
      }
      return { code };
    },
    'sandbox:posapi-receipt': async ({ receiptId }) => {
      const sims = await deps.sandbox();
      if (!sims) {
        throw new KassaError('forbidden', 'The simulator records exist only in the sandbox profile.');
      }
      const found = sims.taxReceipts?.().find((r) => r.id === receiptId);
      if (found === undefined) {
        throw new KassaError('not_found', 'The PosAPI simulator issued no receipt with this id.');
      }
      return { type: found.type, customerTin: found.customerTin, consumerNo: found.consumerNo };
    },
    'sandbox:approvals': async ({ qrData }) => {
      const sims = await deps.sandbox();
      if (!sims) {
        throw new KassaError('forbidden', 'The simulator records exist only in the sandbox profile.');
      }
      const seen = sims.approvals().filter((a) => a.qrData === qrData);
      return { count: seen.length, codes: seen.map((a) => a.code) };
    },
  };
}
