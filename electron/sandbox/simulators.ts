/**
 * The sandbox profile: every provider's simulator started on 127.0.0.1 inside the till's own process, with
 * freshly generated test credentials. Their URLs overlay the provider settings and their credentials are held
 * in memory only — the sandbox never writes to the operator's settings file or vault.
 */
import type { SecretName } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';
import { startBaasSimulator, type BaasSimulator } from '../providers/baas/simulator';
import { startBogSimulator, type BogSimulator } from '../providers/bog/simulator';
import { startEbarimtSimulators, type EbarimtSimulators } from '../providers/ebarimt';
import { startPocketSimulator, type PocketSimulator } from '../providers/pocket/simulator';
import { startSocialpaySimulator, type SocialpaySimulator } from '../providers/socialpay/simulator';

export interface SandboxSimulators {
  socialpay: SocialpaySimulator;
  pocket: PocketSimulator;
  ebarimt: EbarimtSimulators;
  bog: BogSimulator;
  baas: BaasSimulator;
  /** Provider settings with every URL and id pointing at the simulators. */
  overlay(providers: Settings['providers']): Settings['providers'];
  secrets: Partial<Record<SecretName, string>>;
  close(): Promise<void>;
}

export async function startSandboxSimulators(): Promise<SandboxSimulators> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const socialpay = await startSocialpaySimulator();
    started.push(socialpay);
    const pocket = await startPocketSimulator();
    started.push(pocket);
    const ebarimt = await startEbarimtSimulators();
    started.push(ebarimt);
    const bog = await startBogSimulator();
    started.push(bog);
    const baas = await startBaasSimulator();
    started.push(baas);
    return {
      socialpay,
      pocket,
      ebarimt,
      bog,
      baas,
      overlay: (providers) => ({
        ...providers,
        socialpay: { ...providers.socialpay, ...socialpay.sandbox.settings },
        pocket: { ...providers.pocket, ...pocket.sandbox.settings },
        ebarimt: { ...ebarimt.sandbox.settings, enabled: providers.ebarimt.enabled },
        bog: { ...providers.bog, ...bog.sandbox.settings },
        baas: { ...providers.baas, ...baas.sandbox.settings },
      }),
      secrets: {
        ...socialpay.sandbox.secrets,
        ...pocket.sandbox.secrets,
        ...ebarimt.sandbox.secrets,
        ...bog.sandbox.secrets,
        ...baas.sandbox.secrets,
      },
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
