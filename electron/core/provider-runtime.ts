/**
 * Builds provider clients from the current settings and secrets. In the sandbox profile the simulators are
 * started on first use and their URLs and credentials are used instead of the stored ones; in staging and
 * production the stored settings and the vault are used. Clients are rebuilt when settings change.
 *
 * Every secret handed to a client is bound to the one origin it may go to (docs/architecture.md
 * §7.1): a stored secret must have been entered for the origin its provider points at now
 * (else 'secret.unbound'), and the HTTP core's guard refuses to send it anywhere else.
 */
import { createBaasClient, type BaasClient } from '../providers/baas/client';
import { doctorBaas } from '../providers/baas/doctor';
import { createBogClient } from '../providers/bog/client';
import type { BogClient } from '../providers/bog/common';
import { doctorBog } from '../providers/bog/doctor';
import { secretOrigin, type SecretName } from '../../shared/secrets';
import type { Profile, Settings } from '../../shared/settings';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import type { DoctorLine, ProviderContext } from '../providers/context';
import { createSecretGuard } from '../providers/secret-guard';
import {
  createEasyRegisterClient,
  createTaxpayerInfoClient,
  createPosApiClient,
  doctorEasyRegister,
  doctorPosApi,
} from '../providers/ebarimt';
import type { EasyRegisterClient, PosApiClient, TaxpayerInfoClient } from '../providers/ebarimt';
import { createPocketClient, type PocketClient } from '../providers/pocket/client';
import { doctorPocket } from '../providers/pocket/doctor';
import { createSocialpayClient, type SocialpayClient } from '../providers/socialpay/client';
import { doctorSocialpay } from '../providers/socialpay/doctor';
import type { SandboxSimulators, StartSandbox } from '../sandbox/types';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';

export interface ProviderClients {
  socialpay: SocialpayClient;
  pocket: PocketClient;
  posApi: PosApiClient;
  easyRegister: EasyRegisterClient;
  taxpayerInfo: TaxpayerInfoClient;
  bog: BogClient;
  baas: BaasClient;
}

export interface ProviderRuntime {
  /** Clients for the current settings (starting the sandbox simulators first when in the sandbox profile). */
  clients(): Promise<ProviderClients>;
  /** The running simulators, when in the sandbox profile (the sandbox "customer phone" panel drives them). */
  sandbox(): Promise<SandboxSimulators | undefined>;
  /** Effective provider settings (sandbox overlay applied). */
  providerSettings(): Promise<Settings['providers']>;
  doctor(): Promise<DoctorLine[]>;
  /**
   * The checks of a profile other than (or the same as) the current one, against the saved settings and
   * secrets — what a manager runs before going live. 'sandbox' checks the simulators.
   */
  doctorFor(profile: Profile): Promise<DoctorLine[]>;
  /** Drop cached clients (settings or secrets changed). */
  reset(): void;
  close(): Promise<void>;
}

export interface ProviderRuntimeDeps {
  settings: SettingsStore;
  vault: SecretVault;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  /** Tests shorten provider timeouts. */
  timeoutMs?: number;
  /**
   * Starts the provider simulators of the sandbox profile. The hosts pass sandbox/simulators.ts here, so the
   * core never imports simulator code; without it the sandbox profile is refused.
   */
  startSandbox?: StartSandbox;
}

export function createProviderRuntime(deps: ProviderRuntimeDeps): ProviderRuntime {
  let sandboxPromise: Promise<SandboxSimulators> | undefined;
  let cached: { key: string; clients: ProviderClients } | undefined;

  const sandbox = async (): Promise<SandboxSimulators | undefined> => {
    if (deps.settings.get().profile !== 'sandbox') {
      return undefined;
    }
    const start = deps.startSandbox;
    if (!start) {
      throw new KassaError(
        'state.conflict',
        'This till was started without the sandbox simulators: set the profile to staging or production.',
      );
    }
    sandboxPromise ??= start().then((sims) => {
      for (const value of Object.values(sims.secrets)) {
        deps.redactor.addValue(value);
      }
      deps.logger.info('sandbox: provider simulators started on 127.0.0.1');
      return sims;
    });
    return sandboxPromise;
  };

  const secretGuard = createSecretGuard();

  /** A stored secret, if it was entered for the origin its provider points at now. */
  const storedSecret = (name: SecretName): string => {
    const bound = deps.vault.get(name);
    const expected = secretOrigin(name, deps.settings.get().providers);
    if (bound.origin !== expected) {
      throw new KassaError(
        'secret.unbound',
        `The secret ${name} was entered for ${bound.origin ?? 'an address Kassa did not record'}, but its provider now points at ${expected}. Enter it again in Settings.`,
      );
    }
    return bound.value;
  };

  const context = (sims: SandboxSimulators | undefined, stored: Settings['providers']): ProviderContext => ({
    clock: deps.clock,
    logger: deps.logger.child({ component: 'providers' }),
    redactor: deps.redactor,
    secretGuard,
    secret: (name: SecretName) => {
      try {
        let value: string;
        if (sims) {
          const test = sims.secrets[name];
          if (test === undefined) {
            throw new KassaError('secret.missing', `The sandbox has no test credential ${name}.`);
          }
          value = test;
        } else {
          value = storedSecret(name);
        }
        secretGuard.bind(value, secretOrigin(name, sims ? sims.overlay(stored) : stored));
        return Promise.resolve(value);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });

  const providerSettings = async (): Promise<Settings['providers']> => {
    const stored = deps.settings.get().providers;
    const sims = await sandbox();
    return sims ? sims.overlay(stored) : stored;
  };

  const doctorFor = async (profile: Profile): Promise<DoctorLine[]> => {
    const settings = deps.settings.get();
    // The sandbox's simulators only when checking the sandbox itself; a live profile is checked as stored.
    const sims = profile === 'sandbox' ? await sandbox() : undefined;
    if (profile === 'sandbox' && sims === undefined) {
      return [{ provider: 'sandbox', ok: false, detail: 'the till is not in the sandbox profile' }];
    }
    const providers = sims ? sims.overlay(settings.providers) : settings.providers;
    const ctx = context(sims, settings.providers);
    const checks: Promise<DoctorLine>[] = [];
    if (settings.country === 'MN') {
      if (providers.socialpay.enabled) {
        checks.push(doctorSocialpay(createSocialpayClient(ctx, providers.socialpay)));
      }
      if (providers.pocket.enabled) {
        checks.push(doctorPocket(createPocketClient(ctx, providers.pocket)));
      }
      if (providers.ebarimt.enabled) {
        checks.push(doctorPosApi(ctx, providers.ebarimt), doctorEasyRegister(ctx, providers.ebarimt));
      }
    }
    if (settings.country === 'GE' && providers.bog.enabled) {
      checks.push(doctorBog(createBogClient(ctx, providers.bog)));
    }
    if (settings.country === 'UZ' && providers.baas.enabled) {
      checks.push(doctorBaas(createBaasClient(ctx, providers.baas)));
    }
    return Promise.all(checks);
  };

  return {
    sandbox,
    providerSettings,
    async clients() {
      const sims = await sandbox();
      const providers = await providerSettings();
      const key = JSON.stringify([deps.settings.get().profile, providers]);
      if (cached?.key !== key) {
        const ctx = context(sims, deps.settings.get().providers);
        cached = {
          key,
          clients: {
            socialpay: createSocialpayClient(ctx, providers.socialpay),
            pocket: createPocketClient(ctx, providers.pocket),
            posApi: createPosApiClient(ctx, providers.ebarimt),
            easyRegister: createEasyRegisterClient(ctx, providers.ebarimt),
            taxpayerInfo: createTaxpayerInfoClient(ctx, providers.ebarimt),
            bog: createBogClient(ctx, providers.bog),
            baas: createBaasClient(ctx, providers.baas),
          },
        };
      }
      return cached.clients;
    },
    doctor: () => doctorFor(deps.settings.get().profile),
    doctorFor,
    reset() {
      cached = undefined;
    },
    async close() {
      const sims = await sandboxPromise?.catch(() => undefined);
      sandboxPromise = undefined;
      await sims?.close();
    },
  };
}
