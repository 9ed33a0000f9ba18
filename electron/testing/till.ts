/**
 * Test-only: a whole till (the Node host's core, sandbox profile) in a fresh data dir with a capturing
 * logger, the real gate over part of the core for tests that build that part with fakes, and the small
 * helpers core tests share. `closeTills()` in afterEach closes every till opened.
 */
import type { Role } from '../../shared/channel';
import type { Envelope, IpcError } from '../../shared/errors';
import { openNodeKassa, type NodeKassa } from '../hosts/node-kassa';
import { handle, type AllHandlers, type HandleDeps } from '../ipc/handle';
import { createCapturingLogger, type Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { tempDataDir } from '../kernel/testing/temp-dir';

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

/** A channel called through the gate as `role` (default: the cashier, input default `{}`): its envelope. */
export type Gate = (channel: string, input?: unknown, role?: Role) => Promise<Envelope<unknown>>;

/**
 * The real gate, electron/ipc/handle.ts, over the handlers a test built: unknown channel, role, input schema,
 * handler, and every output checked against the contract (`validateOutput`). Its log lines go to `log` when
 * the test searches them, else to a capturing logger of its own.
 */
export function gateFor(
  handlers: Partial<AllHandlers>,
  log: { logger: Logger; redactor: Redactor } = createCapturingLogger('warn'),
): Gate {
  const deps: HandleDeps = {
    // handle() takes the whole contract's map, a test builds only part of the core. A channel outside that
    // part has no handler here: calling one comes back as `internal` (and is logged), never as a success.
    handlers: handlers as AllHandlers,
    logger: log.logger,
    redactor: log.redactor,
    validateOutput: true,
  };
  return (channel, input = {}, role = 'cashier') => handle(deps, role, channel, input);
}

/** A failed envelope's error, thrown: it keeps the code and issues, so `rejects.toMatchObject({ code })` works. */
export class EnvelopeError extends Error {
  readonly code: IpcError['code'];
  readonly issues: IpcError['issues'];

  constructor(error: IpcError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'EnvelopeError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

/** A successful envelope's value, narrowed to what the contract says the channel returns; else throws. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the caller's reading of the contract's output type, named at the call
export function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) {
    throw new EnvelopeError(envelope.error);
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
