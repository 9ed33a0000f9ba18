/**
 * Test-only: a real till (the Node host's core, sandbox profile) in `dataDir` with `count` sales, each with two
 * lines and paid in cash, then closed — the journal the integrity tests damage.
 */
import type { SaleView } from '../../shared/channels/sale';
import type { Sale } from '../../shared/domain';
import { openNodeKassa } from '../hosts/node-kassa';
import { createCapturingLogger } from '../log/logger';
import { openJournal } from '../storage/journal';
import { allSales } from '../storage/testing/all-sales';

export async function fillTill(dataDir: string, count: number): Promise<void> {
  const { logger, redactor } = createCapturingLogger('warn');
  const node = openNodeKassa({
    dataDir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '6'.repeat(64) },
  });
  try {
    const call = async (channel: string, input: unknown): Promise<unknown> => {
      const result = await node.kassa.invoke('operator', channel, input);
      if (!result.ok) {
        throw new Error(`${channel}: ${result.error.message}`);
      }
      return result.value;
    };
    for (let i = 0; i < count; i += 1) {
      await call('sale:new', {});
      await call('sale:add-line', { kind: 'catalog', code: '8650001000015' });
      const view = (await call('sale:add-line', { kind: 'catalog', code: '8650001000022' })) as SaleView;
      await call('payment:start', { saleId: view.sale.id, method: 'cash' });
    }
  } finally {
    await node.kassa.close();
  }
}

/** Every sale of the journal in `dataDir`, read by opening it (and closing it again). */
export async function readSales(dataDir: string): Promise<{ sales: Sale[]; last: number }> {
  const journal = openJournal({ dataDir });
  try {
    return { sales: allSales(journal), last: journal.lastSaleNumber() };
  } finally {
    await journal.close();
  }
}
