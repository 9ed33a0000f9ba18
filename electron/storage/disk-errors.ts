/**
 * Write failures of the journal become a command's answer, never a crash (docs/architecture.md §5, "Faults").
 *
 * Measured on lmdb 3.5.6 with a 512 KiB tmpfs (the journal filled until a commit failed):
 * - the failing `env.transaction()` rejects with "Commit failed (see commitError for details)"; the cause
 *   (errno 28, ENOSPC) is only on `error.commitError`, a second promise that nobody else handles;
 * - lmdb also rejects its internal commit promise, reachable only as `env.committed`: unhandled, Node's
 *   default ends the process (this is how a full disk crashed the till);
 * - the failed transaction left nothing behind (112 commits before it, 113 after the next small one: the
 *   failed one absent as a whole), and the next commit that fits succeeds.
 * So: await the commit here, handle both extra promises, and answer `storage.full` (no space, no quota) or
 * `storage.failed` (anything else), with the cause in the log only.
 */
import { KassaError } from '../kernel/errors';

/** What of an lmdb environment this file needs: its last commit, as a thenable (`env.committed`). */
export interface CommittingEnv {
  readonly committed: PromiseLike<unknown>;
}

/**
 * The narrow seam for tests of hosts that cannot mount a small tmpfs: when set, every commit through
 * `commitOrFail` fails with this errno before lmdb is asked, as a real full disk would (nothing written).
 */
let injectedErrno: number | undefined;

/** Tests only: make every following commit fail with `errno`, or stop. */
export function injectWriteFailure(errno: number | undefined): void {
  injectedErrno = errno;
}

const NO_SPACE = new Set([28 /* ENOSPC */, 122 /* EDQUOT */, -28, -122]);
const NO_SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);

function errnoOf(error: unknown): number | string | undefined {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = error.code;
    if (typeof code === 'number' || typeof code === 'string') {
      return code;
    }
  }
  return undefined;
}

/** storage.full for a full disk or quota, storage.failed for anything else. */
export function writeFailure(cause: unknown): KassaError {
  const code = errnoOf(cause);
  const full =
    (typeof code === 'number' && NO_SPACE.has(code)) ||
    (typeof code === 'string' && NO_SPACE_CODES.has(code));
  return full
    ? new KassaError(
        'storage.full',
        'The disk is full: the journal could not write this change; nothing was written.',
        {
          cause,
        },
      )
    : new KassaError('storage.failed', 'The journal could not write this change; nothing was written.', {
        cause,
      });
}

/** A failed commit (lmdb names the cause on `commitError`) or a system error with an errno. */
function isWriteFailure(error: unknown): boolean {
  if (error instanceof KassaError) {
    return false;
  }
  return (
    (error !== null && typeof error === 'object' && 'commitError' in error) || errnoOf(error) !== undefined
  );
}

/** lmdb's commit error names its cause only through a second promise; wait for it (briefly) to know which. */
async function causeOf(error: unknown): Promise<unknown> {
  if (error !== null && typeof error === 'object' && 'commitError' in error) {
    const inner = error.commitError;
    if (inner instanceof Promise) {
      try {
        await inner;
      } catch (cause) {
        return cause;
      }
    }
  }
  return error;
}

/**
 * Runs one commit (`env.transaction(...)`) and turns a failure into storage.full / storage.failed; the
 * environment stays usable. What the transaction's own callback throws passes through unchanged.
 */
export async function commitOrFail<T>(env: CommittingEnv, commit: () => Promise<T>): Promise<T> {
  if (injectedErrno !== undefined) {
    throw writeFailure(Object.assign(new Error('injected write failure'), { code: injectedErrno }));
  }
  try {
    return await commit();
  } catch (error) {
    if (!isWriteFailure(error)) {
      throw error; // the transaction's own callback threw (a bug or a refusal): not a disk problem
    }
    // The rejected internal commit promise: handled here so it cannot end the process.
    env.committed.then(undefined, () => undefined);
    throw writeFailure(await causeOf(error));
  }
}

/**
 * The same for a synchronous commit (`env.transactionSync`, which the journal uses: it commits and flushes before
 * it returns). A failed sync commit throws with its errno on the error itself; no extra promise is left behind.
 */
export function commitSyncOrFail<T>(commit: () => T): T {
  if (injectedErrno !== undefined) {
    throw writeFailure(Object.assign(new Error('injected write failure'), { code: injectedErrno }));
  }
  try {
    return commit();
  } catch (error) {
    if (!isWriteFailure(error)) {
      throw error;
    }
    const inner =
      error !== null && typeof error === 'object' && 'commitError' in error ? error.commitError : undefined;
    if (inner instanceof Promise) {
      inner.catch(() => undefined); // its cause is logged with the answer below; never left unhandled
    }
    throw writeFailure(error);
  }
}
