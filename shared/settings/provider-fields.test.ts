import { describe, expect, it } from 'vitest';
import { COUNTRIES, defaultSettings } from './index';
import { PROVIDER_FIELDS, PROVIDERS_BY_COUNTRY } from './provider-fields';

/** Every leaf of a settings section as a dotted path. */
function leaves(section: object, prefix = ''): string[] {
  return Object.entries(section).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? leaves(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('Go live fields', () => {
  it('every setting of every provider has a field on the Go live page', () => {
    for (const [provider, section] of Object.entries(defaultSettings().providers)) {
      const listed = PROVIDER_FIELDS[provider as keyof typeof PROVIDER_FIELDS].map((f) => f.key).sort();
      expect(listed, provider).toEqual(leaves(section).sort());
    }
  });

  it('the SocialPay terminal, Pocket ids and eBarimt merchant identity are fields', () => {
    const keys = (p: keyof typeof PROVIDER_FIELDS) => PROVIDER_FIELDS[p].map((f) => f.key);
    expect(keys('socialpay')).toContain('terminal');
    expect(keys('pocket')).toEqual(expect.arrayContaining(['clientId', 'terminalId']));
    expect(keys('ebarimt')).toEqual(
      expect.arrayContaining(['merchantTin', 'posNo', 'districtCode', 'username']),
    );
  });

  it('every country lists at least one provider, each listed once', () => {
    for (const country of COUNTRIES) {
      const providers = PROVIDERS_BY_COUNTRY[country];
      expect(providers.length).toBeGreaterThan(0);
      expect(new Set(providers).size).toBe(providers.length);
    }
  });
});
