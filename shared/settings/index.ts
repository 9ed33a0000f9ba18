/**
 * The till's settings: one zod schema with defaults, validated at every boundary (IPC input, the file on
 * disk, the CLI). Secrets are not settings; see shared/secrets.ts.
 */
import { z } from 'zod';
import { freeText } from '../text';
import { BaasSettingsSchema } from './baas';
import { BogSettingsSchema } from './bog';
import { BrowserHostSettingsSchema } from './browser-host';
import { DeviceSettingsSchema } from './devices';
import { EbarimtSettingsSchema } from './ebarimt';
import { PocketSettingsSchema } from './pocket';
import { PrinterSettingsSchema, type ReceiptLocale } from './printer';
import { SocialpaySettingsSchema } from './socialpay';

export const PROFILES = ['sandbox', 'staging', 'production'] as const;
export const COUNTRIES = ['MN', 'GE', 'UZ'] as const;
export const CASHIER_LOCALES = ['mn', 'en'] as const;
export const DISPLAY_LOCALES = ['mn', 'en', 'ka', 'uz', 'ru'] as const;

export const ProfileSchema = z.enum(PROFILES);
export const CountrySchema = z.enum(COUNTRIES);
export const CashierLocaleSchema = z.enum(CASHIER_LOCALES);
export const DisplayLocaleSchema = z.enum(DISPLAY_LOCALES);
export type Profile = z.infer<typeof ProfileSchema>;
export type Country = z.infer<typeof CountrySchema>;
export type CashierLocale = z.infer<typeof CashierLocaleSchema>;
export type DisplayLocale = z.infer<typeof DisplayLocaleSchema>;

export const CURRENCY_BY_COUNTRY = { MN: 'MNT', GE: 'GEL', UZ: 'UZS' } as const;

export const DisplaySettingsSchema = z
  .strictObject({
    /** Show the customer display window at all. */
    enabled: z.boolean().default(true),
    /**
     * Which screen: 'auto' = the first screen other than the one the cashier window is on; otherwise an Electron
     * display id.
     * When the chosen display is missing the window opens beside the cashier window.
     */
    target: z.union([z.literal('auto'), z.number().int().nonnegative()]).default('auto'),
    locale: DisplayLocaleSchema.default('mn'),
  })
  .prefault({});

/** The IANA zone of each country's shops; `auto` in the settings means this one. */
export const TIME_ZONE_BY_COUNTRY = {
  MN: 'Asia/Ulaanbaatar',
  GE: 'Asia/Tbilisi',
  UZ: 'Asia/Tashkent',
} as const satisfies Record<Country, string>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const StoreSettingsSchema = z
  .strictObject({
    name: freeText({ min: 1, max: 80, minMessage: 'give the store a name' }).default('Kassa demo store'),
    /**
     * The seller's taxpayer number printed on receipts (Georgia: 9 or 11 digits, Uzbekistan: 9-digit INN). A
     * Mongolian receipt prints eBarimt's merchant TIN when that is set.
     */
    tin: z
      .string()
      .trim()
      .regex(/^(\d{7,14})?$/, 'the taxpayer number is 7 to 14 digits')
      .default(''),
    /** The shop's address, printed under its name. */
    address: freeText({ max: 160 }).default(''),
    /**
     * Times on receipts, reports and every screen are in this zone (the shop's), whatever the computer's clock
     * is set to; `auto` = the country's.
     */
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine((zone) => zone === 'auto' || isTimeZone(zone), 'not a time zone (e.g. Asia/Ulaanbaatar)')
      .default('auto'),
  })
  .prefault({});

export const SettingsSchema = z.strictObject({
  profile: ProfileSchema.default('sandbox'),
  country: CountrySchema.default('MN'),
  locale: CashierLocaleSchema.default('mn'),
  store: StoreSettingsSchema,
  display: DisplaySettingsSchema,
  devices: DeviceSettingsSchema,
  printer: PrinterSettingsSchema,
  browserHost: BrowserHostSettingsSchema,
  providers: z
    .strictObject({
      socialpay: SocialpaySettingsSchema,
      pocket: PocketSettingsSchema,
      ebarimt: EbarimtSettingsSchema,
      bog: BogSettingsSchema,
      baas: BaasSettingsSchema,
    })
    .prefault({}),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/** The store's IANA time zone (settings.store.timeZone, `auto` → the country's). */
export function storeTimeZone(settings: Pick<Settings, 'country' | 'store'>): string {
  const zone = settings.store.timeZone;
  return zone === 'auto' ? TIME_ZONE_BY_COUNTRY[settings.country] : zone;
}

const RECEIPT_LOCALE_BY_COUNTRY = { MN: 'mn', GE: 'ka', UZ: 'uz' } as const satisfies Record<
  Country,
  ReceiptLocale
>;

/** The language receipts are printed in (settings.printer.locale, `auto` → the country's). */
export function receiptLocale(settings: Pick<Settings, 'country' | 'printer'>): ReceiptLocale {
  const locale = settings.printer.locale;
  return locale === 'auto' ? RECEIPT_LOCALE_BY_COUNTRY[settings.country] : locale;
}

/** The TIN printed as the seller's: eBarimt's merchant TIN in Mongolia when set, else the store's. */
export function sellerTin(settings: Pick<Settings, 'country' | 'store' | 'providers'>): string {
  const merchant = settings.providers.ebarimt.merchantTin;
  return settings.country === 'MN' && merchant !== '' ? merchant : settings.store.tin;
}
