/**
 * The settings that say which hosts each provider's client calls. A change of any of their origins is a change
 * of "where this provider's secrets would go", so saving it clears that provider's secrets: they must be
 * entered again for the new address (docs/architecture.md §7.1).
 * URL settings that Kassa only *tells* a provider (BoG's return and callback URLs) are not endpoints.
 */
import type { Settings } from './index';

type Providers = Settings['providers'];
export type ProviderName = keyof Providers;

export const PROVIDER_ENDPOINTS = {
  socialpay: ['baseUrl'],
  pocket: ['baseUrl', 'ssoUrl'],
  ebarimt: ['posApiUrl', 'easyRegisterUrl', 'tokenUrl', 'taxpayerInfoUrl'],
  bog: ['ipayBaseUrl', 'paymentsBaseUrl', 'paymentsTokenUrl'],
  baas: ['baseUrl'],
} as const satisfies { [P in ProviderName]: readonly (keyof Providers[P])[] };

/** URL settings that are handed to the provider, never called by the till. */
export const PROVIDER_NON_ENDPOINT_URLS = {
  socialpay: [],
  pocket: [],
  ebarimt: [],
  bog: ['returnUrl', 'paymentsCallbackUrl'],
  baas: [],
} as const satisfies { [P in ProviderName]: readonly (keyof Providers[P])[] };

function originOf(url: unknown): string {
  try {
    return typeof url === 'string' ? new URL(url).origin : '';
  } catch {
    return '';
  }
}

/** The origins a provider's client may call under these settings, sorted. */
export function endpointOrigins(providers: Providers, provider: ProviderName): string[] {
  const section: Record<string, unknown> = providers[provider];
  const keys: readonly string[] = PROVIDER_ENDPOINTS[provider];
  return [...new Set(keys.map((key) => originOf(section[key])))].sort();
}

/** The providers whose endpoint origins differ between two settings. */
export function providersWithMovedEndpoints(before: Providers, after: Providers): ProviderName[] {
  const names = Object.keys(PROVIDER_ENDPOINTS) as ProviderName[];
  return names.filter(
    (name) => endpointOrigins(before, name).join(' ') !== endpointOrigins(after, name).join(' '),
  );
}
