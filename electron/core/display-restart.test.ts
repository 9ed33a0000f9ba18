/**
 * After a restart the customer display shows the sale the till restored from the journal, not the welcome
 * screen: a display that reconnects asks display:ready and must see the sale as it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayViewModel } from '../../shared/channels/display';
import { openNodeKassa } from '../hosts/node-kassa';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

function open(dataDir: string): ReturnType<typeof openNodeKassa> {
  const { logger, redactor } = createCapturingLogger();
  return openNodeKassa({ dataDir, host: 'test', logger, redactor, env: { KASSA_VAULT_KEY: '3'.repeat(64) } });
}

describe('customer display after a restart', () => {
  it('shows the restored sale (cart with its total), and the welcome screen when the till was idle', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const idle = open(t.dir);
    expect(await idle.kassa.invoke('display', 'display:ready', {})).toMatchObject({
      ok: true,
      value: { state: 'welcome' },
    });
    await idle.kassa.close();

    const first = open(t.dir);
    await first.kassa.invoke('cashier', 'sale:new', {});
    await first.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' });
    await first.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000022' });
    const before = await first.kassa.invoke('display', 'display:ready', {});
    expect(before).toMatchObject({ ok: true, value: { state: 'cart' } });
    await first.kassa.close();

    const again = open(t.dir);
    const after = await again.kassa.invoke('display', 'display:ready', {});
    expect(after).toEqual(before);
    expect((after as { value: DisplayViewModel }).value.state).toBe('cart');
    await again.kassa.close();
  });
});
