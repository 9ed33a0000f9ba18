/**
 * Builds the core for the Node hosts (browser host, CLI, e2e): conf settings + AES vault in one data dir.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { systemClock, type Clock } from '../kernel/clock';
import type { HostKind } from '../core/foundation-handlers';
import { createKassa, type Kassa } from '../core/kassa';
import { createLogger, type Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { createSandboxScanner } from '../sandbox/hid-scanner';
import { startSandboxOnDemand } from '../sandbox/on-demand';
import type { StartSandbox } from '../sandbox/types';
import { chooseDataDir, defaultDataDir, legacyDataDir, secureDataDir } from '../storage/data-dir';
import { openNodeSettingsStore } from '../storage/settings';
import type { SecretVault, SettingsStore } from '../storage/types';
import { openNodeVault } from '../storage/vault';

export const KASSA_VERSION: string = packageJson.version;

/** `--data-dir`, else KASSA_DATA_DIR, else the per-user data dir (storage/data-dir.ts); created 0700. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return chooseDataDir(explicit, env);
}

export interface NodeKassa {
  kassa: Kassa;
  settings: SettingsStore;
  vault: SecretVault;
  logger: Logger;
  redactor: Redactor;
  dataDir: string;
}

export function openNodeKassa(options: {
  dataDir: string;
  host: HostKind;
  logger?: Logger;
  redactor?: Redactor;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** The sandbox profile's simulators; by default sandbox/simulators.ts, loaded on first use. */
  startSandbox?: StartSandbox;
}): NodeKassa {
  const made =
    options.logger && options.redactor
      ? { logger: options.logger, redactor: options.redactor }
      : createLogger();
  const { logger, redactor } = made;
  const clock = options.clock ?? systemClock;
  // Every start: the data dir and everything in it owner-only, repaired (with a log line) when looser.
  secureDataDir(options.dataDir, logger);
  if (options.dataDir === legacyDataDir()) {
    logger.warn(
      { dataDir: options.dataDir, default: defaultDataDir() },
      'data dir: using ~/.kassa, where earlier versions kept the data; move it to the default (or pass --data-dir) to stop seeing this',
    );
  }
  const settings = openNodeSettingsStore(options.dataDir, logger);
  const vault = openNodeVault({ dataDir: options.dataDir, clock, redactor, env: options.env ?? process.env });
  const vaultStatus = vault.status();
  if (vaultStatus.locked) {
    logger.warn({ problem: vaultStatus.warning }, 'secret vault locked');
  }
  const kassa = createKassa({
    clock,
    dataDir: options.dataDir,
    settings,
    vault,
    logger,
    redactor,
    host: options.host,
    version: KASSA_VERSION,
    startSandbox: options.startSandbox ?? startSandboxOnDemand,
    // The sandbox profile's virtual HID scanner; the core lists it only while the profile is sandbox.
    sandboxScanner: createSandboxScanner,
    // Only a running till listens for scanners being plugged in; the CLI and tests rescan on demand.
    ...(options.host === 'browser' ? {} : { hotplug: false as const }),
  });
  return { kassa, settings, vault, logger, redactor, dataDir: options.dataDir };
}
