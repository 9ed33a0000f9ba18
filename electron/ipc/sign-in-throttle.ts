/**
 * Wrong manager codes are rate-limited for the whole till, not per connection (a new connection must not buy
 * new tries): the fifth wrong code in a row locks sign-in for 30 s, and each further one locks it again for
 * twice as long, up to 15 minutes.
 * A right code resets the count. See docs/architecture.md §3.1.
 */
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { LockStore } from '../storage/sign-in-lock';

export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * 60_000;

export interface SignInThrottle {
  /** Throws `session.locked` (params.seconds) while sign-in is locked. */
  check(): void;
  /** A wrong code: counts it, may lock; returns the `session.wrong-code` error to throw. */
  failed(): KassaError;
  succeeded(): void;
}

export function createSignInThrottle(deps: { clock: Clock; store: LockStore }): SignInThrottle {
  let state = deps.store.load();

  const lockedError = (until: number): KassaError => {
    const seconds = Math.max(1, Math.ceil((until - deps.clock.now()) / 1000));
    return new KassaError('session.locked', `Too many wrong codes: try again in ${seconds} s.`, {
      params: { seconds },
    });
  };

  return {
    check() {
      if (state.lockedUntil > deps.clock.now()) {
        throw lockedError(state.lockedUntil);
      }
    },
    failed() {
      const failures = state.failures + 1;
      const over = failures - FREE_ATTEMPTS + 1;
      const lockedUntil =
        over > 0 ? deps.clock.now() + Math.min(FIRST_LOCK_MS * 2 ** (over - 1), LONGEST_LOCK_MS) : 0;
      state = { failures, lockedUntil };
      deps.store.save(state);
      if (lockedUntil > 0) {
        return lockedError(lockedUntil);
      }
      const attemptsLeft = FREE_ATTEMPTS - failures;
      return new KassaError(
        'session.wrong-code',
        `That PIN or badge belongs to no manager (${attemptsLeft} more tries before sign-in locks).`,
        { params: { attemptsLeft } },
      );
    },
    succeeded() {
      if (state.failures !== 0 || state.lockedUntil !== 0) {
        state = { failures: 0, lockedUntil: 0 };
        deps.store.save(state);
      }
    },
  };
}
