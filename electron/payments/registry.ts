/**
 * Which payment methods this till offers: the store's country decides the providers (MN: SocialPay and Pocket;
 * GE: Bank of Georgia; UZ: Ipoteka BaaS), cash is always there. A method whose provider is not configured is
 * listed as unavailable (with the reason) instead of disappearing, so the cashier knows why.
 */
import type { PaymentMethod } from '../../shared/domain';
import type { Country } from '../../shared/settings';
import type { PaymentMethodInfo } from '../../shared/channels/payment';
import { KassaError } from '../kernel/errors';
import { NO_CAPABILITIES, type PaymentProvider } from './provider';

export const PROVIDER_OF_METHOD: Readonly<Record<PaymentMethod, string | null>> = {
  cash: null,
  'socialpay.qr': 'socialpay',
  'socialpay.deeplink': 'socialpay',
  'socialpay.phone': 'socialpay',
  'pocket.qr': 'pocket',
  'bog.qr': 'bog',
  'baas.microloan': 'baas',
};

export const METHODS_BY_COUNTRY: Readonly<Record<Country, readonly PaymentMethod[]>> = {
  MN: ['cash', 'socialpay.qr', 'socialpay.deeplink', 'socialpay.phone', 'pocket.qr'],
  GE: ['cash', 'bog.qr'],
  UZ: ['cash', 'baas.microloan'],
};

const LABELS: Readonly<Record<PaymentMethod, string>> = {
  cash: 'Cash',
  'socialpay.qr': 'SocialPay QR',
  'socialpay.deeplink': 'SocialPay app link',
  'socialpay.phone': 'SocialPay invoice to phone',
  'pocket.qr': 'Pocket QR',
  'bog.qr': 'Bank of Georgia QR',
  'baas.microloan': 'Ipoteka microloan',
};

export interface PaymentRegistryDeps {
  country(): Country;
  /** The configured adapter for a provider id, or undefined when it is not set up (missing secrets …). */
  provider(id: string): PaymentProvider | undefined;
}

export interface PaymentRegistry {
  methods(): PaymentMethodInfo[];
  /** The provider behind a method; throws when the method is not offered here or not configured. */
  providerFor(method: PaymentMethod): PaymentProvider;
  isOffered(method: PaymentMethod): boolean;
}

export function createPaymentRegistry(deps: PaymentRegistryDeps): PaymentRegistry {
  const isOffered = (method: PaymentMethod): boolean => METHODS_BY_COUNTRY[deps.country()].includes(method);
  return {
    isOffered,
    methods() {
      return METHODS_BY_COUNTRY[deps.country()].map((method): PaymentMethodInfo => {
        const providerId = PROVIDER_OF_METHOD[method];
        const provider = providerId === null ? undefined : deps.provider(providerId);
        const base = {
          method,
          label: LABELS[method],
          providerId,
          needsPhone: method === 'socialpay.phone' || method === 'baas.microloan',
        };
        if (providerId === null) {
          return { ...base, providerName: null, available: true, capabilities: { ...NO_CAPABILITIES } };
        }
        if (!provider) {
          return {
            ...base,
            providerName: null,
            available: false,
            reason: `${providerId} is not configured (Settings → providers)`,
            capabilities: { ...NO_CAPABILITIES },
          };
        }
        return {
          ...base,
          providerName: provider.displayName,
          available: true,
          capabilities: { ...provider.capabilities },
        };
      });
    },
    providerFor(method) {
      if (!isOffered(method)) {
        throw new KassaError('validation', `${LABELS[method]} is not offered in this store's country.`);
      }
      const providerId = PROVIDER_OF_METHOD[method];
      const provider = providerId === null ? undefined : deps.provider(providerId);
      if (!provider) {
        throw new KassaError('state.conflict', `${LABELS[method]} is not configured on this till.`);
      }
      return provider;
    },
  };
}

export function methodLabel(method: PaymentMethod): string {
  return LABELS[method];
}
