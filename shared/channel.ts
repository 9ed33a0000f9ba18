/**
 * Building blocks of the IPC contract. A channel is `{ input, output, roles }`; an event is a schema plus the
 * roles that may receive it. Each domain declares its channels in shared/channels/<domain>.ts and
 * shared/contract.ts joins them; a new feature only adds entries.
 */
import type { z } from 'zod';

export const ROLES = ['cashier', 'display'] as const;
export type Role = (typeof ROLES)[number];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Who may invoke it. The host decides the role from the sender, never from the payload. */
  readonly roles: readonly Role[];
  /** One line for the CLI's help and the docs. */
  readonly summary: string;
}

export interface EventDef<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly roles: readonly Role[];
}

/** A cashier-only channel unless `roles` says otherwise. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  summary: string;
  roles?: readonly Role[];
}): ChannelDef<I, O> {
  return { input: def.input, output: def.output, summary: def.summary, roles: def.roles ?? ['cashier'] };
}

export function event<S extends z.ZodType>(schema: S, roles: readonly Role[] = ['cashier']): EventDef<S> {
  return { schema, roles };
}

/** 'sale:add-line' → 'saleAddLine': the preload's method name for a channel. */
export type MethodName<S extends string> = S extends `${infer A}:${infer B}`
  ? `${A}${Capitalize<MethodName<B>>}`
  : S extends `${infer A}-${infer B}`
    ? `${A}${Capitalize<MethodName<B>>}`
    : S;

export function methodName<S extends string>(channelName: S): MethodName<S> {
  return channelName.replace(/[:-]([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) as MethodName<S>;
}
