/**
 * Building blocks of the IPC contract. A channel is `{ input, output, roles }`; an event is a schema plus the
 * pages that receive it. Each domain declares its channels in shared/channels/<domain>.ts and
 * shared/contract.ts joins them; a new feature only adds entries.
 */
import type { z } from 'zod';

/**
 * The page a message comes from. The host decides it from the sender (Electron: the webContents; browser host:
 * the per-launch token the page presented), never from the payload.
 */
export const PAGES = ['cashier', 'display'] as const;
export type Page = (typeof PAGES)[number];

/**
 * Who may invoke a channel. The cashier page acts as the person signed in on its connection: a `cashier` by
 * default, a `manager` after a PIN (or badge) sign-in, until sign-out or the idle timeout. The `display` page is
 * always `display`. See docs/architecture.md §3.1.
 */
export const ROLES = ['cashier', 'manager', 'display'] as const;
export type Role = (typeof ROLES)[number];

/** What a host hands the core with each call: the page it decided, or the machine's operator (the CLI). */
export type Caller = Page | 'operator';
/** The role a call runs with once the connection's session is applied; the operator has every right. */
export type CallerRole = Role | 'operator';

/** Everyone at the cashier page: the default of a channel. */
export const STAFF = ['cashier', 'manager'] as const satisfies readonly Role[];
/** Settings and provider endpoints, going live, refunds, void after payment, catalog import, scanners. */
export const MANAGER_ONLY = ['manager'] as const satisfies readonly Role[];
/** No page at all: only the machine's operator (the `kassa` CLI), e.g. adding managers. */
export const OPERATOR_ONLY = [] as const satisfies readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Who may invoke it; the operator always may. The gate checks this before the input is parsed. */
  readonly roles: readonly Role[];
  /** One line for the CLI's help and the docs. */
  readonly summary: string;
}

export interface EventDef<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  /** The pages that receive it (events go to pages, whoever is signed in there). */
  readonly pages: readonly Page[];
}

/** A channel for everyone at the cashier page (cashier and manager) unless `roles` says otherwise. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  summary: string;
  roles?: readonly Role[];
}): ChannelDef<I, O> {
  return { input: def.input, output: def.output, summary: def.summary, roles: def.roles ?? STAFF };
}

export function event<S extends z.ZodType>(schema: S, pages: readonly Page[] = ['cashier']): EventDef<S> {
  return { schema, pages };
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
