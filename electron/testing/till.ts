/**
 * Test-only: a whole till (the Node host's core, sandbox profile) in a fresh data dir with a capturing logger,
 * plus the small helpers core tests share. `closeTills()` in afterEach closes every till opened.
 */
import type { Envelope } from '../../shared/errors';
import { openNodeKassa, type NodeKassa } from '../hosts/node-kassa';
import { createCapturingLogger } from '../log/logger';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { tempDataDir } from './temp-dir';

const opened: { node: NodeKassa; cleanup: () => void }[] = [];

export interface TestTill extends NodeKassa {
  /** Every log line the till wrote (search them for secrets). */
  lines: string[];
  /** The simulators this till's sandbox runs on (started on demand), to see what each "bank" received. */
  simulators(): Promise<RunningSandbox>;
}

export function openTestTill(): TestTill {
  const t = tempDataDir();
  const { logger, redactor, lines } = createCapturingLogger();
  let running: Promise<RunningSandbox> | undefined;
  const node = openNodeKassa({
    dataDir: t.dir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '4'.repeat(64) },
    startSandbox: () => (running = startSandboxSimulators()),
  });
  opened.push({ node, cleanup: t.cleanup });
  const simulators = async (): Promise<RunningSandbox> => {
    await node.kassa.providers.sandbox();
    if (!running) {
      throw new Error('this till is not in the sandbox profile');
    }
    return running;
  };
  return { ...node, lines, simulators };
}

export async function closeTills(): Promise<void> {
  for (const { node, cleanup } of opened.splice(0)) {
    await node.kassa.close();
    cleanup();
  }
}

/** The value of a successful envelope, narrowed to what the contract says the channel returns. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) {
    throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  }
  return envelope.value as T;
}

/** Read until `ok` holds or `ms` pass; returns the last value read (the test asserts on it). */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) {
      return v;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
