import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyCode,
  embeddedRules,
  gtinCheckDigit,
  hasValidGtinCheckDigit,
  normaliseRegNo,
  symbologyFromAim,
} from './codes';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('GTIN check digits', () => {
  it('matches published examples', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1); // 4006381333931
    expect(gtinCheckDigit('590123412345')).toBe(7); // 5901234123457
    expect(gtinCheckDigit('9638507')).toBe(4); // EAN-8 96385074
    expect(gtinCheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(hasValidGtinCheckDigit('4006381333931')).toBe(true);
    expect(hasValidGtinCheckDigit('4006381333932')).toBe(false);
    expect(() => gtinCheckDigit('12a')).toThrow(/digits only/);
  });
});

describe('classifyCode: barcodes', () => {
  it('reads EAN-13, EAN-8 and UPC-A with valid check digits', () => {
    expect(classifyCode('4006381333931')).toEqual({ kind: 'ean13', code: '4006381333931' });
    expect(classifyCode('96385074\r')).toEqual({ kind: 'ean8', code: '96385074' });
    expect(classifyCode('036000291452')).toEqual({
      kind: 'upca',
      code: '036000291452',
      gtin13: '0036000291452',
    });
  });

  it('reports a bad check digit instead of accepting the code', () => {
    expect(classifyCode('4006381333932')).toEqual({
      kind: 'invalid-checksum',
      code: '4006381333932',
      symbology: 'ean13',
      expected: 1,
      actual: 2,
    });
    expect(classifyCode('96385075')).toMatchObject({ kind: 'invalid-checksum', symbology: 'ean8' });
    expect(classifyCode('036000291453')).toMatchObject({ kind: 'invalid-checksum', symbology: 'upca' });
  });

  it('round-trips any EAN-13 / EAN-8 / UPC-A body with its computed check digit', () => {
    fc.assert(
      fc.property(digits(12), (body) => {
        const code = `${body}${gtinCheckDigit(body)}`;
        expect(classifyCode(code)).toEqual({ kind: 'ean13', code });
      }),
    );
    fc.assert(
      fc.property(digits(7), (body) => {
        const code = `${body}${gtinCheckDigit(body)}`;
        expect(classifyCode(code)).toEqual({ kind: 'ean8', code });
      }),
    );
    fc.assert(
      fc.property(digits(11), (body) => {
        const code = `${body}${gtinCheckDigit(body)}`;
        expect(classifyCode(code)).toMatchObject({ kind: 'upca', code });
      }),
    );
  });

  it('detects every single-digit corruption', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 11, 12),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (bodyLength, seed, position, delta) => {
          const body = String(seed).padStart(bodyLength, '0').slice(-bodyLength);
          const code = `${body}${gtinCheckDigit(body)}`;
          const at = position % code.length;
          const corrupted = `${code.slice(0, at)}${(Number(code[at]) + delta) % 10}${code.slice(at + 1)}`;
          expect(corrupted).not.toBe(code);
          expect(classifyCode(corrupted).kind).toBe('invalid-checksum');
        },
      ),
    );
  });

  it('uses the scanner symbology when there is one', () => {
    // A QR code holding 8 digits is an identifier, not an EAN-8 with a wrong check digit.
    expect(classifyCode('10038071', { symbology: 'qr' })).toEqual({
      kind: 'customer-no',
      customerNo: '10038071',
    });
    // An EAN-8 symbol is checked even on an identity screen.
    expect(classifyCode('96385074', { symbology: 'ean8', prefer: 'identity' })).toEqual({
      kind: 'ean8',
      code: '96385074',
    });
    expect(classifyCode('96385075', { symbology: 'ean8', prefer: 'identity' }).kind).toBe('invalid-checksum');
    expect(classifyCode('01234565', { symbology: 'upce' }).kind).toBe('unknown');
  });
});

describe('classifyCode: embedded weight / price', () => {
  const embedded = [
    ...embeddedRules(['20', '21', '22'], 'weight', 5, 5),
    { prefix: '23', kind: 'price' as const, itemCodeDigits: 4, valueDigits: 5 },
  ];

  it('reads grams and minor units as integers and gives the lookup code', () => {
    expect(classifyCode('2112345012506', { embedded })).toEqual({
      kind: 'weight',
      code: '2112345012506',
      prefix: '21',
      itemCode: '12345',
      value: 1250,
      lookupCode: '2112345000008',
    });
    // 23 | item 0004 | 2 (ignored, e.g. a price check digit) | value 00199 | check 6
    expect(classifyCode('2300042001996', { embedded })).toEqual({
      kind: 'price',
      code: '2300042001996',
      prefix: '23',
      itemCode: '0004',
      value: 199,
      lookupCode: '2300042000005',
    });
  });

  it('rejects an embedded code with a bad check digit, and ignores prefixes without a rule', () => {
    expect(classifyCode('2112345012507', { embedded }).kind).toBe('invalid-checksum');
    const plain = `291234567890${gtinCheckDigit('291234567890')}`;
    expect(classifyCode(plain, { embedded })).toEqual({ kind: 'ean13', code: plain });
    expect(classifyCode('2112345012506')).toEqual({ kind: 'ean13', code: '2112345012506' });
  });

  it('refuses a layout that does not fit', () => {
    expect(() => classifyCode('2112345012506', { embedded: embeddedRules(['21'], 'weight', 6, 6) })).toThrow(
      /does not fit/,
    );
  });
});

describe('classifyCode: eBarimt and identifiers', () => {
  const qrData = '1'.repeat(20) + '0987654321'.repeat(18); // 200 digits, like the staging sample's length

  it('reads long digit strings as qrData', () => {
    expect(classifyCode(qrData)).toEqual({ kind: 'ebarimt-qr', qrData });
    expect(classifyCode(qrData, { prefer: 'identity', symbology: 'qr' })).toEqual({
      kind: 'ebarimt-qr',
      qrData,
    });
    expect(classifyCode('1'.repeat(39)).kind).toBe('unknown');
    expect(classifyCode('1'.repeat(39), { qrMinDigits: 30 }).kind).toBe('ebarimt-qr');
    // A 33-digit receipt id (ДДТД) is not qrData.
    expect(classifyCode('0'.repeat(33)).kind).toBe('unknown');
  });

  it('reads 8 digits as a customer code or a mobile number on identity screens', () => {
    expect(classifyCode('10038071', { prefer: 'identity' })).toEqual({
      kind: 'customer-no',
      customerNo: '10038071',
    });
    expect(classifyCode('99112233', { prefer: 'identity' })).toEqual({
      kind: 'phone',
      country: 'MN',
      national: '99112233',
      e164: '+97699112233',
    });
    // On a sale screen the same 8 digits are an EAN-8 candidate and are checked.
    expect(classifyCode('10038071').kind).toBe('invalid-checksum');
  });

  it('reads register numbers with Mongolian letters', () => {
    expect(classifyCode('УБ99112233')).toEqual({ kind: 'regno', regNo: 'УБ99112233' });
    expect(classifyCode('өү 85010112')).toEqual({ kind: 'regno', regNo: 'ӨҮ85010112' });
    expect(classifyCode('ЧӨ12345678\r\n')).toEqual({ kind: 'regno', regNo: 'ЧӨ12345678' });
    expect(normaliseRegNo('UB99112233')).toBeUndefined(); // U has no Cyrillic look-alike
    expect(normaliseRegNo('YA99112233')).toBeUndefined(); // Y could be У or Ү: not guessed
    expect(normaliseRegNo('УБ9911223')).toBeUndefined(); // 7 digits
    expect(normaliseRegNo('УБВ99112233')).toBeUndefined();
  });

  it('reads Latin look-alike letters in register numbers as the Cyrillic ones (ITC test citizen AA12345678)', () => {
    expect(classifyCode('AA12345678', { prefer: 'identity', country: 'MN' })).toEqual({
      kind: 'regno',
      regNo: 'АА12345678',
    });
    expect(normaliseRegNo('aa 12345678')).toBe('АА12345678');
    expect(normaliseRegNo('AА12345678')).toBe('АА12345678'); // one Latin, one Cyrillic
    expect(normaliseRegNo('KO85010112')).toBe('КО85010112');
  });

  it('reads phone numbers in international and national forms', () => {
    expect(classifyCode('+976 9911 2233')).toMatchObject({
      kind: 'phone',
      country: 'MN',
      e164: '+97699112233',
    });
    expect(classifyCode('976-88112233')).toMatchObject({
      kind: 'phone',
      country: 'MN',
      national: '88112233',
    });
    expect(classifyCode('9911 2233')).toMatchObject({ kind: 'phone', country: 'MN' });
    expect(classifyCode('+995 555 12 34 56')).toMatchObject({
      kind: 'phone',
      country: 'GE',
      national: '555123456',
    });
    expect(classifyCode('555123456', { country: 'GE' })).toMatchObject({ kind: 'phone', country: 'GE' });
    expect(classifyCode('+998 (90) 123-45-67')).toMatchObject({
      kind: 'phone',
      country: 'UZ',
      e164: '+998901234567',
    });
    expect(classifyCode('998901234567', { prefer: 'identity' })).toMatchObject({
      kind: 'phone',
      country: 'UZ',
    });
    expect(classifyCode('901234567', { country: 'UZ' })).toMatchObject({ kind: 'phone', country: 'UZ' });
    // Fixed lines and too-short numbers are not mobile numbers.
    expect(classifyCode('+976 7011 2233').kind).toBe('unknown');
    expect(classifyCode('+976 9911 223').kind).toBe('unknown');
  });

  it('leaves everything else unknown', () => {
    expect(classifyCode('ABC-123')).toEqual({ kind: 'unknown', text: 'ABC-123' });
    expect(classifyCode('')).toEqual({ kind: 'unknown', text: '' });
    expect(classifyCode('SN 47461258').kind).toBe('unknown');
  });
});

describe('symbologyFromAim', () => {
  it('maps the common identifiers', () => {
    expect(symbologyFromAim(']E0')).toBe('ean13');
    expect(symbologyFromAim(']E4')).toBe('ean8');
    expect(symbologyFromAim(']Q1')).toBe('qr');
    expect(symbologyFromAim(']C0')).toBe('code128');
    expect(symbologyFromAim(']C1')).toBe('gs1-128');
    expect(symbologyFromAim(']d2')).toBe('datamatrix');
    expect(symbologyFromAim(']Z6')).toBe('other');
    expect(symbologyFromAim('E0')).toBe('other');
  });
});
