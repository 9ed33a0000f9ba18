/**
 * Handlers of the session:* channels (who this connection acts as) and the operator's managers:* channels
 * (docs/architecture.md §3.1). The connection comes from the gate's call context, which the
 * host filled in — never from the input.
 */
import type { HandlerMap } from '../kernel/handlers';
import type { Sessions } from '../ipc/sessions';
import type { ManagerStore } from '../storage/managers';

export function createSessionHandlers(deps: {
  sessions: Sessions;
  managers: ManagerStore;
}): HandlerMap<'session' | 'managers'> {
  const { sessions, managers } = deps;
  return {
    'session:status': (_input, ctx) => Promise.resolve(sessions.view(ctx.connection)),
    'session:sign-in': ({ code }, ctx) => sessions.signIn(ctx.connection, code),
    'session:sign-out': (_input, ctx) => Promise.resolve(sessions.signOut(ctx.connection)),
    'session:create-first-manager': ({ name, pin }, ctx) =>
      sessions.createFirstManager(ctx.connection, name, pin),
    'managers:list': () => Promise.resolve(managers.list()),
    'managers:add': ({ name, pin }) => managers.add(name, pin),
    'managers:set-pin': ({ name, pin }) => managers.setPin(name, pin),
    'managers:set-badge': ({ name, badge }) => managers.setBadge(name, badge),
    'managers:remove': ({ name }) => {
      managers.remove(name);
      return Promise.resolve(managers.list());
    },
  };
}
