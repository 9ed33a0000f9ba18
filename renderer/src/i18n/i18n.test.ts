import { describe, expect, it } from 'vitest';
import { CODE_KINDS, ScanErrorSchema } from '../../../shared/channels/scan';
import { SECRET_NAMES } from '../../../shared/secrets';
import { catalogKeys } from './catalog';
import { cashierCatalogs, createCashierI18n, displayCatalogs } from './index';

describe('catalog key parity', () => {
  it('every cashier catalog has exactly the Mongolian keys', () => {
    const source = catalogKeys(cashierCatalogs.mn);
    for (const [locale, catalog] of Object.entries(cashierCatalogs)) {
      expect(catalogKeys(catalog), locale).toEqual(source);
    }
  });

  it('every display catalog has exactly the Mongolian keys', () => {
    const source = catalogKeys(displayCatalogs.mn);
    for (const [locale, catalog] of Object.entries(displayCatalogs)) {
      expect(catalogKeys(catalog), locale).toEqual(source);
    }
  });

  it('no catalog has an empty string', () => {
    for (const catalog of [...Object.values(cashierCatalogs), ...Object.values(displayCatalogs)]) {
      const flat = JSON.stringify(catalog);
      expect(flat).not.toContain('""');
    }
  });

  it('the Mongolian cashier catalog is written in Cyrillic', () => {
    expect(cashierCatalogs.mn.settings.title).toMatch(/[\u0400-\u04ff]/);
    expect(displayCatalogs.mn.welcome).toMatch(/[\u0400-\u04ff]/);
  });

  it('every secret name has a label in every cashier language', () => {
    for (const locale of ['mn', 'en'] as const) {
      const i18n = createCashierI18n(locale);
      for (const name of SECRET_NAMES) {
        const key = `secrets.names.${name}`;
        expect(i18n.exists(key), `${locale}: ${key}`).toBe(true);
      }
    }
  });

  it('every scan refusal and code kind main can send is worded in every cashier language', () => {
    const codes = ScanErrorSchema.options.map((option) => option.shape.code.value);
    expect(codes.length).toBeGreaterThan(10);
    for (const locale of ['mn', 'en'] as const) {
      const i18n = createCashierI18n(locale);
      for (const key of [
        ...codes.map((c) => `scan.errors.${c}`),
        ...CODE_KINDS.map((k) => `scan.kinds.${k}`),
      ]) {
        expect(i18n.exists(key), `${locale}: ${key}`).toBe(true);
      }
    }
    // Mongolian refusals are Mongolian (a Latin symbol name like EAN-13 may appear in a parameter only).
    for (const code of codes) {
      expect(cashierCatalogs.mn.scan.errors[code], code).toMatch(/[\u0400-\u04ff]/);
    }
  });
});
