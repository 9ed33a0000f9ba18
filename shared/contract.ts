/**
 * The one IPC contract. Every host (Electron, browser, CLI) carries exactly these channels and events, and
 * every side derives its types from here. The channel and event maps are joined in shared/channels/index.ts;
 * add a domain there.
 */
import type { z } from 'zod';
import type { CallerRole, MethodName, Page } from './channel';
import { channels, events } from './channels';
import type { Envelope } from './errors';

export { channels, events };

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

/** What a caller may pass (before defaults are applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['schema']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** The operator (the `kassa` CLI) may invoke every channel; a page's role only those that list it. */
export function roleMayInvoke(role: CallerRole, name: ChannelName): boolean {
  return role === 'operator' || channels[name].roles.includes(role);
}

export function pageMayReceive(page: Page, name: EventName): boolean {
  return events[name].pages.includes(page);
}

export type Unsubscribe = () => void;

/**
 * The API a page sees, whichever host it runs in: one named method per channel plus event subscription.
 * The Electron preload closes its object with `satisfies KassaApi`; the browser bridge builds the same shape.
 */
export type KassaApi = {
  readonly [C in ChannelName as MethodName<C>]: (
    input: ChannelInput<C>,
  ) => Promise<Envelope<ChannelOutput<C>>>;
} & {
  readonly on: <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** The display page's smaller API: only what the display role may use. */
export interface KassaDisplayApi {
  readonly displayReady: (
    input: ChannelInput<'display:ready'>,
  ) => Promise<Envelope<ChannelOutput<'display:ready'>>>;
  readonly onUpdate: (listener: (payload: EventPayload<'display:update'>) => void) => Unsubscribe;
}
