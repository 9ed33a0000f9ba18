/**
 * Handlers of the foundation channels: app info, the doctor, display readiness. Settings, secrets and the
 * profile are in settings-handlers.ts.
 */
import type { DisplayViewModel } from '../../shared/channels/display';
import type { Settings } from '../../shared/settings';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from '../kernel/clock';
import type { EventBus } from '../kernel/events';
import type { HandlerMap } from '../kernel/handlers';
import type { DoctorLine } from '../providers/context';
import type { ProviderRuntime } from './provider-runtime';

export type HostKind = 'electron' | 'browser' | 'cli' | 'test';

export interface FoundationDeps {
  clock: Clock;
  dataDir: string;
  settings: SettingsStore;
  vault: SecretVault;
  events: EventBus;
  host: HostKind;
  version: string;
  /** The display's current view-model; later features replace it as the sale moves on. */
  display: { current(): DisplayViewModel };
  providers: ProviderRuntime;
  /** Lines about the till's own devices (the receipt printer), asked with every doctor run. */
  devicesDoctor?: () => Promise<DoctorLine[]>;
}

/** The first lines of every check: the settings file and the vault. */
export function baseChecks(settingsStore: SettingsStore, vaultStore: SecretVault): DoctorLine[] {
  const settings = settingsStore.get();
  const vault = vaultStore.status();
  return [
    {
      provider: 'settings',
      ok: true,
      detail: `${settings.profile} profile, ${settings.country}, ${settingsStore.path}`,
    },
    {
      provider: 'vault',
      ok: !vault.locked,
      detail: vault.locked
        ? (vault.warning ?? 'locked')
        : `${vault.backend}; ${vault.secrets.filter((s) => s.set).length} secret(s) set`,
    },
  ];
}

export function welcomeViewModel(settings: Settings): DisplayViewModel {
  return { state: 'welcome', locale: settings.display.locale, storeName: settings.store.name };
}

export function createFoundationHandlers(deps: FoundationDeps): HandlerMap<'app' | 'display'> {
  return {
    'app:info': () => {
      const settings = deps.settings.get();
      return Promise.resolve({
        name: 'Kassa' as const,
        version: deps.version,
        host: deps.host,
        profile: settings.profile,
        country: settings.country,
        dataDir: deps.dataDir,
        now: new Date(deps.clock.now()).toISOString(),
      });
    },
    'app:doctor': async () => {
      const base = [...baseChecks(deps.settings, deps.vault), ...((await deps.devicesDoctor?.()) ?? [])];
      const vaultLocked = deps.vault.status().locked;
      if (vaultLocked && deps.settings.get().profile !== 'sandbox') {
        return base;
      }
      return [...base, ...(await deps.providers.doctor())];
    },
    'display:ready': () => Promise.resolve(deps.display.current()),
  };
}
