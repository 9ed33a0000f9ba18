/**
 * Handlers of the foundation channels: app info, settings, secrets, display readiness.
 */
import type { DisplayViewModel } from '../../shared/channels/display';
import type { Settings } from '../../shared/settings';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from '../kernel/clock';
import type { EventBus } from '../kernel/events';
import type { HandlerMap } from '../kernel/handlers';
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
  /** Called after settings change, so services (providers, display) pick up the new values. */
  onSettingsChanged(settings: Settings): void;
}

export function welcomeViewModel(settings: Settings): DisplayViewModel {
  return { state: 'welcome', locale: settings.display.locale, storeName: settings.store.name };
}

export function createFoundationHandlers(
  deps: FoundationDeps,
): HandlerMap<'app' | 'settings' | 'secrets' | 'display'> {
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
      const settings = deps.settings.get();
      const vault = deps.vault.status();
      const base = [
        {
          provider: 'settings',
          ok: true,
          detail: `${settings.profile} profile, ${settings.country}, ${deps.settings.path}`,
        },
        {
          provider: 'vault',
          ok: !vault.locked,
          detail: vault.locked
            ? (vault.warning ?? 'locked')
            : `${vault.backend}; ${vault.secrets.filter((s) => s.set).length} secret(s) set`,
        },
      ];
      if (vault.locked && settings.profile !== 'sandbox') {
        return base;
      }
      return [...base, ...(await deps.providers.doctor())];
    },
    'settings:get': () => Promise.resolve(deps.settings.get()),
    'settings:set': ({ settings }) => {
      const saved = deps.settings.set(settings);
      deps.onSettingsChanged(saved);
      return Promise.resolve(saved);
    },
    'secrets:status': () => Promise.resolve(deps.vault.status()),
    'secrets:set': ({ name, value }) => {
      deps.vault.set(name, value);
      deps.providers.reset();
      return Promise.resolve(deps.vault.status());
    },
    'secrets:clear': ({ name }) => {
      deps.vault.clear(name);
      deps.providers.reset();
      return Promise.resolve(deps.vault.status());
    },
    'display:ready': () => Promise.resolve(deps.display.current()),
  };
}
