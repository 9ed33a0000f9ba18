/**
 * Test-only: a manager added by the operator and a page connection signed in as them, the way a host's
 * connection would be (docs/architecture.md §3.1).
 */
import type { Envelope } from '../../shared/errors';
import type { Kassa } from '../core/kassa';

export const TEST_MANAGER = { name: 'Test manager', pin: '246813' } as const;

export interface ManagerConnection {
  /** The per-connection key the session lives on (what a host passes: a socket, a WebContents). */
  connection: object;
  /** Invoke from the cashier page over this connection. */
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
}

export async function signInManager(kassa: Kassa, manager = TEST_MANAGER): Promise<ManagerConnection> {
  const list = await kassa.invoke('operator', 'managers:list', {});
  const exists = list.ok && (list.value as { name: string }[]).some((m) => m.name === manager.name);
  if (!exists) {
    const added = await kassa.invoke('operator', 'managers:add', manager);
    if (!added.ok) {
      throw new Error(`managers:add failed: ${added.error.code} ${added.error.message}`);
    }
  }
  const connection = {};
  const signedIn = await kassa.invoke('cashier', 'session:sign-in', { code: manager.pin }, connection);
  if (!signedIn.ok) {
    throw new Error(`session:sign-in failed: ${signedIn.error.code} ${signedIn.error.message}`);
  }
  return {
    connection,
    invoke: (channel, input) => kassa.invoke('cashier', channel, input, connection),
  };
}
