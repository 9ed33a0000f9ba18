/** E-receipt approval screen (cashier UI) — English; exactly the keys of approval.mn.ts. */
import type { approvalMn } from './approval.mn';
import type { CatalogOf } from './catalog';

export const approvalEn: CatalogOf<typeof approvalMn> = {
  nav: {
    approval: 'E-receipt',
  },
  approval: {
    title: 'Register an e-receipt to a buyer',
    steps: {
      identify: '1. Buyer',
      confirm: '2. Confirm',
      scan: '3. Scan receipt',
    },
    identifyPrompt: 'Type the register number, phone or the 8-digit eBarimt code',
    queryLabel: 'Register no. / phone / code',
    queryPlaceholder: 'УБ99112233',
    lookup: 'Look up',
    lookingUp: 'Looking up…',
    pendingQr: 'Receipt QR scanned — it is sent as soon as the buyer is confirmed',
    confirmPrompt: 'Ask the buyer their name and check it',
    name: 'Name',
    noName: 'Name not known (found by phone or code)',
    customerNo: 'eBarimt code',
    email: 'Email',
    identifiedBy: {
      regno: 'Found by register number',
      phone: 'Found by phone',
      'customer-no': 'Found by code',
    },
    confirm: 'Correct, confirm (Enter)',
    wrongBuyer: 'Wrong person',
    scanPrompt: 'Scan the receipt QR code',
    scanHint: 'Several receipts can be scanned one after another',
    submitting: 'Sending…',
    resultApproved: 'Registered',
    resultNotApproved: 'Not registered',
    approvedCount: 'Receipts registered to this buyer: {{n}}',
    retry: 'Retry',
    newBuyer: 'New buyer',
    close: 'Close',
    support: 'Support: {{hint}}',
    code: 'Code: {{code}}',
    sessionEnded: {
      sale: "The previous buyer's session ended (the till went back to selling). Enter this receipt's buyer.",
      idle: "The previous buyer's session ended after 2 minutes without activity. Enter this receipt's buyer.",
    },
    saleBuyer: {
      placeholder: 'Register no., phone, 8-digit code, company register no. or TIN',
      customer: 'Customer {{code}}',
      organizationTin: 'TIN {{tin}}',
      b2b: 'The receipt is issued to the organisation (B2B)',
      errors: {
        unrecognised:
          'Enter a register number (2 letters + 8 digits), a phone, an 8-digit eBarimt code, a company register number (7 digits) or a TIN (11/14 digits).',
        'citizen-not-found': 'No eBarimt citizen has this register number.',
        'phone-not-registered': 'No eBarimt account is registered to this phone number.',
        'customer-not-found': 'No eBarimt account has this 8-digit code.',
        'phone-shared': 'Several accounts share this phone. Search by register number or code.',
        'company-not-found': 'No organisation with this register number is registered for tax.',
        'tin-not-found': 'No taxpayer has this TIN.',
        'receipt-issued': 'The receipt is already issued. Register it to the buyer on the E-receipt screen.',
        'receipt-issuing': 'The receipt is being issued right now. Wait a moment and try again.',
      },
    },
  },
};

/**
 * The cashier catalog with the approval keys added: `approval.*` as a new section, `nav.approval` beside the
 * other tab labels.
 */
export function withApprovalCatalog<C extends { nav: object }, A extends { nav: object; approval: object }>(
  cashier: C,
  approval: A,
): Omit<C, 'nav'> & { nav: C['nav'] & A['nav']; approval: A['approval'] } {
  return { ...cashier, approval: approval.approval, nav: { ...cashier.nav, ...approval.nav } };
}
