/**
 * Builds provider clients from the current settings and secrets. In the sandbox profile the simulators are
 * started on first use and their URLs and credentials are used instead of the stored ones; in staging and
 * production the stored settings and the vault are used. Clients are rebuilt when settings change.
 */
import { createBaasClient, type BaasClient } from '../providers/baas/client';
import { doctorBaas } from '../providers/baas/doctor';
import { createBogClient } from '../providers/bog/client';
import type { BogClient } from '../providers/bog/common';
import { doctorBog } from '../providers/bog/doctor';
import type { SecretName } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import type { DoctorLine, ProviderContext } from '../providers/context';
import {
  createEasyRegisterClient,
  createPosApiClient,
  doctorEasyRegister,
  doctorPosApi,
} from '../providers/ebarimt';
import type { EasyRegisterClient, PosApiClient } from '../providers/ebarimt';
import { createPocketClient, type PocketClient } from '../providers/pocket/client';
import { doctorPocket } from '../providers/pocket/doctor';
import { createSocialpayClient, type SocialpayClient } from '../providers/socialpay/client';
import { doctorSocialpay } from '../providers/socialpay/doctor';
import { startSandboxSimulators, type SandboxSimulators } from '../sandbox/simulators';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';

export interface ProviderClients {
  socialpay: SocialpayClient;
  pocket: PocketClient;
  posApi: PosApiClient;
  easyRegister: EasyRegisterClient;
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
   * Simulators that outlive this core (tests of a till restart: the "bank" must keep its state while the till
   * stops and starts). The runtime uses them instead of starting its own and never closes them.
   */
  externalSandbox?: SandboxSimulators;
}

export function createProviderRuntime(deps: ProviderRuntimeDeps): ProviderRuntime {
  let sandboxPromise: Promise<SandboxSimulators> | undefined;
  let cached: { key: string; clients: ProviderClients } | undefined;

  const sandbox = async (): Promise<SandboxSimulators | undefined> => {
    if (deps.settings.get().profile !== 'sandbox') {
      return undefined;
    }
    sandboxPromise ??= (
      deps.externalSandbox ? Promise.resolve(deps.externalSandbox) : startSandboxSimulators()
    ).then((sims) => {
      for (const value of Object.values(sims.secrets)) {
        deps.redactor.addValue(value);
      }
      deps.logger.info('sandbox: provider simulators started on 127.0.0.1');
      return sims;
    });
    return sandboxPromise;
  };

  const context = (sims: SandboxSimulators | undefined): ProviderContext => ({
    clock: deps.clock,
    logger: deps.logger.child({ component: 'providers' }),
    redactor: deps.redactor,
    secret: (name: SecretName) => {
      if (sims) {
        const value = sims.secrets[name];
        if (value === undefined) {
          return Promise.reject(
            new KassaError('secret.missing', `The sandbox has no test credential ${name}.`),
          );
        }
        return Promise.resolve(value);
      }
      try {
        return Promise.resolve(deps.vault.get(name));
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

  return {
    sandbox,
    providerSettings,
    async clients() {
      const sims = await sandbox();
      const providers = await providerSettings();
      const key = JSON.stringify([deps.settings.get().profile, providers]);
      if (cached?.key !== key) {
        const ctx = context(sims);
        cached = {
          key,
          clients: {
            socialpay: createSocialpayClient(ctx, providers.socialpay),
            pocket: createPocketClient(ctx, providers.pocket),
            posApi: createPosApiClient(ctx, providers.ebarimt),
            easyRegister: createEasyRegisterClient(ctx, providers.ebarimt),
            bog: createBogClient(ctx, providers.bog),
            baas: createBaasClient(ctx, providers.baas),
          },
        };
      }
      return cached.clients;
    },
    async doctor() {
      const settings = deps.settings.get();
      const sims = await sandbox();
      const providers = await providerSettings();
      const ctx = context(sims);
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
    },
    reset() {
      cached = undefined;
    },
    async close() {
      const sims = await sandboxPromise?.catch(() => undefined);
      sandboxPromise = undefined;
      if (sims !== deps.externalSandbox) {
        await sims?.close();
      }
    },
  };
}
