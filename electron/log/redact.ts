/**
 * The one redactor. Everything that leaves the main process as text (logs, error messages, CLI output)
 * passes through it. Two layers:
 *  - by key: fields whose name says they are secret (passwords, tokens, checksums' keys, qrData, lottery, PANs)
 *  - by value: exact secret values the vault has handed out this run, wherever they appear in a string
 *  - by shape: bearer tokens, Basic credentials and card numbers in free text
 */

export const REDACTED = '[redacted]';

/** Lower-cased key names whose values are never written anywhere. */
const SECRET_KEYS = new Set([
  'password',
  'passwd',
  'secret',
  'client_secret',
  'clientsecret',
  'secret_key',
  'secretkey',
  'consumer_secret',
  'consumersecret',
  'checksumkey',
  'key',
  'token',
  'access_token',
  'accesstoken',
  'refresh_token',
  'refreshtoken',
  'id_token',
  'idtoken',
  'authorization',
  'cookie',
  'set-cookie',
  'qrdata',
  'lottery',
  'pan',
  'cardnumber',
  'card_number',
  'cvv',
  'cvc',
  'expiry',
  'smscode',
  'sms_code',
  'code_verifier',
  'value',
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

const SHAPES: readonly RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // Card numbers: 15–19 digits, optionally grouped, passing the Luhn check (checked below); keep the last
  // four. Not 13: an EAN-13 barcode in an error message must stay readable for the cashier.
  /\b(?:\d[ -]?){14,18}\d\b/g,
];

/** The card-number check digit (ISO/IEC 7812): tells a PAN from an order number of the same length. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export class Redactor {
  readonly #values = new Set<string>();

  /** Register a secret value (from the vault, a token response) so it is scrubbed wherever it shows up. */
  addValue(value: string): void {
    // Very short values would scrub innocent text; secrets that short are rejected elsewhere.
    if (value.length >= 4) {
      this.#values.add(value);
    }
  }

  text(input: string): string {
    let out = input;
    for (const value of this.#values) {
      if (out.includes(value)) {
        out = out.split(value).join(REDACTED);
      }
    }
    for (const shape of SHAPES) {
      out = out.replace(shape, (match: string) => {
        if (/^(bearer|basic)/i.test(match)) {
          return `${match.split(/\s+/)[0] ?? ''} ${REDACTED}`;
        }
        const digits = match.replace(/\D/g, '');
        return luhnValid(digits) ? `${REDACTED}${digits.slice(-4)}` : match;
      });
    }
    // qrData is a long run of digits (> 19): never printed.
    out = out.replace(/\d{20,}/g, REDACTED);
    return out;
  }

  /** A deep copy with secret keys blanked and strings scrubbed. Cycles are cut. */
  value(input: unknown, seen = new WeakSet<object>()): unknown {
    if (typeof input === 'string') {
      return this.text(input);
    }
    if (input === null || typeof input !== 'object') {
      return input;
    }
    if (seen.has(input)) {
      return '[cycle]';
    }
    seen.add(input);
    if (Array.isArray(input)) {
      return input.map((item: unknown) => this.value(item, seen));
    }
    if (input instanceof Error) {
      return { name: input.name, message: this.text(input.message) };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) {
      out[k] = isSecretKey(k) ? REDACTED : this.value(v, seen);
    }
    return out;
  }
}
