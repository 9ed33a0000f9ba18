import { afterEach, describe, expect, it } from 'vitest';
import { openNodeKassa, type NodeKassa } from '../../hosts/node-kassa';
import { createCapturingLogger } from '../../log/logger';
import { tempDataDir } from '../../kernel/testing/temp-dir';
import { poleViewModelFor } from './mirror';
import { FakePoleTransport } from '../testing/fake-pole-transport';

let opened: { node: NodeKassa; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { node, cleanup } of opened) {
    await node.kassa.close();
    cleanup();
  }
  opened = [];
});

const ascii = (bytes: Uint8Array): string =>
  String.fromCharCode(...bytes.filter((b) => b >= 0x20 && b < 0x7f));

describe('pole display mirror', () => {
  it('maps every display state to a pole state', () => {
    expect(poleViewModelFor({ state: 'welcome', locale: 'en', storeName: 'Shop' })).toMatchObject({
      state: 'welcome',
    });
    expect(
      poleViewModelFor({ state: 'paid', locale: 'en', totalText: '10 ₮', changeText: '5 ₮' }),
    ).toMatchObject({ state: 'paid', changeText: '5 ₮' });
  });

  it('mirrors the sale on the pole: the scanned item and the total, then the payment', async () => {
    const t = tempDataDir();
    const { logger, redactor } = createCapturingLogger();
    const node = openNodeKassa({
      dataDir: t.dir,
      host: 'test',
      logger,
      redactor,
      env: { KASSA_VAULT_KEY: '6'.repeat(64) },
    });
    opened.push({ node, cleanup: t.cleanup });
    // The node host builds its own core; re-open with a fake transport through the same settings file.
    const settings = node.settings.get();
    node.settings.set({
      ...settings,
      display: { ...settings.display, locale: 'en' },
      devices: {
        ...settings.devices,
        pole: { ...settings.devices.pole, enabled: true, path: '/dev/ttyFAKE0' },
      },
    });
    await node.kassa.close();
    opened = [];
    const fake = new FakePoleTransport();
    const { createKassa } = await import('../../core/kassa');
    const { ManualClock } = await import('../../kernel/testing/manual-clock');
    const kassa = createKassa({
      clock: new ManualClock(Date.now()),
      dataDir: t.dir,
      settings: node.settings,
      vault: node.vault,
      logger,
      redactor,
      host: 'test',
      version: 'test',
      hotplug: false,
      poleTransport: () => fake,
    });
    try {
      await kassa.invoke('cashier', 'sale:new', {});
      await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' });
      await new Promise((r) => setTimeout(r, 50));
      const text = ascii(fake.all());
      expect(fake.writes.length).toBeGreaterThan(0);
      expect(text).toMatch(/TOTAL/i);
      expect(text).toMatch(/4\s?500/);
    } finally {
      await kassa.close();
      t.cleanup();
    }
  });
});
