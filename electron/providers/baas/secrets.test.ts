/** No secret, token, card token or full PAN / expiry reaches a log line or a thrown error. */
import { describe, expect, it } from 'vitest';
import { errorTexts } from '../testing/context';
import { baasFixture, CARD, PAN } from './fixture';

describe('BaaS secrets and card data', () => {
  it('never logs or throws credentials, tokens or the card number', async () => {
    const fx = await baasFixture();
    try {
      const errors: unknown[] = [];
      const attempt = async (p: Promise<unknown>): Promise<void> => {
        await p.catch((e: unknown) => errors.push(e));
      };
      const started = await fx.client.attachCard(CARD);
      await attempt(fx.client.attachCard(CARD)); // 1007
      // The bank echoing the card number in an error must not carry it any further.
      fx.sim.errorNext(4, `Validation Error. Field: pan, message: ${PAN} is not a valid card`);
      await attempt(fx.client.attachCard(CARD));
      fx.sim.errorNext(
        1005,
        `External service returned failed response. Response code: 14, message: card ${PAN} invalid`,
      );
      await attempt(fx.client.attachCard(CARD));
      const card = await fx.client.confirmCardAttach({
        attachId: started.attachId,
        smsCode: fx.sim.smsCodeFor(started.attachId),
      });
      fx.sim.expireTokens();
      await attempt(fx.client.applicationStatus(crypto.randomUUID()));
      fx.sim.setTokenLifetime(0);
      fx.sim.expireTokens();
      await attempt(fx.client.attachCard(CARD));
      expect(errors).toHaveLength(5);

      const tokens = fx.sim.requests
        .map((r) => /^Bearer (\S+)$/.exec(r.headers.authorization ?? '')?.[1])
        .filter((t): t is string => t !== undefined);
      const forbidden = [
        ...Object.values(fx.sim.sandbox.secrets),
        ...tokens,
        card.cardToken,
        PAN,
        PAN.slice(0, 12),
      ];
      const texts = [...fx.lines, ...errors.map(errorTexts)].join('\n');
      expect(fx.lines.length).toBeGreaterThan(0);
      expect(texts).toContain('9012'); // the redactor keeps the last four, so the cashier can still tell which card
      for (const value of forbidden) {
        expect(texts).not.toContain(value);
      }
      expect(JSON.stringify(started)).not.toContain(PAN);
      expect(JSON.stringify(card)).not.toContain(PAN);
    } finally {
      await fx.sim.close();
    }
  });
});
