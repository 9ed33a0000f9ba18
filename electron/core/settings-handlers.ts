/**
 * Handlers of settings:*, secrets:* and profile:* (docs/architecture.md §3.1, §7.1 and §14). The gate has already refused a cashier for everything but settings:get and
 * settings:set-locale; here main decides what a change does:
 *  - a secret is stored bound to the origin its provider points at now;
 *  - saving settings never changes the profile, and a provider whose hosts moved loses its secrets;
 *  - the profile changes only through profile:switch, confirmed, and to staging/production only when every
 *    check passes.
 */
import { secretOrigin, secretsOf, type SecretName } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';
import { providersWithMovedEndpoints } from '../../shared/settings/endpoints';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { Logger } from '../log/logger';
import type { DoctorLine } from '../providers/context';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { ProviderRuntime } from './provider-runtime';

export interface SettingsHandlerDeps {
  settings: SettingsStore;
  vault: SecretVault;
  providers: ProviderRuntime;
  logger: Logger;
  /** The settings and vault lines every check starts with. */
  baseChecks(): DoctorLine[];
  /** Throws state.conflict while a sale with lines or payments is on the till (no profile switch mid-sale). */
  refuseWhileSelling(): void;
  /** After any settings change (providers, display, catalog follow). */
  onSettingsChanged(before: Settings, after: Settings): void;
}

export function createSettingsHandlers(
  deps: SettingsHandlerDeps,
): HandlerMap<'settings' | 'secrets' | 'profile'> {
  const { settings, vault } = deps;

  /** Clear every set secret of each provider whose hosts moved; returns the names cleared. */
  const clearMovedSecrets = (before: Settings, after: Settings): SecretName[] => {
    const moved = providersWithMovedEndpoints(before.providers, after.providers).flatMap(secretsOf);
    const set = new Set(
      vault
        .status()
        .secrets.filter((s) => s.set)
        .map((s) => s.name),
    );
    const cleared: SecretName[] = [];
    for (const name of moved.filter((n) => set.has(n))) {
      try {
        vault.clear(name);
        cleared.push(name);
      } catch (error) {
        // A locked vault cannot be changed; the stored value stays bound to the old origin and is refused.
        deps.logger.warn({ secret: name, err: error }, 'settings: could not clear a secret whose host moved');
      }
    }
    if (cleared.length > 0) {
      deps.logger.info({ secrets: cleared }, 'settings: provider hosts changed; their secrets were cleared');
    }
    return cleared;
  };

  const apply = (next: Settings): Settings => {
    const before = settings.get();
    const saved = settings.set(next);
    deps.providers.reset();
    deps.onSettingsChanged(before, saved);
    return saved;
  };

  return {
    'settings:get': () => Promise.resolve(settings.get()),
    'settings:set': ({ settings: next }) => {
      const before = settings.get();
      if (next.profile !== before.profile) {
        throw new KassaError(
          'validation',
          'The profile is changed on the Go live page or with `kassa profile set NAME --yes` (profile:switch), after its checks.',
          { issues: [{ path: 'settings.profile', message: 'change the profile on the Go live page' }] },
        );
      }
      const saved = apply(next);
      return Promise.resolve({ settings: saved, clearedSecrets: clearMovedSecrets(before, saved) });
    },
    'settings:set-locale': ({ locale }) => Promise.resolve(apply({ ...settings.get(), locale })),
    'secrets:status': () => Promise.resolve(vault.status()),
    'secrets:set': ({ name, value }) => {
      vault.set(name, value, secretOrigin(name, settings.get().providers));
      deps.providers.reset();
      return Promise.resolve(vault.status());
    },
    'secrets:clear': ({ name }) => {
      vault.clear(name);
      deps.providers.reset();
      return Promise.resolve(vault.status());
    },
    'profile:check': async ({ profile }) => [
      ...deps.baseChecks(),
      ...(await deps.providers.doctorFor(profile)),
    ],
    'profile:switch': async ({ profile }) => {
      const current = settings.get();
      if (profile === current.profile) {
        return current;
      }
      deps.refuseWhileSelling();
      if (profile !== 'sandbox') {
        const lines = [...deps.baseChecks(), ...(await deps.providers.doctorFor(profile))];
        const failed = lines.filter((line) => !line.ok);
        if (failed.length > 0) {
          throw new KassaError(
            'profile.checks-failed',
            `Still ${current.profile}: ${failed.length} check(s) failed (${failed.map((l) => l.provider).join(', ')}).`,
            {
              issues: failed.map((line) => ({ path: line.provider, message: line.detail })),
              params: { profile, failed: failed.length },
            },
          );
        }
      }
      deps.logger.warn({ from: current.profile, to: profile }, 'settings: profile switched');
      return apply({ ...current, profile });
    },
  };
}
