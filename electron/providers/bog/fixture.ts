/** Test-only: a BoG simulator and a client of the chosen API wired to it. */
import { money, type Money } from '../../../shared/money';
import { BogSettingsSchema, type BogApi } from '../../../shared/settings/bog';
import type { Clock } from '../../kernel/clock';
import { createBogClient } from './client';
import type { BogClient, BogItem, BogOrderRequest } from './common';
import { startBogSimulator, type BogSimulator, type BogSimulatorOptions } from './simulator';
import { testContext } from '../testing/context';

export interface BogFixture {
  sim: BogSimulator;
  client: BogClient;
  lines: string[];
}

export async function bogFixture(
  api: BogApi,
  options: BogSimulatorOptions & { timeoutMs?: number; clock?: Clock } = {},
): Promise<BogFixture> {
  const sim = await startBogSimulator(options);
  const { ctx, lines } = testContext(sim.sandbox.secrets, {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const client = createBogClient(ctx, BogSettingsSchema.parse({ ...sim.sandbox.settings, api }));
  return { sim, client, lines };
}

export const tetri = (amount: number): Money => money(amount, 'GEL');

export const ITEMS: readonly BogItem[] = [
  { productId: 'SKU-1', description: 'Khachapuri', quantity: 2, unitPrice: tetri(1250) },
  { productId: 'SKU-2', description: 'Borjomi 0.5 l', quantity: 1, unitPrice: tetri(199) },
];
/** 2 × 12.50 + 1.99 */
export const ITEMS_TOTAL = 2699;

export function orderRequest(key: string, capture: 'automatic' | 'manual' = 'automatic'): BogOrderRequest {
  return { idempotencyKey: key, items: ITEMS, capture };
}
