/**
 * Sessions on their own (docs/architecture.md §3.1): the connection decides the person, PINs
 * and badges are checked against hashes, wrong codes lock sign-in for the whole till across restarts, and a
 * manager session ends on sign-out, idle, removal or when the host ends the connection.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { MANAGERS_FILE_NAME, openManagerStore, type ManagerStore } from '../storage/managers';
import { openSignInLockStore } from '../storage/sign-in-lock';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createSessions, type Sessions } from './sessions';
import { createSignInThrottle, FREE_ATTEMPTS } from './sign-in-throttle';

const IDLE_MS = 60_000;
let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

interface Fixture {
  dir: string;
  clock: ManualClock;
  managers: ManagerStore;
  sessions: Sessions;
  profile: { value: Profile };
  /** The same data dir opened again, as after a restart. */
  reopen(): Sessions;
}

function fixture(): Fixture {
  const t = tempDataDir();
  cleanup = t.cleanup;
  const clock = new ManualClock(1_700_000_000_000);
  const profile = { value: 'sandbox' as Profile };
  const open = (): { managers: ManagerStore; sessions: Sessions } => {
    const managers = openManagerStore({ dataDir: t.dir, clock });
    const sessions = createSessions({
      managers,
      throttle: createSignInThrottle({ clock, store: openSignInLockStore(t.dir) }),
      clock,
      logger: createCapturingLogger().logger,
      profile: () => profile.value,
      idleMs: IDLE_MS,
    });
    return { managers, sessions };
  };
  const first = open();
  return { dir: t.dir, clock, profile, ...first, reopen: () => open().sessions };
}

async function failure(promise: Promise<unknown>): Promise<KassaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KassaError);
  return error as KassaError;
}

describe('sessions', () => {
  it('a connection is a cashier until a manager signs in on it; other connections stay cashiers', async () => {
    const f = fixture();
    await f.managers.add('Oyuna', '4821');
    const till = {};
    const other = {};
    expect(f.sessions.roleOf(till)).toBe('cashier');
    const view = await f.sessions.signIn(till, '4821');
    expect(view).toMatchObject({
      role: 'manager',
      manager: { name: 'Oyuna' },
      expiresAt: f.clock.now() + IDLE_MS,
    });
    expect(f.sessions.roleOf(till)).toBe('manager');
    expect(f.sessions.roleOf(other)).toBe('cashier');
    expect(f.sessions.roleOf(undefined)).toBe('cashier');
    expect(f.sessions.signOut(till).role).toBe('cashier');
    expect(f.sessions.roleOf(till)).toBe('cashier');
  });

  it('PINs are stored as salted scrypt hashes in an owner-only file', async () => {
    const f = fixture();
    await f.managers.add('Oyuna', '482193');
    await f.managers.add('Bat', '482194');
    const path = join(f.dir, MANAGERS_FILE_NAME);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('482193');
    expect(text).toContain('"algorithm": "scrypt"');
    const file = JSON.parse(text) as { managers: { pin: { salt: string } }[] };
    expect(file.managers[0]?.pin.salt).not.toBe(file.managers[1]?.pin.salt);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('a badge code signs in like the PIN; a code two managers would share is refused', async () => {
    const f = fixture();
    await f.managers.add('Oyuna', '4821');
    await f.managers.add('Bat', '9999');
    await f.managers.setBadge('Oyuna', 'EMP-000731');
    expect((await f.sessions.signIn({}, 'EMP-000731')).manager?.name).toBe('Oyuna');
    expect((await failure(f.managers.add('Dorj', '4821'))).code).toBe('validation');
    expect((await failure(f.managers.setBadge('Bat', 'EMP-000731'))).code).toBe('validation');
  });

  it('wrong codes: counted, then sign-in locks for the whole till — even the right PIN — and survives a restart', async () => {
    const f = fixture();
    await f.managers.add('Oyuna', '4821');
    for (let i = 1; i < FREE_ATTEMPTS; i += 1) {
      const wrong = await failure(f.sessions.signIn({}, '0000'));
      expect(wrong.code).toBe('session.wrong-code');
      expect(wrong.params).toEqual({ attemptsLeft: FREE_ATTEMPTS - i });
    }
    const locking = await failure(f.sessions.signIn({}, '0000'));
    expect(locking).toMatchObject({ code: 'session.locked', params: { seconds: 30 } });
    // A new connection, and the right PIN, are refused while locked; so is a restarted till.
    expect((await failure(f.sessions.signIn({}, '4821'))).code).toBe('session.locked');
    expect((await failure(f.reopen().signIn({}, '4821'))).code).toBe('session.locked');

    f.clock.advance(30_000);
    const again = await failure(f.sessions.signIn({}, '1111'));
    expect(again).toMatchObject({ code: 'session.locked', params: { seconds: 60 } });
    f.clock.advance(60_000);
    expect((await f.sessions.signIn({}, '4821')).role).toBe('manager');
    // A right code resets the count.
    expect((await failure(f.sessions.signIn({}, '0000'))).code).toBe('session.wrong-code');
  });

  it('ends after the idle time without a manager action; a manager action keeps it', async () => {
    const f = fixture();
    await f.managers.add('Oyuna', '4821');
    const till = {};
    await f.sessions.signIn(till, '4821');
    f.clock.advance(IDLE_MS - 1);
    f.sessions.touch(till);
    f.clock.advance(IDLE_MS - 1);
    expect(f.sessions.roleOf(till)).toBe('manager');
    f.clock.advance(1);
    expect(f.sessions.roleOf(till)).toBe('cashier');
    expect(f.sessions.view(till)).toMatchObject({ role: 'cashier', manager: null, expiresAt: null });
  });

  it('ends when the host ends the connection, or when the manager is removed', async () => {
    const f = fixture();
    await f.managers.add('Oyuna', '4821');
    const a = {};
    const b = {};
    await f.sessions.signIn(a, '4821');
    await f.sessions.signIn(b, '4821');
    f.sessions.end(a);
    expect(f.sessions.roleOf(a)).toBe('cashier');
    expect(f.sessions.roleOf(b)).toBe('manager');
    f.managers.remove('Oyuna');
    expect(f.sessions.roleOf(b)).toBe('cashier');
  });

  it('no connection, no session; no managers, a clear code', async () => {
    const f = fixture();
    expect((await failure(f.sessions.signIn({}, '4821'))).code).toBe('session.no-managers');
    await f.managers.add('Oyuna', '4821');
    expect((await failure(f.sessions.signIn(undefined, '4821'))).code).toBe('state.conflict');
  });

  it('the first manager may be created from the page only on a fresh sandbox till', async () => {
    const f = fixture();
    f.profile.value = 'production';
    expect(f.sessions.view({}).canCreateFirstManager).toBe(false);
    expect((await failure(f.sessions.createFirstManager({}, 'Oyuna', '4821'))).code).toBe('forbidden');
    f.profile.value = 'sandbox';
    expect(f.sessions.view({}).canCreateFirstManager).toBe(true);
    const till = {};
    expect(await f.sessions.createFirstManager(till, 'Oyuna', '4821')).toMatchObject({
      role: 'manager',
      managersExist: true,
      canCreateFirstManager: false,
    });
    expect((await failure(f.sessions.createFirstManager({}, 'Mallory', '1234'))).code).toBe('forbidden');
    expect(f.managers.list().map((m) => m.name)).toEqual(['Oyuna']);
  });

  it('a damaged managers file refuses to start instead of dropping managers', () => {
    const f = fixture();
    const path = join(f.dir, MANAGERS_FILE_NAME);
    writeFileSync(path, '{"version":1,"managers":[{"name":"x"}]}');
    expect(() => openManagerStore({ dataDir: f.dir, clock: f.clock })).toThrow(path);
  });
});
