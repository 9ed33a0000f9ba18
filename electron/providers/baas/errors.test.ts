/** Every documented BaaS error code → its own typed error with distinct en/ru/uz cashier text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaasError } from './errors';
import { BAAS_ERROR_CODES } from './messages';
import { baasFailure, baasFixture, CARD, type BaasFixture } from './fixture';

const DOCUMENTED = [1, 2, 3, 4, 5, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1011] as const;

const KIND: Record<(typeof DOCUMENTED)[number], string> = {
  1: 'unexpected',
  2: 'unexpected',
  3: 'rejected',
  4: 'rejected',
  5: 'unexpected',
  1000: 'rejected',
  1001: 'rejected',
  1002: 'rejected',
  1003: 'rejected',
  1004: 'unexpected',
  1005: 'unexpected',
  1006: 'rejected',
  1007: 'rejected',
  1008: 'rejected',
  1009: 'rejected',
  1011: 'rejected',
};

describe.each([200, 400] as const)('BaaS error codes sent with HTTP %i', (errorStatus) => {
  let fx: BaasFixture;
  beforeAll(async () => {
    fx = await baasFixture({ errorStatus });
  });
  afterAll(async () => {
    await fx.sim.close();
  });

  it('the table covers exactly the documented codes', () => {
    expect(
      Object.keys(BAAS_ERROR_CODES)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...DOCUMENTED]);
  });

  it('each code yields a BaasError of its own kind with distinct messages in en, ru and uz', async () => {
    const seen: BaasError[] = [];
    for (const code of DOCUMENTED) {
      fx.sim.errorNext(code);
      const baas = await baasFailure(fx.client.attachCard(CARD));
      expect(baas).toMatchObject({ baasCode: code, code: String(code), kind: KIND[code], provider: 'baas' });
      expect(baas.message).toBe(baas.messages.en);
      for (const locale of ['en', 'ru', 'uz']) {
        expect(baas.messages[locale]?.length).toBeGreaterThan(10);
      }
      seen.push(baas);
    }
    // Distinct texts per code, in every language (the bank's own detail stripped off).
    for (const locale of ['en', 'ru', 'uz'] as const) {
      const texts = DOCUMENTED.map((code) => BAAS_ERROR_CODES[code][locale]);
      expect(new Set(texts).size).toBe(DOCUMENTED.length);
    }
    expect(new Set(seen.map((e) => e.messages.ru)).size).toBe(DOCUMENTED.length);
  });

  it('code 4 carries the field and its message through; code 3 too', async () => {
    fx.sim.errorNext(4, 'Validation Error. Field: phoneNumber, message: must start with 998');
    const four = await baasFailure(fx.client.attachCard(CARD));
    expect(four).toMatchObject({ field: 'phoneNumber', fieldMessage: 'must start with 998' });
    for (const text of Object.values(four.messages)) {
      expect(text).toContain('phoneNumber: must start with 998');
    }
    fx.sim.errorNext(
      3,
      "Field: expiry, value is invalid and can't be parsed. Message: Text '2913' could not be parsed",
    );
    const three = await baasFailure(fx.client.attachCard(CARD));
    expect(three).toMatchObject({ field: 'expiry', fieldMessage: "Text '2913' could not be parsed" });
  });

  it('an undocumented code (1010) is still a typed error quoting the code', async () => {
    fx.sim.errorNext(1010, 'Something new');
    const error = await baasFailure(fx.client.attachCard(CARD));
    expect(error).toMatchObject({ baasCode: 1010, kind: 'rejected' });
    expect(error.messages.uz).toContain('1010');
    expect(error.message).toContain('Something new');
  });
});
