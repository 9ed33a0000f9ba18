/**
 * The one gate every IPC call passes, in every host:
 *   unknown channel → not_found · role may not invoke it → forbidden · input fails the contract → validation
 *   then the handler; its KassaError / ProviderError become stable codes; anything else is `internal` with a
 *   generic message (the detail goes to the redacted log, never to the page).
 * The role is the one the caller's session holds (ipc/sessions.ts), never something the payload says
 * (docs/architecture.md §3.1).
 */
import { MANAGER_ONLY, type CallerRole } from '../../shared/channel';
import { channels, isChannelName, roleMayInvoke } from '../../shared/contract';
import type { Envelope, IpcError } from '../../shared/errors';
import { KassaError } from '../kernel/errors';
import type { CallContext, ChannelPrefix, HandlerMap } from '../kernel/handlers';
import { describeIssues, issuesOf } from '../kernel/zod-issues';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { ProviderError } from '../providers/errors';

export type AllHandlers = HandlerMap<ChannelPrefix>;

export function toIpcError(error: unknown, redactor: Redactor): IpcError {
  if (error instanceof KassaError) {
    return {
      code: error.code,
      message: redactor.text(error.message),
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.providerCode ? { providerCode: error.providerCode } : {}),
      ...(error.params ? { params: error.params } : {}),
    };
  }
  if (error instanceof ProviderError) {
    return {
      code: `provider.${error.kind}`,
      message: redactor.text(error.message),
      ...(error.code ? { providerCode: error.code } : {}),
    };
  }
  return { code: 'internal', message: 'Something went wrong inside Kassa. The details are in the log.' };
}

export interface HandleDeps {
  handlers: AllHandlers;
  logger: Logger;
  redactor: Redactor;
  /** Tests turn this on to prove every output matches its schema; hosts leave it off. */
  validateOutput?: boolean;
}

export async function handle(
  deps: HandleDeps,
  role: CallerRole,
  channelName: string,
  input: unknown,
  connection?: object,
): Promise<Envelope<unknown>> {
  if (!isChannelName(channelName)) {
    return {
      ok: false,
      error: { code: 'not_found', message: `There is no channel named "${channelName.slice(0, 60)}".` },
    };
  }
  if (!roleMayInvoke(role, channelName)) {
    deps.logger.warn({ role, channel: channelName }, 'handle: refused a channel this role may not use');
    const managerWould = role === 'cashier' && roleMayInvoke(MANAGER_ONLY[0], channelName);
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: managerWould
          ? `Only a manager may use ${channelName}: sign in with a manager PIN first.`
          : `The ${role} role may not use ${channelName}.`,
        params: managerWould ? { channel: channelName, needs: 'manager' } : { channel: channelName },
      },
    };
  }
  const def = channels[channelName];
  const parsed = def.input.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return {
      ok: false,
      error: {
        code: 'validation',
        message: `Invalid input for ${channelName}: ${describeIssues(issues)}`,
        issues,
      },
    };
  }
  const ctx: CallContext = { role, connection };
  try {
    // The map is keyed by the same name; TypeScript cannot correlate the two generics, so narrow once here.
    const handler = deps.handlers[channelName] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    if (deps.validateOutput === true) {
      const out = def.output.safeParse(value);
      if (!out.success) {
        throw new Error(
          `output of ${channelName} does not match the contract: ${describeIssues(issuesOf(out.error))}`,
        );
      }
    }
    return { ok: true, value };
  } catch (error) {
    const ipcError = toIpcError(error, deps.redactor);
    if (ipcError.code === 'internal') {
      deps.logger.error({ channel: channelName, err: error }, `handle: ${channelName} failed`);
    } else {
      deps.logger.info(
        { channel: channelName, code: ipcError.code },
        `handle: ${channelName} → ${ipcError.code}`,
      );
    }
    return { ok: false, error: ipcError };
  }
}
