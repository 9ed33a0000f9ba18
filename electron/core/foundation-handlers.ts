/**
 * Handlers of the foundation channels: app info, settings, secrets, display readiness.
 */
import type { DisplayViewModel } from '../../shared/channels/display';
import type { Settings } from '../../shared/settings';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from './clock';
import type { EventBus, HandlerMap } from './handlers';

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
  /** Called after settings change, so services (providers, display) pick up the new values. */
  onSettingsChanged(settings: Settings): void;
}

export function welcomeViewModel(settings: Settings): DisplayViewModel {
  return { state: 'welcome', locale: settings.display.locale, storeName: settings.store.name };
}

export function createFoundationHandlers(
  deps: FoundationDeps,
): HandlerMap<
  | 'app:info'
  | 'settings:get'
  | 'settings:set'
  | 'secrets:status'
  | 'secrets:set'
  | 'secrets:clear'
  | 'display:ready'
> {
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
    'settings:get': () => Promise.resolve(deps.settings.get()),
    'settings:set': ({ settings }) => {
      const saved = deps.settings.set(settings);
      deps.onSettingsChanged(saved);
      return Promise.resolve(saved);
    },
    'secrets:status': () => Promise.resolve(deps.vault.status()),
    'secrets:set': ({ name, value }) => {
      deps.vault.set(name, value);
      return Promise.resolve(deps.vault.status());
    },
    'secrets:clear': ({ name }) => {
      deps.vault.clear(name);
      return Promise.resolve(deps.vault.status());
    },
    'display:ready': () => Promise.resolve(deps.display.current()),
  };
}
