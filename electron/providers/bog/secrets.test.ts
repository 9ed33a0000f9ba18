/** No secret or token ever reaches a log line or a thrown error, on either BoG API. */
import { describe, expect, it } from 'vitest';
import { BogSettingsSchema } from '../../../shared/settings/bog';
import { createBogClient } from './client';
import { orderRequest } from './fixture';
import { startBogSimulator } from './simulator';
import { errorTexts, testContext } from '../testing/context';

describe.each(['ipay', 'payments'] as const)('BoG %s secrets', (api) => {
  it('never logs or throws the secret or the tokens', async () => {
    const sim = await startBogSimulator();
    try {
      const { ctx, lines } = testContext(sim.sandbox.secrets);
      const client = createBogClient(ctx, BogSettingsSchema.parse({ ...sim.sandbox.settings, api }));
      const errors: unknown[] = [];
      const attempt = async (p: Promise<unknown>): Promise<void> => {
        await p.catch((e: unknown) => errors.push(e));
      };
      const { orderId } = await client.createOrder(orderRequest('sec-1'));
      sim.markPaid(orderId);
      await client.status(orderId);
      sim.expireTokens();
      await client.refund(orderId);
      await attempt(client.refund(orderId));
      sim.dropFieldNext(api === 'ipay' ? 'status' : 'order_status');
      await attempt(client.status(orderId));
      sim.setTokenLifetime(0);
      sim.expireTokens();
      await attempt(client.status(orderId));
      expect(errors).toHaveLength(3);

      const tokens = sim.requests
        .map((r) => /^Bearer (\S+)$/.exec(r.headers.authorization ?? '')?.[1])
        .filter((t): t is string => t !== undefined);
      expect(tokens.length).toBeGreaterThan(3);
      const forbidden = [...Object.values(sim.sandbox.secrets), ...tokens];
      const texts = [...lines, ...errors.map(errorTexts)].join('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const value of forbidden) {
        expect(texts).not.toContain(value);
      }
      expect(texts).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
    } finally {
      await sim.close();
    }
  });
});
