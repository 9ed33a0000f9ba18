/**
 * Handler maps typed from a domain's own channel map. They are structurally identical to
 * HandlerMap<keyof typeof xChannels> from electron/core/handlers.ts once the lead spreads the channel maps
 * into shared/contract.ts — this only lets the domain type-check before that happens.
 */
import type { z } from 'zod';
import type { ChannelDef } from '../../shared/channel';
import type { CallContext } from '../core/handlers';

export type DomainHandlers<M extends Record<string, ChannelDef>> = {
  [K in keyof M]: (input: z.output<M[K]['input']>, ctx: CallContext) => Promise<z.output<M[K]['output']>>;
};
