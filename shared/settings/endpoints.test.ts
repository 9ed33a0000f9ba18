import { describe, expect, it } from 'vitest';
import { defaultSettings } from './index';
import { PROVIDER_ENDPOINTS, PROVIDER_NON_ENDPOINT_URLS, providersWithMovedEndpoints } from './endpoints';

describe('provider endpoints', () => {
  it('every URL setting of every provider is either called by the till or only told to the provider', () => {
    const providers = defaultSettings().providers;
    for (const [name, section] of Object.entries(providers)) {
      const urls = Object.entries(section)
        .filter(([key, value]) => typeof value === 'string' && /url$/i.test(key))
        .map(([key]) => key)
        .sort();
      const provider = name as keyof typeof PROVIDER_ENDPOINTS;
      const listed = [...PROVIDER_ENDPOINTS[provider], ...PROVIDER_NON_ENDPOINT_URLS[provider]].sort();
      expect(listed, name).toEqual(urls);
    }
  });

  it('a moved origin is a moved endpoint; a changed path or a told-only URL is not', () => {
    const before = defaultSettings().providers;
    const path = { ...before, pocket: { ...before.pocket, baseUrl: `${before.pocket.baseUrl}/v2` } };
    expect(providersWithMovedEndpoints(before, path)).toEqual([]);
    const told = { ...before, bog: { ...before.bog, returnUrl: 'https://shop.example/return' } };
    expect(providersWithMovedEndpoints(before, told)).toEqual([]);
    const moved = { ...before, pocket: { ...before.pocket, ssoUrl: 'https://evil.example/auth' } };
    expect(providersWithMovedEndpoints(before, moved)).toEqual(['pocket']);
  });
});
