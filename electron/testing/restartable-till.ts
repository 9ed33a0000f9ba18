/**
 * Test-only: a core opened over `dataDir` the way a restarted till opens it, whose sandbox runs on simulators that
 * outlive it (the bank outlives the till: closing the core leaves them running). `extra` adds or overrides deps.
 */
import { createKassa, type Kassa, type KassaDeps } from '../core/kassa';
import { systemClock } from '../kernel/clock';
import { createCapturingLogger } from '../log/logger';
import type { RunningSandbox } from '../sandbox/simulators';
import { openNodeSettingsStore } from '../storage/settings';
import { openNodeVault } from '../storage/vault';

export function openTillOver(dataDir: string, sims: RunningSandbox, extra: Partial<KassaDeps> = {}): Kassa {
  const { logger, redactor } = createCapturingLogger();
  return createKassa({
    clock: systemClock,
    dataDir,
    settings: openNodeSettingsStore(dataDir, logger),
    vault: openNodeVault({ dataDir, clock: systemClock, redactor, env: { KASSA_VAULT_KEY: '2'.repeat(64) } }),
    logger,
    redactor,
    host: 'test',
    version: 'test',
    hotplug: false,
    startSandbox: () => Promise.resolve({ ...sims, close: () => Promise.resolve() }),
    ...extra,
  });
}
