/** Ipoteka-bank card attach dialog (cashier UI) — English; exactly the keys of card.mn.ts. */
import type { CatalogOf } from './catalog';
import type { cardMn } from './card.mn';

export const cardEn: CatalogOf<typeof cardMn> = {
  card: {
    open: 'Attach a card (Ipoteka)',
    title: 'Attach the customer’s card',
    hint: 'The card number goes to the bank once; the till does not keep it.',
    pan: 'Card number (16 digits)',
    expiry: 'Expiry (yyMM)',
    processing: 'Card type',
    phone: 'Phone number (998…)',
    send: 'Send the code',
    sentTo: 'The SMS code for card {{card}} was sent to {{phone}}.',
    code: 'SMS code',
    confirm: 'Attach the card',
    resend: 'Send the code again',
    resendIn: 'A new code in {{seconds}} s',
    attached: 'Card {{card}} is attached.',
    sandboxSms: 'Customer phone (sandbox): show the SMS',
    sandboxCode: 'SMS code: {{code}}',
    close: 'Close',
    invalid:
      'The card number is 16 digits, the expiry yyMM (e.g. 2812), the phone 12 digits starting with 998.',
  },
};
