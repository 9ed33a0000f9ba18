/**
 * Who each connection acts as (docs/architecture.md §3.1). The host decides the page from the
 * sender and hands the core a per-connection key (the WebSocket, the WebContents); the session kept on that key
 * decides the person: a cashier unless a manager signed in on it. Nothing in a payload can change it.
 *
 * A manager session ends on sign-out, when the host ends the connection (close, reload), when the manager is
 * removed, or after `idleMs` without a manager-only call — so a manager who walks away does not leave the
 * cashier with manager rights for the rest of the shift.
 */
import type { SessionView } from '../../shared/channels/session';
import type { Profile } from '../../shared/settings';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import type { ManagerStore } from '../storage/managers';
import type { SignInThrottle } from './sign-in-throttle';

export const DEFAULT_SESSION_IDLE_MS = 5 * 60_000;

interface ManagerSession {
  name: string;
  lastActive: number;
}

export interface Sessions {
  /** The role a page connection acts as now (expired sessions end here). */
  roleOf(connection: object | undefined): 'cashier' | 'manager';
  /** A manager-only call succeeded on this connection: the idle clock starts again. */
  touch(connection: object | undefined): void;
  view(connection: object | undefined): SessionView;
  signIn(connection: object | undefined, code: string): Promise<SessionView>;
  signOut(connection: object | undefined): SessionView;
  /** Fresh sandbox till, no manager yet: create one and sign this connection in as them. */
  createFirstManager(connection: object | undefined, name: string, pin: string): Promise<SessionView>;
  /** The host ends the connection's session (closed, reloaded). */
  end(connection: object): void;
}

export interface SessionsDeps {
  managers: ManagerStore;
  throttle: SignInThrottle;
  clock: Clock;
  logger: Logger;
  profile(): Profile;
  idleMs?: number;
}

export function createSessions(deps: SessionsDeps): Sessions {
  const idleMs = deps.idleMs ?? DEFAULT_SESSION_IDLE_MS;
  // Keyed by the host's connection object: a closed connection's session goes with it.
  const sessions = new WeakMap<object, ManagerSession>();
  // Two pages racing to create "the first" manager: only one may.
  let creatingFirst = false;

  const live = (connection: object | undefined): ManagerSession | undefined => {
    if (connection === undefined) {
      return undefined;
    }
    const session = sessions.get(connection);
    if (!session) {
      return undefined;
    }
    const stillManager = deps.managers.list().some((m) => m.name === session.name);
    if (!stillManager || deps.clock.now() - session.lastActive >= idleMs) {
      sessions.delete(connection);
      deps.logger.info({ manager: session.name }, 'session: manager session ended (idle or removed)');
      return undefined;
    }
    return session;
  };

  const view = (connection: object | undefined): SessionView => {
    const session = live(connection);
    const managersExist = deps.managers.count() > 0;
    return {
      role: session ? 'manager' : 'cashier',
      manager: session ? { name: session.name } : null,
      expiresAt: session ? session.lastActive + idleMs : null,
      managersExist,
      canCreateFirstManager: !managersExist && deps.profile() === 'sandbox',
    };
  };

  const requireConnection = (connection: object | undefined): object => {
    if (connection === undefined) {
      throw new KassaError('state.conflict', 'A manager session needs a page connection to live on.');
    }
    return connection;
  };

  const start = (connection: object, name: string): SessionView => {
    sessions.set(connection, { name, lastActive: deps.clock.now() });
    deps.logger.info({ manager: name }, 'session: manager signed in');
    return view(connection);
  };

  return {
    roleOf: (connection) => (live(connection) ? 'manager' : 'cashier'),
    touch(connection) {
      const session = live(connection);
      if (session) {
        session.lastActive = deps.clock.now();
      }
    },
    view,
    async signIn(connection, code) {
      const key = requireConnection(connection);
      if (deps.managers.count() === 0) {
        throw new KassaError(
          'session.no-managers',
          'This till has no manager yet: add one with `kassa managers add NAME`.',
        );
      }
      deps.throttle.check();
      const manager = await deps.managers.verify(code);
      if (manager === null) {
        deps.logger.warn('session: a wrong manager code was typed');
        throw deps.throttle.failed();
      }
      deps.throttle.succeeded();
      return start(key, manager.name);
    },
    signOut(connection) {
      if (connection !== undefined && sessions.delete(connection)) {
        deps.logger.info('session: manager signed out');
      }
      return view(connection);
    },
    async createFirstManager(connection, name, pin) {
      const key = requireConnection(connection);
      if (creatingFirst || deps.managers.count() > 0 || deps.profile() !== 'sandbox') {
        throw new KassaError(
          'forbidden',
          'Managers are added by the operator (`kassa managers add NAME`) once a till has one or leaves the sandbox.',
        );
      }
      creatingFirst = true;
      try {
        const created = await deps.managers.add(name, pin);
        return start(key, created.name);
      } finally {
        creatingFirst = false;
      }
    },
    end(connection) {
      sessions.delete(connection);
    },
  };
}
