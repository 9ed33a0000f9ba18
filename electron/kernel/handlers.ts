/**
 * How a domain implements its channels: a map from channel name to an async function of the parsed input.
 * A domain exports `create<Domain>Handlers(deps)` returning `HandlerMap<'sale' | 'catalog'>` (every channel
 * whose name starts with one of those prefixes); the composition root joins the maps and the type checker
 * proves every channel of the contract has exactly one handler.
 */
import type { CallerRole } from '../../shared/channel';
import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';

export interface CallContext {
  /** The role the call runs with (the connection's session applied; 'operator' for the CLI). */
  role: CallerRole;
  /** The host's per-connection key, when the caller is a page; the session lives on it. */
  connection: object | undefined;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>>;

/** The channel prefix of a name: `sale` for `sale:add-line`. */
export type ChannelPrefix = ChannelName extends `${infer P}:${string}` ? P : never;

/** The channels of one or more prefixes. */
export type ChannelsOf<P extends ChannelPrefix> = Extract<ChannelName, `${P}:${string}`>;

/** The handlers of every channel under the given prefixes; `HandlerMap<ChannelPrefix>` is the whole contract. */
export type HandlerMap<P extends ChannelPrefix> = { [K in ChannelsOf<P>]: Handler<K> };
