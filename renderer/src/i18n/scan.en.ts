/** Scans and the sandbox scanner (cashier UI) — English; exactly the keys of scan.mn.ts. */
import type { CatalogOf } from './catalog';
import type { scanMn } from './scan.mn';

export const scanEn: CatalogOf<typeof scanMn> = {
  scan: {
    errors: {
      'product-not-found': 'No product has the code {{barcode}}.',
      'invalid-checksum': '{{barcode}} did not read right (wrong check digit). Scan it again.',
      'unknown-code': 'Not a code Kassa knows: {{text}}',
      'sold-by-weight':
        '{{product}} is sold by weight: scan its scale label, or press F5 to enter the weight.',
      'not-sold-by-weight': '{{product}} is sold by the piece; a weight label does not fit it.',
      'label-without-value': 'The scale label {{barcode}} carries no weight or price.',
      'quantity-too-large': 'That weight is more than one line can hold (up to 1,000 kg).',
      'wrong-currency': '{{product}} is priced in another currency than this sale.',
      'payment-in-progress': 'A payment is waiting or taken: finish or cancel it before adding items.',
      'receipt-during-payment': 'Finish the payment first, then scan the receipt QR on the E-receipt screen.',
      'buyer-code-outside-approval':
        "That is a buyer's code (register number, phone or eBarimt code). Identify buyers on the E-receipt screen.",
      'dialog-open': 'Close the open window (Esc), then scan again.',
      'not-on-this-screen': 'Items are not scanned in the journal. Go to the sale (F10).',
      'scanner-test':
        'The scanner works: read a {{kind}}, {{length}} characters. Scans are not used in Settings.',
      'approval-busy': 'E-receipt is waiting for the answer to the last scan. Scan again when it shows.',
      'sale-not-editable': 'This sale cannot take items right now. Try again.',
      failed: 'The scan could not be carried out. The details are in the log.',
    },
    unsent: 'The scan did not reach the till ({{code}}). Scan it again.',
    kinds: {
      ean13: 'EAN-13 barcode',
      ean8: 'EAN-8 barcode',
      upca: 'UPC-A barcode',
      weight: 'weight label',
      price: 'price label',
      'invalid-checksum': 'bad barcode',
      'ebarimt-qr': 'eBarimt receipt QR',
      'customer-no': 'eBarimt code',
      regno: 'register number',
      phone: 'phone number',
      unknown: 'other code',
    },
    dismiss: 'Dismiss',
    sandbox: {
      title: 'Sandbox scanner (HID)',
      hint: 'Scans like a real HID POS scanner: its reports go through the device manager. Sandbox profile only.',
      code: 'Code to scan',
      scan: 'Scan',
      notSelected: 'Nothing read it: the sandbox scanner is not selected as a scanner.',
      select: 'Use it as a scanner',
    },
  },
};
