import { describe, expect, it } from 'vitest';
import { classifySaleBuyer } from './buyer-identification';

describe('classifySaleBuyer: what the buyer field holds', () => {
  it('reads people (B2C) and organisations (B2B)', () => {
    expect(classifySaleBuyer('AA12345678')).toEqual({ kind: 'regno', regNo: 'АА12345678' });
    expect(classifySaleBuyer('99112233')).toEqual({ kind: 'phone', phoneNum: '99112233' });
    expect(classifySaleBuyer('10038071')).toEqual({ kind: 'customer-no', customerNo: '10038071' });
    expect(classifySaleBuyer('5012345')).toEqual({ kind: 'company-regno', regNo: '5012345' });
    expect(classifySaleBuyer(' 379 0001 2345 ')).toEqual({ kind: 'tin', tin: '37900012345' });
    expect(classifySaleBuyer('10012345678901')).toEqual({ kind: 'tin', tin: '10012345678901' });
  });

  it('a Mongolian number with its country code stays a phone, not an 11-digit TIN', () => {
    expect(classifySaleBuyer('97699112233')).toEqual({ kind: 'phone', phoneNum: '99112233' });
  });

  it('refuses what is none of them (12 digits, 6 digits, text)', () => {
    expect(classifySaleBuyer('123456789012')).toBeUndefined();
    expect(classifySaleBuyer('501234')).toBeUndefined();
    expect(classifySaleBuyer('hello')).toBeUndefined();
  });
});
