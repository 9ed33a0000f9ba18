/**
 * A page that crashes, hangs or fails to load is brought back, with a growing back-off, through the real host
 * against FakeElectron on fake time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHostRig, type HostRig } from '../testing/host-rig';
import { HOST_TEXTS } from './host-texts';
import { HANG_RELOAD_MS, STABLE_MS } from './window-recovery';

const CASHIER_URL = 'app://kassa/cashier.html';
const REFUSED = { failCode: -102, description: 'ERR_CONNECTION_REFUSED' } as const;

let rig: HostRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

async function advance(r: HostRig, ms: number): Promise<void> {
  await r.scheduler.advance(ms);
  await r.fake.settle();
}

describe('window recovery', () => {
  it('a crashed cashier page is reloaded after 1 s, 2 s, 5 s …, and the cashier is told once from the third crash', async () => {
    rig = await startHostRig();
    const cashier = rig.fake.window('Kassa');
    const loads = cashier.webContents.loads;
    expect(loads).toEqual([CASHIER_URL]);
    const delays = [1_000, 2_000, 5_000, 10_000];
    for (const [index, delay] of delays.entries()) {
      cashier.webContents.crash('crashed');
      await advance(rig, delay - 1);
      expect(loads).toHaveLength(index + 1);
      await advance(rig, 1);
      expect(loads).toHaveLength(index + 2);
    }
    expect(rig.fake.messageBoxes).toHaveLength(1);
    expect(rig.fake.messageBoxes[0]?.message).toBe(HOST_TEXTS.mn.pageCrashed);
    expect(rig.fake.messageBoxes[0]?.detail).toContain('kassa.log');
    expect(rig.lines.filter((l) => l.includes('window: page lost, reloading'))).toHaveLength(4);
  });

  it('a page that stays up for a minute starts the back-off over', async () => {
    rig = await startHostRig();
    const contents = rig.fake.window('Kassa').webContents;
    contents.crash();
    await advance(rig, 1_000);
    contents.crash();
    await advance(rig, 2_000);
    await advance(rig, STABLE_MS);
    contents.crash();
    await advance(rig, 1_000);
    expect(contents.loads).toHaveLength(4);
    expect(rig.fake.messageBoxes).toHaveLength(0);
  });

  it('a cashier page that fails to load is shown anyway and retried until it loads', async () => {
    rig = await startHostRig({ firstLoads: [REFUSED, REFUSED, REFUSED] });
    const cashier = rig.fake.window('Kassa');
    // ready-to-show never came, yet the till is on screen (not an invisible process).
    expect(cashier.isVisible()).toBe(true);
    await advance(rig, 1_000);
    await advance(rig, 2_000);
    expect(rig.fake.messageBoxes[0]?.message).toBe(HOST_TEXTS.mn.pageLoadFailed);
    await advance(rig, 5_000);
    expect(cashier.webContents.loads).toHaveLength(4);
    expect(cashier.webContents.getURL()).toBe(CASHIER_URL);
    await advance(rig, 60_000);
    expect(cashier.webContents.loads).toHaveLength(4);
  });

  it('a load replaced by another (ERR_ABORTED) is not a failure', async () => {
    rig = await startHostRig({ firstLoads: [{ failCode: -3, description: 'ERR_ABORTED' }] });
    await advance(rig, 30_000);
    expect(rig.fake.window('Kassa').webContents.loads).toHaveLength(1);
  });

  it('a page that stays unresponsive is restarted; one that recovers in time is left alone', async () => {
    rig = await startHostRig();
    const cashier = rig.fake.window('Kassa');
    cashier.emit('unresponsive');
    await advance(rig, HANG_RELOAD_MS - 1);
    cashier.emit('responsive');
    await advance(rig, HANG_RELOAD_MS);
    expect(cashier.webContents.loads).toHaveLength(1);
    cashier.emit('unresponsive');
    await advance(rig, HANG_RELOAD_MS);
    expect(rig.lines.some((l) => l.includes('page hung, restarting its renderer'))).toBe(true);
    await advance(rig, 1_000);
    expect(cashier.webContents.loads).toHaveLength(2);
  });

  it('a crashed customer display is reloaded too, without a dialog for the cashier', async () => {
    rig = await startHostRig();
    const display = rig.fake.window('Kassa — customer display');
    for (const delay of [1_000, 2_000, 5_000]) {
      display.webContents.crash('oom');
      await advance(rig, delay);
    }
    expect(display.webContents.loads).toHaveLength(4);
    expect(rig.fake.messageBoxes).toHaveLength(0);
  });

  it('a closed window is not reloaded', async () => {
    rig = await startHostRig();
    const display = rig.fake.window('Kassa — customer display');
    display.webContents.crash();
    display.destroy();
    await advance(rig, 30_000);
    expect(display.webContents.loads).toHaveLength(1);
  });
});
