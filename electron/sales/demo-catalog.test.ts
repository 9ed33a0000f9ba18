import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../shared/channels/sale';
import { classifyCode, embeddedRules, gtinCheckDigit, hasValidGtinCheckDigit } from '../../shared/codes';
import { CURRENCY_BY_COUNTRY, COUNTRIES } from '../../shared/settings';
import { DEMO_CATALOG } from './demo-catalog';

describe('demo catalog', () => {
  it.each(COUNTRIES)(
    '%s: valid products, EAN-13 check digits, the country currency, unique codes',
    (country) => {
      const products = DEMO_CATALOG[country];
      expect(products.length).toBeGreaterThanOrEqual(5);
      const codes = new Set<string>();
      for (const p of products) {
        expect(ProductSchema.parse(p)).toEqual(p);
        expect(p.currency).toBe(CURRENCY_BY_COUNTRY[country]);
        expect(p.barcode).toMatch(/^\d{13}$/);
        expect(hasValidGtinCheckDigit(p.barcode ?? '')).toBe(true);
        expect(codes.has(p.sku) || codes.has(p.barcode ?? '')).toBe(false);
        codes.add(p.sku).add(p.barcode ?? '');
      }
    },
  );

  it('weighed items are stored under the lookup code a scale barcode resolves to', () => {
    const body = '20' + '00001' + '01255'; // apples, 1.255 kg
    const scanned = classifyCode(body + String(gtinCheckDigit(body)), {
      embedded: embeddedRules(['20'], 'weight', 5, 5),
    });
    expect(scanned).toMatchObject({ kind: 'weight', value: 1255, lookupCode: '2000001000007' });
    expect(DEMO_CATALOG.MN.find((p) => p.barcode === '2000001000007')?.measure).toBe('weight');
  });
});
