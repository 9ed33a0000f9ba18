/**
 * How a domain implements its channels: a map from channel name to an async function of the parsed input.
 * Domains export `create<Domain>Handlers(deps)` returning `HandlerMap<'<domain>:a' | '<domain>:b'>`;
 * createKassa joins them and the type checker proves every channel of the contract has exactly one handler.
 */
import type { Role } from '../../shared/channel';
import type { ChannelName, ChannelOutput, EventName, EventPayload, ParsedInput } from '../../shared/contract';

export interface CallContext {
  role: Role;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>>;

export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> };

/** Typed events from the core to every subscribed page (filtered by role in the hosts). */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        listener(payload);
      }
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
