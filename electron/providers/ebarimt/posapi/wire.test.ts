import { describe, expect, it } from 'vitest';
import { EbarimtSettingsSchema } from '../../../../shared/settings/ebarimt';
import { sampleReceipt } from '../test-support';
import { billIdSuffixFor, buildReceiptRequest } from './wire';

const settings = EbarimtSettingsSchema.parse({
  merchantTin: '00000038001',
  posNo: '10000001',
  districtCode: '3401',
});

describe('receipt wire body', () => {
  it('billIdSuffixFor is deterministic per daily sequence and bounded', () => {
    expect(billIdSuffixFor(1)).toBe('000001');
    expect(billIdSuffixFor(42)).toBe(billIdSuffixFor(42));
    expect(billIdSuffixFor(999_999)).toBe('999999');
    expect(() => billIdSuffixFor(0)).toThrow(RangeError);
    expect(() => billIdSuffixFor(1.5)).toThrow(RangeError);
  });

  it('groups items by tax type, totals with the amount rule, and keeps B2C/B2B fields apart', () => {
    const b2c = buildReceiptRequest(sampleReceipt({ consumerNo: '10038071' }), settings);
    expect(b2c).toMatchObject({
      totalAmount: 6120,
      totalVAT: 100,
      totalCityTax: 20,
      consumerNo: '10038071',
      customerTin: null,
      branchNo: '001',
      districtCode: '3401',
    });
    expect(b2c.receipts.map((r) => r.items.map((i) => i.name))).toEqual([['Ундаа 0.5л'], ['Ном']]);
    expect(b2c.receipts[0]?.items[0]?.barCodeType).toBe('GS1');
    expect(b2c.receipts[1]?.items[0]?.barCodeType).toBe('UNDEFINED');
    const b2b = buildReceiptRequest(
      sampleReceipt({ type: 'B2B_RECEIPT', customerTin: '37900846788' }),
      settings,
    );
    expect(b2b).toMatchObject({ consumerNo: null, customerTin: '37900846788' });
    expect(b2b.receipts.every((r) => r.customerTin === '37900846788')).toBe(true);
  });

  it('refuses B2B without a TIN and consumerNo on B2B', () => {
    expect(() => buildReceiptRequest(sampleReceipt({ type: 'B2B_RECEIPT' }), settings)).toThrow(/TIN/);
    expect(() =>
      buildReceiptRequest(
        sampleReceipt({ type: 'B2B_RECEIPT', customerTin: '37900846788', consumerNo: '10038071' }),
        settings,
      ),
    ).toThrow(/B2C receipts only/);
  });

  it("refuses a company's 7-digit register number as customerTin: PosAPI 3.0 wants the 11/14-digit TIN", () => {
    expect(() =>
      buildReceiptRequest(sampleReceipt({ type: 'B2B_RECEIPT', customerTin: '5317878' }), settings),
    ).toThrow(/11 or 14 digits/);
    expect(
      buildReceiptRequest(sampleReceipt({ type: 'B2B_RECEIPT', customerTin: '10012345678901' }), settings)
        .customerTin,
    ).toBe('10012345678901');
  });
});
