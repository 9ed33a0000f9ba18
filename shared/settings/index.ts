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

export const StoreSettingsSchema = z
  .strictObject({
    name: freeText({ min: 1, max: 80, minMessage: 'give the store a name' }).default('Kassa demo store'),
  })
  .prefault({});

export const SettingsSchema = z.strictObject({
  profile: ProfileSchema.default('sandbox'),
  country: CountrySchema.default('MN'),
  locale: CashierLocaleSchema.default('mn'),
  store: StoreSettingsSchema,
  display: DisplaySettingsSchema,
  devices: DeviceSettingsSchema,
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
