import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { errorText } from '../screens/error-text';
import { createCashierI18n } from './index';

describe('every error code is worded in every cashier language', () => {
  it.each(['mn', 'en'] as const)('%s', (locale) => {
    const i18n = createCashierI18n(locale);
    for (const code of ERROR_CODES) {
      expect(i18n.exists(`errors.${code}`), `${locale}: errors.${code}`).toBe(true);
      const text = errorText(i18n.t, {
        code,
        params: { attemptsLeft: 2, seconds: 30, products: 'X', amount: 300 },
      });
      expect(text).not.toContain('{{');
      if (locale === 'mn') {
        expect(text, code).toMatch(/[\u0400-\u04ff]/);
      }
    }
  });

  it('a manager-only refusal asks for a manager, in Mongolian', () => {
    const i18n = createCashierI18n('mn');
    const text = errorText(i18n.t, {
      code: 'forbidden',
      params: { needs: 'manager', channel: 'payment:refund' },
    });
    expect(text).toBe(i18n.t('errors.forbiddenManager'));
    expect(text).toMatch(/менежер/i);
  });

  it.each(['mn', 'en'] as const)('%s: the printer’s device.unavailable reads by its reason', (locale) => {
    const i18n = createCashierI18n(locale);
    const generic = errorText(i18n.t, { code: 'device.unavailable' });
    const texts = ['unreachable', 'timeout', 'disconnected', 'not-configured', 'no-drawer'].map((reason) =>
      errorText(i18n.t, { code: 'device.unavailable', params: { reason } }),
    );
    expect(new Set([generic, ...texts]).size).toBe(6);
    for (const text of texts) {
      expect(text).toMatch(locale === 'mn' ? /[Пп]ринтер/ : /printer/i);
    }
    // A reason the catalog does not know falls back to the general wording.
    expect(errorText(i18n.t, { code: 'device.unavailable', params: { reason: 'other' } })).toBe(generic);
  });
});
