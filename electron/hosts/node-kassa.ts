/**
 * Builds the core for the Node hosts (browser host, CLI, e2e): conf settings + AES vault in one data dir.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { systemClock, type Clock } from '../kernel/clock';
import type { HostKind } from '../core/foundation-handlers';
import { createKassa, type Kassa } from '../core/kassa';
import { createLogger, type Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { createSandboxScanner } from '../sandbox/hid-scanner';
import { startSandboxOnDemand } from '../sandbox/on-demand';
import type { StartSandbox } from '../sandbox/types';
import { openNodeSettingsStore } from '../storage/settings';
import type { SecretVault, SettingsStore } from '../storage/types';
import { openNodeVault } from '../storage/vault';

export const KASSA_VERSION: string = packageJson.version;

/** `--data-dir`, else KASSA_DATA_DIR, else ~/.kassa. */
export function resolveDataDir(explicit?: string): string {
  const dir = resolve(explicit ?? process.env.KASSA_DATA_DIR ?? join(homedir(), '.kassa'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
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
  const settings = openNodeSettingsStore(options.dataDir, logger);
  const vault = openNodeVault({ dataDir: options.dataDir, clock, redactor, env: options.env ?? process.env });
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
