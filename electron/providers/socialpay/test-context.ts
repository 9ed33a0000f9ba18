/** Test-only: a ProviderContext with a capturing logger and an in-memory secret map. */
import type { SecretName } from '../../../shared/secrets';
import { systemClock, type Clock } from '../../core/clock';
import { KassaError } from '../../core/errors';
import { createCapturingLogger } from '../../log/logger';
import type { ProviderContext } from '../context';
import { startSimulatorServer } from '../simulator-kit';

export function testContext(
  secrets: Partial<Record<SecretName, string>>,
  options: { timeoutMs?: number; clock?: Clock } = {},
): { ctx: ProviderContext; lines: string[] } {
  const { logger, redactor, lines } = createCapturingLogger();
  const ctx: ProviderContext = {
    clock: options.clock ?? systemClock,
    logger,
    redactor,
    // Deliberately not registered with the redactor here: the clients must do that themselves.
    secret: (name) => {
      const value = secrets[name];
      return value === undefined
        ? Promise.reject(new KassaError('secret.missing', `secret ${name} is not set`))
        : Promise.resolve(value);
    },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  return { ctx, lines };
}

/** A loopback URL nothing listens on (a server was bound there and closed): connection refused. */
export async function closedPortUrl(): Promise<string> {
  const server = await startSimulatorServer(() => ({ status: 200 }));
  const { url } = server;
  await server.close();
  return url;
}
