/**
 * Every provider setting as the Go live page shows it: which control, in which order. A test
 * (provider-fields.test.ts) checks that each field of each provider schema is listed here, so a setting added
 * to a provider cannot be left without a field — going live never needs the CLI (docs/architecture.md
 * §14). Secrets are not settings: the page shows each provider's secrets (shared/secrets.ts) beside
 * its fields, write-only.
 */
import type { Country } from './index';
import type { ProviderName } from './endpoints';

export type ProviderFieldKind = 'boolean' | 'url' | 'text' | 'digits' | 'number' | 'select' | 'pem';

export interface ProviderField {
  /** Path inside the provider's settings, dotted for nested ones (`paths.token`). */
  key: string;
  kind: ProviderFieldKind;
  /** For 'select'. */
  options?: readonly string[];
}

const enabled: ProviderField = { key: 'enabled', kind: 'boolean' };

export const PROVIDER_FIELDS = {
  socialpay: [enabled, { key: 'baseUrl', kind: 'url' }, { key: 'terminal', kind: 'digits' }],
  pocket: [
    enabled,
    { key: 'baseUrl', kind: 'url' },
    { key: 'ssoUrl', kind: 'url' },
    { key: 'clientId', kind: 'text' },
    { key: 'terminalId', kind: 'digits' },
    { key: 'invoiceType', kind: 'select', options: ['PURCHASE', 'ZERO'] },
    { key: 'consumerAudience', kind: 'text' },
  ],
  ebarimt: [
    enabled,
    { key: 'posApiUrl', kind: 'url' },
    { key: 'easyRegisterUrl', kind: 'url' },
    { key: 'tokenUrl', kind: 'url' },
    { key: 'taxpayerInfoUrl', kind: 'url' },
    { key: 'username', kind: 'text' },
    { key: 'merchantTin', kind: 'digits' },
    { key: 'posNo', kind: 'text' },
    { key: 'districtCode', kind: 'digits' },
    { key: 'branchNo', kind: 'digits' },
    { key: 'freeItemClassificationCode', kind: 'digits' },
    { key: 'cityTaxBasisPoints', kind: 'number' },
  ],
  bog: [
    enabled,
    { key: 'api', kind: 'select', options: ['payments', 'ipay'] },
    { key: 'paymentsBaseUrl', kind: 'url' },
    { key: 'paymentsTokenUrl', kind: 'url' },
    { key: 'paymentsClientId', kind: 'text' },
    { key: 'ipayBaseUrl', kind: 'url' },
    { key: 'ipayClientId', kind: 'text' },
    { key: 'returnUrl', kind: 'url' },
    { key: 'paymentsCallbackUrl', kind: 'url' },
    { key: 'callbackPublicKey', kind: 'pem' },
    { key: 'locale', kind: 'select', options: ['ka', 'en'] },
  ],
  baas: [
    enabled,
    { key: 'baseUrl', kind: 'url' },
    { key: 'consumerKey', kind: 'text' },
    { key: 'username', kind: 'text' },
    { key: 'paths.token', kind: 'text' },
    { key: 'paths.cardAttach', kind: 'text' },
    { key: 'paths.cardAttachConfirm', kind: 'text' },
    { key: 'paths.preScoring', kind: 'text' },
    { key: 'paths.applicationStatus', kind: 'text' },
  ],
} as const satisfies { [P in ProviderName]: readonly ProviderField[] };

/** The providers a till in this country uses, in the order the page shows them. */
export const PROVIDERS_BY_COUNTRY: Readonly<Record<Country, readonly ProviderName[]>> = {
  MN: ['socialpay', 'pocket', 'ebarimt'],
  GE: ['bog'],
  UZ: ['baas'],
};
