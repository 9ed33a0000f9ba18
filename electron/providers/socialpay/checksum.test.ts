import { describe, expect, it } from 'vitest';
import { checksumMatches, invoiceChecksum, phoneChecksum, settlementChecksum } from './checksum';

// The worked examples of docs/providers.md §3.2, verbatim.
const KEY = 'test-secret-key';
const TERMINAL = '12345678';
const INVOICE = 'INV0001';
const AMOUNT = '1000';

describe('SocialPay checksum (docs/providers.md §3.2 worked examples)', () => {
  it('terminal + invoice + amount', () => {
    expect(invoiceChecksum(KEY, TERMINAL, INVOICE, AMOUNT)).toBe(
      'f34fe8fcbd03e11dda511a68c8f501ff6f2297bb8fb1628b860aefa3dbe63f01',
    );
  });

  it('terminal + invoice + amount + phone', () => {
    expect(phoneChecksum(KEY, TERMINAL, INVOICE, AMOUNT, '99112233')).toBe(
      'd07482ae6c57595b2da888759e5d2f0618a3f4a53581778f1fd3961427765d8f',
    );
  });

  it('terminal + settlementId', () => {
    expect(settlementChecksum(KEY, TERMINAL, 'STL20240101')).toBe(
      'f9de97b42a072bd45e99f0a37b577bdd0d766586b8c12baa69605fc72756bc6a',
    );
  });

  it('compares in constant time and accepts upper-case hex, rejects anything else', () => {
    const sum = invoiceChecksum(KEY, TERMINAL, INVOICE, AMOUNT);
    expect(checksumMatches(sum, sum.toUpperCase())).toBe(true);
    expect(checksumMatches(sum, sum.slice(0, -1))).toBe(false);
    expect(checksumMatches(sum, invoiceChecksum(KEY, TERMINAL, INVOICE, '1000.00'))).toBe(false);
  });
});
