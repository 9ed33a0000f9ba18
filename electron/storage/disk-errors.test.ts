/**
 * commitOrFail (disk-errors.ts) without a disk: the injected failure stands for a full disk and writes nothing;
 * lmdb's failed commit is classified by the cause on its `commitError` promise; lmdb's rejected internal commit
 * promise is handled; what the transaction's own callback throws passes through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KassaError } from '../kernel/errors';
import { commitOrFail, injectWriteFailure, type CommittingEnv } from './disk-errors';

afterEach(() => {
  injectWriteFailure(undefined);
});

/** An lmdb-like failed commit: the error, its cause on a second promise, and a rejected `committed`. */
function failedCommit(errno: number): { env: CommittingEnv; error: Error; handled: () => boolean } {
  const cause = Object.assign(new Error(`errno ${String(errno)}`), { code: errno });
  const commitError = Promise.reject(cause);
  let handled = false;
  const committed = Promise.reject(new Error('Commit failed (see commitError for details)'));
  const env: CommittingEnv = {
    committed: {
      then(onfulfilled, onrejected) {
        handled = onrejected !== undefined && onrejected !== null;
        return committed.then(onfulfilled, onrejected);
      },
    },
  };
  const error = Object.assign(new Error('Commit failed (see commitError for details)'), { commitError });
  return { env, error, handled: () => handled };
}

describe('commitOrFail', () => {
  it('an injected ENOSPC is storage.full and the commit is never run', async () => {
    injectWriteFailure(28);
    let ran = false;
    const commit = (): Promise<void> => {
      ran = true;
      return Promise.resolve();
    };
    await expect(commitOrFail({ committed: Promise.resolve() }, commit)).rejects.toMatchObject({
      code: 'storage.full',
    });
    expect(ran).toBe(false);
    injectWriteFailure(5); // EIO
    await expect(commitOrFail({ committed: Promise.resolve() }, commit)).rejects.toMatchObject({
      code: 'storage.failed',
    });
  });

  it.each([
    [28, 'storage.full'],
    [122, 'storage.full'],
    [5, 'storage.failed'],
  ])(
    'an lmdb commit failing with errno %s is %s, and lmdb’s own rejected promise is handled',
    async (errno, code) => {
      const { env, error, handled } = failedCommit(errno);
      const failing = (): Promise<void> => Promise.reject(error);
      await expect(commitOrFail(env, failing)).rejects.toMatchObject({ code });
      expect(handled()).toBe(true);
    },
  );

  it('what the transaction callback throws passes through unchanged', async () => {
    const mine = new KassaError('validation', 'refused by the callback');
    await expect(commitOrFail({ committed: Promise.resolve() }, () => Promise.reject(mine))).rejects.toBe(
      mine,
    );
    const bug = new TypeError('a bug');
    await expect(commitOrFail({ committed: Promise.resolve() }, () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
