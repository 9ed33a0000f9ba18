/** card:* channels: the Ipoteka-bank card attach flow (payments/card-attach.ts). */
import type { HandlerMap } from '../kernel/handlers';
import type { CardAttachService } from './card-attach';

export function createCardAttachHandlers(service: CardAttachService): HandlerMap<'card'> {
  return {
    'card:attach-start': (input) => service.start(input),
    'card:attach-confirm': ({ attachId, code }) => service.confirm(attachId, code),
  };
}
