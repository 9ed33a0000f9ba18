/**
 * The Settings screen's state: the saved settings, an editable draft, per-field validation errors from the
 * host, and the cashier's UI language. The host validates everything (settings:set takes the whole object);
 * this store never second-guesses it, it only shows what came back.
 */
import { create } from 'zustand';
import type { SecretName } from '../../../shared/secrets';
import {
  TIME_ZONE_BY_COUNTRY,
  storeTimeZone,
  type CashierLocale,
  type Settings,
} from '../../../shared/settings';
import { kassa } from '../bridge';
import { call, fieldErrorsOf, shown, type ShownError } from './errors';

export type SettingsStatus = 'idle' | 'loading' | 'saving';

export interface SettingsState {
  saved: Settings | null;
  draft: Settings | null;
  /** The language the cashier UI shows; follows settings.locale, and switches at once even if saving fails. */
  uiLocale: CashierLocale;
  status: SettingsStatus;
  /** Validation messages by settings path, e.g. "providers.pocket.baseUrl". */
  fieldErrors: Record<string, string>;
  lastError: ShownError | null;
  justSaved: boolean;
  /** Secrets the last save cleared because their provider's address changed (they must be entered again). */
  clearedSecrets: SecretName[];
  load: () => Promise<void>;
  /** The settings changed elsewhere (a profile switch): saved and draft follow. */
  replaceSaved: (settings: Settings) => void;
  /** Change one field of the draft by path; the screen renders provider fields generically, hence paths. */
  edit: (path: readonly string[], value: unknown) => void;
  reset: () => void;
  save: () => Promise<boolean>;
  setCashierLocale: (locale: CashierLocale) => Promise<void>;
  clearError: () => void;
}

/** Host paths are relative to the channel input `{ settings }`. */
const ISSUE_PREFIX = 'settings.';

function withPath(settings: Settings, path: readonly string[], value: unknown): Settings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') {
      return settings;
    }
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last === undefined) {
    return settings;
  }
  node[last] = value;
  // The draft may hold an invalid value on purpose (the host reports it per field); the type is the shape.
  return copy as unknown as Settings;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  saved: null,
  draft: null,
  uiLocale: 'mn',
  status: 'idle',
  fieldErrors: {},
  lastError: null,
  justSaved: false,
  clearedSecrets: [],

  async load() {
    set({ status: 'loading' });
    const envelope = await call(() => kassa().settingsGet({}));
    if (envelope.ok) {
      set({
        saved: envelope.value,
        draft: envelope.value,
        uiLocale: envelope.value.locale,
        status: 'idle',
        fieldErrors: {},
        lastError: null,
      });
    } else {
      set({ status: 'idle', lastError: shown(envelope.error) });
    }
  },

  replaceSaved(settings) {
    set({ saved: settings, draft: settings, uiLocale: settings.locale, fieldErrors: {}, justSaved: false });
  },

  edit(path, value) {
    const { draft, fieldErrors } = get();
    if (!draft) {
      return;
    }
    const key = path.join('.');
    const { [key]: _fixed, ...rest } = fieldErrors;
    set({ draft: withPath(draft, path, value), fieldErrors: rest, justSaved: false, clearedSecrets: [] });
  },

  reset() {
    set({ draft: get().saved, fieldErrors: {}, justSaved: false });
  },

  async save() {
    const { draft } = get();
    if (!draft) {
      return false;
    }
    set({ status: 'saving', justSaved: false });
    const envelope = await call(() => kassa().settingsSet({ settings: draft }));
    if (envelope.ok) {
      const { settings, clearedSecrets } = envelope.value;
      set({
        saved: settings,
        draft: settings,
        uiLocale: settings.locale,
        status: 'idle',
        fieldErrors: {},
        lastError: null,
        justSaved: true,
        clearedSecrets,
      });
      return true;
    }
    set({
      status: 'idle',
      lastError: shown(envelope.error),
      fieldErrors: envelope.error.code === 'validation' ? fieldErrorsOf(envelope.error, ISSUE_PREFIX) : {},
    });
    return false;
  },

  async setCashierLocale(locale) {
    set({ uiLocale: locale });
    const { saved, draft } = get();
    if (!saved || saved.locale === locale) {
      return;
    }
    // Only the language (a cashier may change it): unsaved edits in the Settings draft stay a draft.
    const envelope = await call(() => kassa().settingsSetLocale({ locale }));
    if (envelope.ok) {
      set({ saved: envelope.value, draft: draft ? { ...draft, locale } : envelope.value });
    } else {
      set({ lastError: shown(envelope.error) });
    }
  },

  clearError() {
    set({ lastError: null });
  },
}));

/**
 * The store's time zone for every time the screens show (storeTimeZone: settings.store.timeZone, `auto` → the
 * country's). The saved settings, not the draft: a zone being edited changes nothing until it is saved. Before
 * the settings arrive: Mongolia's, the default country's.
 */
export function useStoreTimeZone(): string {
  return useSettingsStore((s) => (s.saved ? storeTimeZone(s.saved) : TIME_ZONE_BY_COUNTRY.MN));
}

/** A printer is set up (settings.printer.connection): print buttons go to it instead of the browser's print view. */
export function usePrinterConfigured(): boolean {
  return useSettingsStore((s) => s.saved !== null && s.saved.printer.connection.kind !== 'none');
}
