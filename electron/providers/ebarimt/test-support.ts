/**
 * Test helpers for the eBarimt clients: a ProviderContext with a capturing logger and an in-memory secret
 * store that, like the vault, registers every value it hands out with the redactor.
 */
import type { SecretName } from '../../../shared/secrets';
import { systemClock, type Clock } from '../../kernel/clock';
import { KassaError } from '../../kernel/errors';
import { createCapturingLogger } from '../../log/logger';
import type { ProviderContext } from '../context';
import { createSecretGuard } from '../secret-guard';
import type { IssueReceiptInput } from './posapi/wire';

export function testContext(
  secrets: Partial<Record<SecretName, string>>,
  extra: { timeoutMs?: number; clock?: Clock } = {},
): ProviderContext & { lines: string[] } {
  const { logger, redactor, lines } = createCapturingLogger('debug');
  return {
    clock: extra.clock ?? systemClock,
    logger,
    redactor,
    lines,
    secretGuard: createSecretGuard(),
    timeoutMs: extra.timeoutMs ?? 3_000,
    secret(name) {
      const value = secrets[name];
      if (value === undefined) {
        return Promise.reject(
          new KassaError('secret.missing', `${name} is not set: kassa secrets set ${name}`),
        );
      }
      redactor.addValue(value);
      return Promise.resolve(value);
    },
  };
}

/** A two-line B2C sale: one VAT + city-taxed drink, one VAT-free book. Total 1120 + 5000 = 6120 MNT. */
export function sampleReceipt(overrides: Partial<IssueReceiptInput> = {}): IssueReceiptInput {
  return {
    type: 'B2C_RECEIPT',
    billIdSuffix: '000001',
    lines: [
      {
        name: 'Ундаа 0.5л',
        barCode: '4607001771234',
        classificationCode: '2441100',
        measureUnit: 'ш',
        qty: 2,
        unitPrice: 560,
        amount: 1120,
        taxType: 'VAT_ABLE',
        cityTax: true,
      },
      {
        name: 'Ном',
        classificationCode: '4761000',
        taxProductCode: '305',
        measureUnit: 'ш',
        qty: 1,
        unitPrice: 5000,
        amount: 5000,
        taxType: 'VAT_FREE',
        cityTax: false,
      },
    ],
    payments: [{ code: 'CASH', amount: 6120 }],
    ...overrides,
  };
}

/** A loopback URL nothing listens on (a server is started and closed, so the port was just free). */
export async function refusedUrl(): Promise<string> {
  const { startSimulatorServer } = await import('../simulator-kit');
  const server = await startSimulatorServer(() => ({ status: 200 }));
  await server.close();
  return server.url;
}
