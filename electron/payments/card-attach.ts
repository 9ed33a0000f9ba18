/**
 * Ipoteka-bank card attach with an SMS code, as a flow the cashier runs (docs/providers.md §6.4–6.5,
 * docs/architecture.md "Providers"): start sends the card to the bank, which texts a code to the customer;
 * confirm sends the code and the bank attaches the card.
 *
 * What this keeps, in memory only and for this run: each attachment's id, masked card number, card type and
 * the bank's masked phone — enough to show the dialog again and to refuse a code for an attachment it never
 * started. The card number and expiry are used for the one request and dropped; the card token the bank
 * returns grants future charges and nothing in the till charges an attached card yet, so it is not kept at
 * all (the bank holds the attachment). Nothing here is journaled; the log sees the masked number only.
 */
import type { CardAttachView } from '../../shared/channels/card';
import type { Country } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import { cardAttachError } from './card-attach-errors';

export type CardProcessing = CardAttachView['processingType'];

/** The BaaS client's card calls (electron/providers/baas/client.ts). */
export interface CardAttachClient {
  attachCard(req: {
    pan: string;
    expiry: string;
    processingType: CardProcessing;
    phoneNumber: string;
  }): Promise<{ attachId: string; maskedPan: string; maskedPhone?: string; resendAvailableAt?: number }>;
  confirmCardAttach(req: { attachId: string; smsCode: string }): Promise<{ cardToken: string }>;
}

export interface CardAttachDeps {
  client(): Promise<CardAttachClient>;
  country(): Country;
  logger: Logger;
}

export interface CardAttachStart {
  pan: string;
  expiry: string;
  processingType: CardProcessing;
  phone: string;
}

/** How many attachments are remembered (a till attaches a few cards a day; older ones are dropped). */
const REMEMBERED = 50;

export class CardAttachService {
  readonly #deps: CardAttachDeps;
  readonly #attachments = new Map<string, CardAttachView>();

  constructor(deps: CardAttachDeps) {
    this.#deps = deps;
  }

  async start(input: CardAttachStart): Promise<CardAttachView> {
    this.#onlyInUzbekistan();
    const client = await this.#deps.client();
    const started = await client
      .attachCard({
        pan: input.pan,
        expiry: input.expiry,
        processingType: input.processingType,
        phoneNumber: input.phone,
      })
      .catch((error: unknown) => {
        throw cardAttachError(error);
      });
    const view: CardAttachView = {
      attachId: started.attachId,
      state: 'awaiting-code',
      maskedPan: started.maskedPan,
      processingType: input.processingType,
      ...(started.maskedPhone === undefined ? {} : { maskedPhone: started.maskedPhone }),
      ...(started.resendAvailableAt === undefined ? {} : { resendAvailableAt: started.resendAvailableAt }),
    };
    this.#remember(view);
    this.#deps.logger.info(
      { attachId: view.attachId, card: view.maskedPan, processingType: view.processingType },
      'card attach: SMS code sent',
    );
    return view;
  }

  async confirm(attachId: string, code: string): Promise<CardAttachView> {
    this.#onlyInUzbekistan();
    const known = this.#attachments.get(attachId);
    if (known === undefined) {
      throw new KassaError('not_found', 'This till started no card attach with this id; start again.');
    }
    if (known.state === 'attached') {
      return known;
    }
    const client = await this.#deps.client();
    await client.confirmCardAttach({ attachId, smsCode: code }).catch((error: unknown) => {
      throw cardAttachError(error);
    });
    // The token is deliberately dropped here (see the file comment).
    const attached: CardAttachView = { ...known, state: 'attached' };
    this.#remember(attached);
    this.#deps.logger.info({ attachId, card: attached.maskedPan }, 'card attach: card attached');
    return attached;
  }

  #onlyInUzbekistan(): void {
    if (this.#deps.country() !== 'UZ') {
      throw new KassaError(
        'state.conflict',
        'Card attach is an Ipoteka-bank service: it is offered only when the store is in Uzbekistan.',
      );
    }
  }

  #remember(view: CardAttachView): void {
    this.#attachments.delete(view.attachId);
    this.#attachments.set(view.attachId, view);
    for (const oldest of this.#attachments.keys()) {
      if (this.#attachments.size <= REMEMBERED) {
        break;
      }
      this.#attachments.delete(oldest);
    }
  }
}
