/**
 * The customer display window on real screen layouts, through the real host against FakeElectron: placement
 * relative to the cashier's screen, screens plugged and unplugged, no re-placement without a change, focus handed
 * back to the cashier, the display kept awake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/settings';
import { fakeDisplay } from '../testing/fake-electron';
import { startHostRig, type HostRig } from '../testing/host-rig';
import { MOVE_SETTLE_MS } from './till-windows';

const PRIMARY = fakeDisplay(
  1,
  { x: 0, y: 0, width: 1920, height: 1080 },
  { x: 0, y: 0, width: 1920, height: 1040 },
);
const CUSTOMER = fakeDisplay(2, { x: 1920, y: 0, width: 1024, height: 768 });
const DISPLAY_TITLE = 'Kassa — customer display';

let rig: HostRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

async function operatorSettings(r: HostRig, change: (s: Settings) => Settings): Promise<void> {
  const core = r.core();
  if (!core) {
    throw new Error('no core');
  }
  const got = await core.invoke('operator', 'settings:get', {});
  if (!got.ok) {
    throw new Error('settings:get failed');
  }
  const saved = await core.invoke('operator', 'settings:set', { settings: change(got.value as Settings) });
  expect(saved.ok).toBe(true);
}

describe('customer display placement', () => {
  it('one screen: a framed window beside the cashier window, shown without taking focus', async () => {
    rig = await startHostRig({ displays: [PRIMARY] });
    const display = rig.fake.window(DISPLAY_TITLE);
    expect(display.options.frame).toBe(true);
    expect(display.isFullScreen()).toBe(false);
    expect(display.isVisible()).toBe(true);
    expect(rig.fake.focused).toBe(rig.fake.window('Kassa'));
    // Stays under window-manager control: never `focusable: false` (on Linux that floats it over everything).
    expect(display.options.focusable).toBeUndefined();
    expect(display.options.alwaysOnTop).toBeUndefined();
  });

  it('a second screen: fullscreen and frameless on it', async () => {
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER] });
    const display = rig.fake.window(DISPLAY_TITLE);
    expect(display.options.frame).toBe(false);
    expect(display.isFullScreen()).toBe(true);
    expect(display.getBounds()).toEqual(CUSTOMER.bounds);
  });

  it('the cashier window on the non-primary screen: the display goes to the other one, never over the till', async () => {
    rig = await startHostRig({ displays: [CUSTOMER, PRIMARY], deferReady: true });
    // Screen order puts the customer screen first; the cashier window opens on (0,0) = PRIMARY, screen 1.
    await rig.fake.ready();
    await rig.host.started;
    await rig.fake.settle();
    expect(rig.fake.window(DISPLAY_TITLE).getBounds()).toEqual(CUSTOMER.bounds);
    await rig.dispose();
    // Now the cashier window sits on screen 2 and screen 1 is the "primary": the display must take screen 1.
    const cashierScreen = fakeDisplay(2, { x: 0, y: 0, width: 1920, height: 1080 });
    const other = fakeDisplay(1, { x: -1024, y: 0, width: 1024, height: 768 });
    rig = await startHostRig({ displays: [other, cashierScreen] });
    const display = rig.fake.window(DISPLAY_TITLE);
    expect(display.isFullScreen()).toBe(true);
    expect(display.getBounds()).toEqual(other.bounds);
  });

  it('the cashier dragging the till onto the customer screen: the display moves to the other screen once settled', async () => {
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER] });
    const cashier = rig.fake.window('Kassa');
    const first = rig.fake.window(DISPLAY_TITLE);
    cashier.setBounds({ x: 1950, y: 10, width: 1000, height: 700 });
    cashier.emit('move');
    await rig.scheduler.advance(MOVE_SETTLE_MS - 1);
    cashier.emit('move');
    await rig.scheduler.advance(MOVE_SETTLE_MS - 1);
    expect(first.isDestroyed()).toBe(false);
    await rig.scheduler.advance(1);
    await rig.fake.settle();
    expect(first.isDestroyed()).toBe(true);
    expect(rig.fake.window(DISPLAY_TITLE).getBounds()).toEqual(PRIMARY.bounds);
    // Moving within the same screen changes nothing.
    const second = rig.fake.window(DISPLAY_TITLE);
    cashier.setBounds({ x: 2000, y: 20 });
    cashier.emit('move');
    await rig.scheduler.advance(MOVE_SETTLE_MS);
    expect(second.isDestroyed()).toBe(false);
    expect(second.changes.filter((c) => c !== 'top')).toEqual(['bounds', 'fullscreen:on']);
  });

  it('a screen plugged in later: the beside window becomes fullscreen there; unplugged: back beside, with a frame', async () => {
    rig = await startHostRig({ displays: [PRIMARY] });
    const beside = rig.fake.window(DISPLAY_TITLE);
    rig.fake.plug(CUSTOMER);
    await rig.fake.settle();
    expect(beside.isDestroyed()).toBe(true);
    const full = rig.fake.window(DISPLAY_TITLE);
    expect(full.options.frame).toBe(false);
    expect(full.isFullScreen()).toBe(true);
    expect(full.getBounds()).toEqual(CUSTOMER.bounds);
    expect(full.webContents.loads).toEqual(['app://kassa/display.html']);
    rig.fake.unplug(2);
    await rig.fake.settle();
    expect(full.isDestroyed()).toBe(true);
    const back = rig.fake.window(DISPLAY_TITLE);
    // A frameless window would be one nobody can move or close.
    expect(back.options.frame).toBe(true);
    expect(back.isFullScreen()).toBe(false);
    expect(rig.fake.windows.filter((w) => !w.isDestroyed())).toHaveLength(2);
  });

  it('metrics changes and settings saves that change nothing do not touch the window (no flicker)', async () => {
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER] });
    const display = rig.fake.window(DISPLAY_TITLE);
    const before = [...display.changes];
    // The taskbar on the cashier's screen hides: its work area changes, the customer screen does not.
    rig.fake.metricsChanged(1, { workArea: { x: 0, y: 0, width: 1920, height: 1080 } });
    rig.fake.metricsChanged(2, { scaleFactor: 1.25 });
    await operatorSettings(rig, (s) => ({ ...s, store: { ...s.store, name: 'Renamed shop' } }));
    const cashier = rig.fake.window('Kassa');
    expect(await rig.fake.invoke('settings:set-locale', cashier.webContents, { locale: 'en' })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(display.changes).toEqual(before);
    expect(display.isDestroyed()).toBe(false);
  });

  it('a real change of the customer screen moves the window once', async () => {
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER] });
    const display = rig.fake.window(DISPLAY_TITLE);
    const before = display.changes.length;
    const bigger = fakeDisplay(2, { x: 1920, y: 0, width: 1280, height: 1024 });
    rig.fake.displays = [PRIMARY, bigger];
    rig.fake.metricsChanged(2, {});
    expect(display.getBounds()).toEqual(bigger.bounds);
    expect(display.isFullScreen()).toBe(true);
    expect(display.changes.slice(before)).toEqual(['fullscreen:off', 'bounds', 'fullscreen:on']);
  });

  it('settings: choosing a screen moves the display there; disabling closes it; enabling opens it again', async () => {
    const third = fakeDisplay(3, { x: 2944, y: 0, width: 800, height: 480 });
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER, third] });
    const onSecond = rig.fake.window(DISPLAY_TITLE);
    await operatorSettings(rig, (s) => ({ ...s, display: { ...s.display, target: 3 } }));
    // Another screen: a new fullscreen window there, not a fullscreen toggle dance on the old one.
    expect(onSecond.isDestroyed()).toBe(true);
    expect(rig.fake.window(DISPLAY_TITLE).getBounds()).toEqual(third.bounds);
    expect(rig.fake.window(DISPLAY_TITLE).isFullScreen()).toBe(true);
    await operatorSettings(rig, (s) => ({ ...s, display: { ...s.display, enabled: false } }));
    expect(() => rig?.fake.window(DISPLAY_TITLE)).toThrow(/no open window/);
    expect(rig.fake.powerBlockers.size).toBe(0);
    await operatorSettings(rig, (s) => ({ ...s, display: { ...s.display, enabled: true } }));
    expect(rig.fake.window(DISPLAY_TITLE).getBounds()).toEqual(third.bounds);
  });
});

describe('customer display focus and power', () => {
  it('focus given to the display goes straight back to the cashier window', async () => {
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER] });
    const display = rig.fake.window(DISPLAY_TITLE);
    display.focus();
    expect(rig.fake.focused).toBe(rig.fake.window('Kassa'));
  });

  it('keeps the screens awake while the display window is open, and only then', async () => {
    rig = await startHostRig({ displays: [PRIMARY, CUSTOMER] });
    expect(rig.fake.powerBlockers.size).toBe(1);
    rig.fake.unplug(2);
    await rig.fake.settle();
    // The rebuilt beside window holds its own blocker; the old one was released.
    expect(rig.fake.powerBlockers.size).toBe(1);
    rig.fake.window(DISPLAY_TITLE).destroy();
    expect(rig.fake.powerBlockers.size).toBe(0);
  });
});
