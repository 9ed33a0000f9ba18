/**
 * The name-based UUIDs Kassa sends to banks must not change between versions: a BaaS application whose start
 * had an unknown outcome is looked up by the id derived again from the payment's key, and a BoG attempt must
 * send the same Idempotency-Key. The expected values below are literal outputs of earlier releases, kept as
 * text so they are never regenerated from the code under test; every one must come out byte for byte the
 * same.
 */
import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { idempotencyUuid } from '../../providers/bog/input';
import { externalIdFor } from './baas';

/** [name, BaaS externalIdFor(name), BoG idempotencyUuid(name)]. */
const EARLIER_OUTPUTS: readonly (readonly [string, string, string])[] = [
  ['S1A1', 'a375be2e-b3e1-5848-9670-5819a8a37832', 'd5c58687-6fbf-45d6-aa79-59f71874eb99'],
  ['S9A1', '15f6bcce-db84-5f9e-917e-9b6f5f85a86b', 'ba2aaa10-ece8-4a09-89cc-7d1268031f89'],
  ['K7Q2M4Z8A12', 'f868d907-2df3-5c1e-8500-8615f19187b2', '9a76aa86-9cb4-4b3a-bb8a-c25fd88b49e4'],
  [
    'AbCdEfGhIjKlMnOpQrStUvWxA999',
    '3dea751d-6be3-5c61-9d98-8ef9e577a4ed',
    'b5377275-1334-4f97-847c-804339c40a4d',
  ],
  ['S1A1R1', '669a47b0-6d89-550a-8155-fd6f0b5fa5c7', '75a9590f-a06f-442d-a97f-2a490c03be15'],
  ['S1A2R1', '03828cdd-4222-5296-a4c4-bbac21628e85', '25ef3778-b8d1-49c5-8d82-91d6ec80a6ef'],
  ['sale-9-a1', 'c1cbaacf-9d03-5c45-ae06-cd02c6600e3d', 'ffd6f852-4863-4c8e-af5f-a10eaa33def1'],
  ['a:b.c_d-e', '5600599a-80bb-598f-ad89-14e6d288fe02', '545ab676-405d-4a00-92f6-df6aae05603e'],
  [
    '0123456789abcdef0123456789abcdef',
    'e2470540-d741-5acf-b68c-95415b39d15c',
    '415dc834-37c2-4259-956a-1e521a21bc4c',
  ],
  ['', '349e53f0-96df-5fa2-bfb3-b0a75da54405', '826f9cec-592e-4699-a1e7-d5bf23f71f49'],
  ['a b\tc\n', '754888a6-34b7-5017-b616-5b554393c796', '0e20d49b-f9f5-422c-ada6-0d1e22b82ef8'],
  // Non-ASCII: names are hashed as UTF-8, one to four bytes a character.
  ['\u00ff', 'd1137bc9-d484-5c5f-b2e8-7966bf569767', '0d4c33f3-0636-491a-b97b-3237fe3a065a'],
  ['\u00e9', '53134ff5-7c4a-5d28-b1b7-0534b9160103', '60d1e66e-a905-46b6-ac65-39914759e212'],
  ['e\u0301', 'bda07970-0250-58b9-92d6-532a6f9c16a5', '51d195b8-77f5-4946-a24f-d8f4f533ce37'],
  ['Ñandú-ü', '8dae1441-be81-5757-a6bc-a2c862653db9', 'a79a4d14-6770-42b7-8e64-0bba2460e8b0'],
  ['Продажа42', 'dac8af56-564d-5f31-8dce-754b843fc143', 'ffd96381-922b-4b80-97b7-5b0047fcfd0f'],
  ['販売A3', '60062f06-3f80-55df-bc09-d0a46d47353e', '7c646cd5-fbe9-44e6-9d81-9c97fe7891ef'],
  ['😀A1', 'cc08e42b-3f45-5b87-a1fb-647325868d9e', '208259f0-329e-4115-9123-38984aeae51a'],
  // A lone surrogate is hashed as U+FFFD, as Node's UTF-8 encoder writes it.
  ['\uD800A1', '8fb82907-9e91-5247-b731-aed8c81317de', 'abd86c05-1c9f-4b71-80ed-4c094bbd3a64'],
];

describe('name-based UUIDs stay what earlier versions derived', () => {
  it.each(EARLIER_OUTPUTS)('BaaS application id of %j', (name, baas) => {
    expect(externalIdFor(name)).toBe(baas);
  });

  it.each(EARLIER_OUTPUTS)('BoG Idempotency-Key of %j', (name, _baas, bog) => {
    expect(idempotencyUuid(name)).toBe(bog);
  });

  it('BoG passes a key that already is a UUID through, lower-cased', () => {
    const key = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';
    expect(idempotencyUuid(key)).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    expect(idempotencyUuid(key.toLowerCase())).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });

  it('both are well-formed UUIDs with the RFC 4122 variant: version 5 for BaaS, 4 for BoG', () => {
    for (const [name] of EARLIER_OUTPUTS) {
      const baas = externalIdFor(name);
      const bog = idempotencyUuid(name);
      expect(validate(baas) && validate(bog)).toBe(true);
      expect([version(baas), version(bog)]).toEqual([5, 4]);
      expect([baas[19], bog[19]].every((c) => c !== undefined && '89ab'.includes(c))).toBe(true);
    }
  });
});
