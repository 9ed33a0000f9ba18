/**
 * A fake `window.kassa` for renderer tests: every channel answers from a handler the test supplies, and
 * every call is recorded. The bridge picks up `window.kassa` exactly as it does under Electron — and keeps
 * it for the page's life, so one fake object is installed per test file and only its handlers change.
 */
import { methodName } from '../../../shared/channel';
import { CHANNEL_NAMES, type ChannelName, type KassaApi } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

export type FakeHandlers = Partial<Record<ChannelName, (input: unknown) => Envelope<unknown>>>;
export interface FakeCall {
  channel: ChannelName;
  input: unknown;
}

let handlers: FakeHandlers = {};
let calls: FakeCall[] = [];

function buildApi(): KassaApi {
  const api: Record<string, unknown> = { on: () => () => undefined };
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
