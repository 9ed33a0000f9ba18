/** Test-only: a ProviderContext with a capturing logger, an in-memory secret map and an injectable clock. */
import type { SecretName } from '../../../shared/secrets';
import { systemClock, type Clock } from '../../kernel/clock';
import { KassaError } from '../../kernel/errors';
import { createCapturingLogger } from '../../log/logger';
import type { ProviderContext } from '../context';
import { ProviderError } from '../errors';
import { createSecretGuard } from '../secret-guard';
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
    // Nothing is bound: client tests see every request; the guard has its own tests (secret-guard.test.ts).
    secretGuard: createSecretGuard(),
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

/** The ProviderError a promise rejects with; fails the test when it resolves or throws something else. */
export async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError)) {
    const got =
      error === undefined
        ? 'success'
        : error instanceof Error
          ? `${error.name}: ${error.message}`
          : typeof error;
    throw new Error(`expected a ProviderError, got ${got}`);
  }
  return error;
}

/** Every text a failure could leak through: message, localised messages, cause chain. */
export function errorTexts(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    parts.push(current.message, JSON.stringify(current));
    if (current instanceof ProviderError) {
      parts.push(...Object.values(current.messages));
    }
    current = current.cause;
  }
  return parts.join('\n');
}
