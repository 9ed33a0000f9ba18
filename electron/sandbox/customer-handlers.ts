/**
 * The sandbox "customer phone" panel: acts on the simulator the way a customer's banking app acts on the
 * bank, then asks the engine to check at once — the till still learns the outcome only by asking the provider.
 */
import type { Payment } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { PaymentEngine } from '../payments/engine';
import type { SandboxSimulators } from './simulators';

type Action = 'pay' | 'decline' | 'expire';

export interface SandboxCustomerDeps {
  engine: PaymentEngine;
  sandbox(): Promise<SandboxSimulators | undefined>;
}

function act(sims: SandboxSimulators, payment: Payment, action: Action): void {
  const ref = payment.providerRef;
  if (ref === undefined) {
    throw new KassaError('state.conflict', 'This payment has no invoice at the bank yet.');
  }
  const target = ((): {
    markPaid(r: string): void;
    markDeclined(r: string): void;
    markExpired(r: string): void;
  } => {
    switch (payment.method) {
      case 'socialpay.qr':
      case 'socialpay.deeplink':
      case 'socialpay.phone':
        return sims.socialpay;
      case 'pocket.qr':
        return sims.pocket;
      case 'bog.qr':
        return sims.bog;
      case 'baas.microloan':
        // The bank decides a microloan: "pay" = approved, "decline"/"expire" = rejected.
        return {
          markPaid: (id) => {
            sims.baas.setApplicationStatus(id, 'APPROVED');
          },
          markDeclined: (id) => {
            sims.baas.setApplicationStatus(id, 'REJECTED');
          },
          markExpired: (id) => {
            sims.baas.setApplicationStatus(id, 'REJECTED');
          },
        };
      case 'cash':
        throw new KassaError(
          'state.conflict',
          'There is no customer app for this payment method in the sandbox.',
        );
    }
  })();
  if (action === 'pay') {
    target.markPaid(ref);
  } else if (action === 'decline') {
    target.markDeclined(ref);
  } else {
    target.markExpired(ref);
  }
}

export function createSandboxCustomerHandlers(deps: SandboxCustomerDeps): HandlerMap<'sandbox'> {
  const run = async (paymentId: string, action: Action): Promise<Payment> => {
    const sims = await deps.sandbox();
    if (!sims) {
      throw new KassaError('forbidden', 'The customer phone exists only in the sandbox profile.');
    }
    act(sims, deps.engine.get(paymentId), action);
    return deps.engine.checkNow(paymentId);
  };
  return {
    'sandbox:customer-pay': ({ paymentId }) => run(paymentId, 'pay'),
    'sandbox:customer-decline': ({ paymentId }) => run(paymentId, 'decline'),
    'sandbox:customer-expire': ({ paymentId }) => run(paymentId, 'expire'),
    'sandbox:approvals': async ({ qrData }) => {
      const sims = await deps.sandbox();
      if (!sims) {
        throw new KassaError('forbidden', 'The simulator records exist only in the sandbox profile.');
      }
      const seen = sims.ebarimt.easyRegister.approvals.filter((a) => a.qrData === qrData);
      return { count: seen.length, codes: seen.map((a) => a.code) };
    },
  };
}
