/** Test-only: a BaaS simulator and a client wired to it. */
import { BaasSettingsSchema } from '../../../shared/settings/baas';
import type { Clock } from '../../kernel/clock';
import { providerFailure, testContext } from '../testing/context';
import { BaasError } from './errors';
import { createBaasClient, type AttachCardRequest, type BaasClient } from './client';
import { startBaasSimulator, type BaasSimulator, type BaasSimulatorOptions } from './simulator';

export interface BaasFixture {
  sim: BaasSimulator;
  client: BaasClient;
  lines: string[];
}

export async function baasFixture(
  options: BaasSimulatorOptions & { timeoutMs?: number; clock?: Clock } = {},
): Promise<BaasFixture> {
  const sim = await startBaasSimulator(options);
  const { ctx, lines } = testContext(sim.sandbox.secrets, {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const client = createBaasClient(ctx, BaasSettingsSchema.parse(sim.sandbox.settings));
  return { sim, client, lines };
}

export const PAN = '8600123456789012';
export const CARD: AttachCardRequest = {
  pan: PAN,
  expiry: '2812',
  processingType: 'UZCARD',
  phoneNumber: '998901234567',
};

/** The BaasError a promise rejects with; fails the test for anything else. */
export async function baasFailure(promise: Promise<unknown>): Promise<BaasError> {
  const error = await providerFailure(promise);
  if (!(error instanceof BaasError)) {
    throw new Error(`expected a BaasError, got ${error.kind}: ${error.message}`);
  }
  return error;
}
