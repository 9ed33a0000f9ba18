/**
 * A fake `window.kassa` for renderer tests: every channel answers from a handler the test supplies, and
 * every call is recorded; `emit` plays an event from main to whoever subscribed. The bridge picks up
 * `window.kassa` exactly as it does under Electron — and keeps it for the page's life, so one fake object is
 * installed per test file and only its handlers change.
 */
import { methodName } from '../../../shared/channel';
import {
  CHANNEL_NAMES,
  type ChannelName,
  type EventName,
  type EventPayload,
  type KassaApi,
} from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

export type FakeHandlers = Partial<Record<ChannelName, (input: unknown) => Envelope<unknown>>>;
export interface FakeCall {
  channel: ChannelName;
  input: unknown;
}

let handlers: FakeHandlers = {};
let calls: FakeCall[] = [];
const listeners = new Map<string, Set<(payload: unknown) => void>>();

function buildApi(): KassaApi {
  const api: Record<string, unknown> = {
    on: (name: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  };
  for (const channel of CHANNEL_NAMES) {
    api[methodName(channel)] = (input: unknown) => {
      calls.push({ channel, input });
      const handler = handlers[channel];
      return Promise.resolve(
        handler
          ? handler(input)
          : { ok: false, error: { code: 'internal', message: `no fake for ${channel}` } },
      );
    };
  }
  // Same boundary cast as the bridge's socket API: the object is built from the contract's channel list.
  return api as unknown as KassaApi;
}

export function installFakeKassa(next: FakeHandlers): { calls: FakeCall[] } {
  handlers = next;
  calls = [];
  window.kassa ??= buildApi();
  return { calls };
}

/** Main publishes an event: every current subscriber gets it. */
export function emitFakeEvent<E extends EventName>(name: E, payload: EventPayload<E>): void {
  for (const listener of listeners.get(name) ?? []) {
    listener(payload);
  }
}
