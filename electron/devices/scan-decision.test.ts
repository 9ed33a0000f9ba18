import { describe, expect, it } from 'vitest';
import { CASHIER_SCREENS, ScanErrorSchema, type ScanContext } from '../../shared/channels/scan';
import { classifyCode, embeddedRules, gtinCheckDigit } from '../../shared/codes';
import { decideScan, type ScanDecision } from './scan-decision';

const QR = '48'.repeat(100);
const EAN = '4006381333931';
const RULES = embeddedRules(['20'], 'weight', 5, 5);
const label = (grams: string): string => {
  const body = `2000001${grams}`;
  return `${body}${String(gtinCheckDigit(body))}`;
};

function decide(text: string, context: Partial<ScanContext> = {}): ScanDecision {
  const full: ScanContext = { screen: 'sale', dialog: false, quantity: null, ...context };
  const code = classifyCode(text, {
    embedded: RULES,
    prefer: full.screen === 'approval' ? 'identity' : 'product',
  });
  return decideScan(code, text, full);
}

describe('decideScan', () => {
  it('a product barcode goes into the sale from sale, payment and receipt (the sale decides the rest)', () => {
    for (const screen of ['sale', 'payment', 'receipt'] as const) {
      expect(decide(EAN, { screen })).toEqual({
        action: 'add-product',
        code: EAN,
        ifMissing: { code: 'product-not-found', barcode: EAN },
      });
    }
  });

  it('a scale label adds its item with the weight from the label; a zero weight is refused', () => {
    expect(decide(label('01234'))).toEqual({
      action: 'add-label',
      lookupCode: '2000001000007',
      barcode: label('01234'),
      kind: 'weight',
      value: 1234,
    });
    expect(decide(label('00000'))).toEqual({
      action: 'refuse',
      error: { code: 'label-without-value', barcode: label('00000') },
    });
  });

  it('a receipt QR opens approval from sale, receipt and journal, and is refused on payment', () => {
    for (const screen of ['sale', 'receipt', 'journal'] as const) {
      expect(decide(QR, { screen })).toEqual({ action: 'open-approval', qrData: QR });
    }
    expect(decide(QR, { screen: 'payment' })).toEqual({
      action: 'refuse',
      error: { code: 'receipt-during-payment' },
    });
  });

  it('on the approval screen a QR is a receipt and anything else is the buyer (8 digits = eBarimt code)', () => {
    expect(decide(QR, { screen: 'approval' })).toEqual({ action: 'approval-receipt', qrData: QR });
    expect(decide(' 10038071 ', { screen: 'approval' })).toEqual({
      action: 'approval-identify',
      query: '10038071',
    });
    expect(decide(EAN, { screen: 'approval' })).toEqual({ action: 'approval-identify', query: EAN });
  });

  it('the reason for a missing product fits what was scanned', () => {
    expect(decide('4006381333932')).toMatchObject({
      ifMissing: { code: 'invalid-checksum', barcode: '4006381333932' },
    });
    expect(decide('MN-MILK-1L')).toMatchObject({
      action: 'add-product',
      code: 'MN-MILK-1L',
      ifMissing: { code: 'unknown-code', text: 'MN-MILK-1L' },
    });
    expect(decide('УБ99112233')).toMatchObject({ ifMissing: { code: 'buyer-code-outside-approval' } });
    const long = 'X'.repeat(100);
    const decision = decide(long);
    expect(decision).toMatchObject({ ifMissing: { code: 'unknown-code' } });
    // Messages show at most 64 characters, and the refusal fits the contract.
    expect(decision.action === 'add-product' && ScanErrorSchema.parse(decision.ifMissing)).toEqual({
      code: 'unknown-code',
      text: `${'X'.repeat(63)}…`,
    });
  });

  it('an open dialog refuses every scan on every screen', () => {
    for (const screen of CASHIER_SCREENS) {
      for (const text of [EAN, QR, '10038071']) {
        expect(decide(text, { screen, dialog: true })).toEqual({
          action: 'refuse',
          error: { code: 'dialog-open' },
        });
      }
    }
  });

  it('the journal takes no products; settings only reports what arrived', () => {
    expect(decide(EAN, { screen: 'journal' })).toEqual({
      action: 'refuse',
      error: { code: 'not-on-this-screen' },
    });
    expect(decide(QR, { screen: 'settings' })).toEqual({
      action: 'refuse',
      error: { code: 'scanner-test', kind: 'ebarimt-qr', length: 200 },
    });
    expect(decide(`${EAN}\r\n`, { screen: 'settings' })).toEqual({
      action: 'refuse',
      error: { code: 'scanner-test', kind: 'ean13', length: 13 },
    });
  });
});
