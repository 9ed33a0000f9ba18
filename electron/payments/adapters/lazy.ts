/**
 * A PaymentProvider whose client is built on demand. The till needs a provider's capabilities synchronously
 * (to list methods), but the client is only available once the sandbox simulators are up or settings have been
 * read — and it changes when settings or secrets change. So the capabilities come from the adapter's shape and
 * every call resolves the current client first.
 */
import type { PaymentProvider } from '../provider';

/** A client stand-in for reading an adapter's static shape; any call on it is a programming error. */
function shapeOnly(id: string): object {
  return new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`${id}: client.${String(property)} used before the client was built`);
      },
    },
  );
}

export function lazyPaymentProvider<C extends object>(
  id: string,
  adapter: (client: C) => PaymentProvider,
  client: () => Promise<C>,
): PaymentProvider {
  // Adapters only capture the client when built; reading id/capabilities never touches it.
  const shape = adapter(shapeOnly(id) as C);
  const current = async (): Promise<PaymentProvider> => adapter(await client());
  const provider: PaymentProvider = {
    id: shape.id,
    displayName: shape.displayName,
    capabilities: shape.capabilities,
    start: async (request) => (await current()).start(request),
    status: async (ref) => (await current()).status(ref),
    cancel: async (ref) => (await current()).cancel(ref),
    refund: async (ref, amount, key) => (await current()).refund(ref, amount, key),
  };
  if (shape.settle) {
    provider.settle = async () => {
      const real = await current();
      if (!real.settle) {
        throw new Error(`${id}: settle is not available`);
      }
      return real.settle();
    };
  }
  if (shape.probeStart) {
    provider.probeStart = async (request) => {
      const real = await current();
      if (!real.probeStart) {
        throw new Error(`${id}: probeStart is not available`);
      }
      return real.probeStart(request);
    };
  }
  if (shape.refundedAmount) {
    provider.refundedAmount = async (ref) => {
      const real = await current();
      if (!real.refundedAmount) {
        throw new Error(`${id}: refundedAmount is not available`);
      }
      return real.refundedAmount(ref);
    };
  }
  if (shape.confirmCode) {
    provider.confirmCode = async (ref, code) => {
      const real = await current();
      if (!real.confirmCode) {
        throw new Error(`${id}: confirmCode is not available`);
      }
      return real.confirmCode(ref, code);
    };
  }
  return provider;
}
