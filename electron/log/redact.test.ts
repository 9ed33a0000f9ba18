import { describe, expect, it } from 'vitest';
import { createCapturingLogger } from './logger';
import { REDACTED, Redactor } from './redact';

describe('Redactor', () => {
  it('blanks secret keys at any depth and scrubs registered values in free text', () => {
    const r = new Redactor();
    r.addValue('s3cr3t-terminal-key');
    const out = r.value({
      body: { password: 'hunter22', nested: [{ qrData: '123' }] },
      note: 'failed with key s3cr3t-terminal-key',
    });
    expect(JSON.stringify(out)).not.toContain('hunter22');
    expect(JSON.stringify(out)).not.toContain('s3cr3t-terminal-key');
    expect(out).toMatchObject({ body: { password: REDACTED, nested: [{ qrData: REDACTED }] } });
  });

  it('scrubs bearer tokens, card numbers (keeping last four) and qrData-length digit runs', () => {
    const r = new Redactor();
    expect(r.text('Authorization: Bearer eyJhbGciOi.abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(r.text('pan 8600 1234 5678 9012')).toBe(`pan ${REDACTED}9012`);
    expect(r.text('pan 4111111111111111')).toBe(`pan ${REDACTED}1111`);
    // EAN-13 barcodes and non-Luhn order numbers stay readable.
    expect(r.text('No product has the code 8650001000015')).toBe('No product has the code 8650001000015');
    expect(r.text('order 1234567890123456')).toBe('order 1234567890123456');
    const qr = '1'.repeat(95);
    expect(r.text(`qr ${qr}`)).not.toContain(qr);
  });

  it('keeps ordinary text and short numbers', () => {
    const r = new Redactor();
    expect(r.text('invoice 12345 paid 15000 MNT')).toBe('invoice 12345 paid 15000 MNT');
  });
});

describe('logger', () => {
  it('never writes a registered secret or a secret-named field', () => {
    const { logger, redactor, lines } = createCapturingLogger();
    redactor.addValue('vault-value-xyz');
    logger.info({ password: 'p@ss-word-1', url: 'http://x/vault-value-xyz' }, 'token vault-value-xyz used');
    logger.child({ component: 'test' }).error(new Error('bad key vault-value-xyz'));
    const all = lines.join('\n');
    expect(lines.length).toBe(2);
    expect(all).not.toContain('vault-value-xyz');
    expect(all).not.toContain('p@ss-word-1');
    expect(all).toContain(REDACTED);
  });
});
