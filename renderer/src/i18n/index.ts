/**
 * i18next instances for the two pages. Each page gets its own instance (never the global one) with every
 * catalog bundled, so switching language is synchronous and nothing is fetched at run time.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { CashierLocale, DisplayLocale } from '../../../shared/settings';
import { accessEn } from './access.en';
import { accessMn } from './access.mn';
import { approvalEn, withApprovalCatalog } from './approval.en';
import { approvalMn } from './approval.mn';
import { cardEn } from './card.en';
import { cardMn } from './card.mn';
import { cashierEn } from './cashier.en';
import { cashierMn } from './cashier.mn';
import { devicesEn } from './devices.en';
import { devicesMn } from './devices.mn';
import { displayEn, displayKa, displayMn, displayRu, displayUz } from './display.catalogs';
import { printerEn } from './printer.en';
import { printerMn } from './printer.mn';
import { scanEn } from './scan.en';
import { scanMn } from './scan.mn';

export const cashierCatalogs = {
  mn: {
    ...withApprovalCatalog(cashierMn, approvalMn),
    ...devicesMn,
    ...scanMn,
    ...accessMn,
    ...cardMn,
    printer: printerMn.printer,
    // The printer's wording of device.unavailable by reason sits beside the other error texts (error-text.ts).
    errors: { ...accessMn.errors, ...printerMn.errors },
  },
  en: {
    ...withApprovalCatalog(cashierEn, approvalEn),
    ...devicesEn,
    ...scanEn,
    ...accessEn,
    ...cardEn,
    printer: printerEn.printer,
    errors: { ...accessEn.errors, ...printerEn.errors },
  },
} as const satisfies Record<CashierLocale, object>;
export const displayCatalogs = {
  mn: displayMn,
  en: displayEn,
  ka: displayKa,
  uz: displayUz,
  ru: displayRu,
} as const satisfies Record<DisplayLocale, object>;

function createInstance(resources: Record<string, object>, lng: string): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'mn',
    resources: Object.fromEntries(
      Object.entries(resources).map(([locale, catalog]) => [locale, { translation: catalog }]),
    ),
    initAsync: false,
    // React escapes output already; i18next escaping would double-escape store names like "A&B".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export function createCashierI18n(locale: CashierLocale = 'mn'): i18n {
  return createInstance(cashierCatalogs, locale);
}

export function createDisplayI18n(locale: DisplayLocale = 'mn'): i18n {
  return createInstance(displayCatalogs, locale);
}
