/**
 * The payment adapters of every provider, each resolving its client from the provider runtime on every call
 * (so settings and secret changes apply at once, and the sandbox simulators are started on first use).
 */
import { baasPaymentProvider } from '../payments/adapters/baas';
import { bogPaymentProvider } from '../payments/adapters/bog';
import { lazyPaymentProvider } from '../payments/adapters/lazy';
import { pocketPaymentProvider } from '../payments/adapters/pocket';
import { socialpayPaymentProvider } from '../payments/adapters/socialpay';
import type { PaymentProvider } from '../payments/provider';
import type { ProviderRuntime } from './provider-runtime';

export function createPaymentAdapters(runtime: ProviderRuntime): ReadonlyMap<string, PaymentProvider> {
  return new Map<string, PaymentProvider>([
    [
      'socialpay',
      lazyPaymentProvider('socialpay', socialpayPaymentProvider, () =>
        runtime.clients().then((c) => c.socialpay),
      ),
    ],
    [
      'pocket',
      lazyPaymentProvider('pocket', pocketPaymentProvider, () => runtime.clients().then((c) => c.pocket)),
    ],
    ['bog', lazyPaymentProvider('bog', bogPaymentProvider, () => runtime.clients().then((c) => c.bog))],
    ['baas', lazyPaymentProvider('baas', baasPaymentProvider, () => runtime.clients().then((c) => c.baas))],
  ]);
}
