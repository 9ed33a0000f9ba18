import { describe, expect, it } from 'vitest';
import { placeDisplayWindow, samePlacement, type ScreenInfo } from './placement';
import { isAppUrl, resolveRendererPath } from './renderer-path';
import { RoleRegistry } from './sender-role';

const primary: ScreenInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const second: ScreenInfo = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 1024, height: 768 },
  workArea: { x: 1920, y: 0, width: 1024, height: 768 },
};
const cashier = { x: 100, y: 50, width: 1280, height: 800 };

describe('placeDisplayWindow', () => {
  it("auto picks the first screen that is not the cashier's, fullscreen", () => {
    expect(
      placeDisplayWindow({ target: 'auto', screens: [primary, second], cashierScreenId: 1, cashier }),
    ).toEqual({
      kind: 'fullscreen',
      displayId: 2,
      bounds: second.bounds,
    });
  });

  it("never puts the display on the cashier's screen, even when that is not the primary", () => {
    const onSecond = { x: 2000, y: 0, width: 900, height: 700 };
    expect(
      placeDisplayWindow({
        target: 'auto',
        screens: [primary, second],
        cashierScreenId: 2,
        cashier: onSecond,
      }),
    ).toEqual({ kind: 'fullscreen', displayId: 1, bounds: primary.bounds });
    expect(
      placeDisplayWindow({ target: 2, screens: [primary, second], cashierScreenId: 2, cashier: onSecond })
        .kind,
    ).toBe('beside');
  });

  it('opens beside the cashier window on a single screen, without covering it', () => {
    const placed = placeDisplayWindow({ target: 'auto', screens: [primary], cashierScreenId: 1, cashier });
    expect(placed).toEqual({ kind: 'beside', bounds: { x: 1380, y: 50, width: 540, height: 600 } });
    const rightHalf = { x: 960, y: 0, width: 960, height: 1040 };
    expect(
      placeDisplayWindow({ target: 'auto', screens: [primary], cashierScreenId: 1, cashier: rightHalf })
        .bounds,
    ).toEqual({ x: 160, y: 0, width: 800, height: 600 });
  });

  it('with no room on either side, sits at the right edge of the work area', () => {
    const maximised = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(
      placeDisplayWindow({ target: 'auto', screens: [primary], cashierScreenId: 1, cashier: maximised })
        .bounds,
    ).toEqual({ x: 1120, y: 0, width: 800, height: 600 });
  });

  it("falls back to beside when the chosen screen is missing or is the cashier's", () => {
    expect(
      placeDisplayWindow({ target: 99, screens: [primary, second], cashierScreenId: 1, cashier }).kind,
    ).toBe('beside');
    expect(
      placeDisplayWindow({ target: 1, screens: [primary, second], cashierScreenId: 1, cashier }).kind,
    ).toBe('beside');
    expect(
      placeDisplayWindow({ target: 2, screens: [primary, second], cashierScreenId: 1, cashier }).kind,
    ).toBe('fullscreen');
  });

  it('samePlacement: equal only when kind, screen and bounds are all unchanged', () => {
    const a = placeDisplayWindow({ target: 'auto', screens: [primary, second], cashierScreenId: 1, cashier });
    expect(samePlacement(a, { ...a })).toBe(true);
    expect(samePlacement(a, { kind: 'fullscreen', displayId: 3, bounds: second.bounds })).toBe(false);
    expect(samePlacement(a, { kind: 'beside', bounds: second.bounds })).toBe(false);
    expect(samePlacement(a, { ...a, bounds: { ...second.bounds, width: 1280 } })).toBe(false);
  });
});

describe('resolveRendererPath', () => {
  const root = '/opt/kassa/dist/renderer';

  it('serves files inside the renderer directory', () => {
    expect(resolveRendererPath(root, 'app://kassa/cashier.html')).toBe(`${root}/cashier.html`);
    expect(resolveRendererPath(root, 'app://kassa/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });

  it('keeps dot segments inside the root (the URL parser collapses them first)', () => {
    expect(resolveRendererPath(root, 'app://kassa/../../display.html')).toBe(`${root}/display.html`);
    expect(resolveRendererPath(root, 'app://kassa/%2e%2e/%2e%2e/etc/x.html')).toBe(`${root}/etc/x.html`);
  });

  it('refuses traversal, other hosts and unknown types', () => {
    for (const url of [
      'app://kassa/assets/..%2f..%2fvault.json',
      'app://kassa/a%5c..%5c..%5cx.js',
      'app://kassa/x%00.html',
      'app://other/cashier.html',
      'https://kassa/cashier.html',
      'app://kassa/vault.json.bak',
      'not a url',
    ]) {
      expect(resolveRendererPath(root, url), url).toBeNull();
    }
  });

  it('recognises only our own origin', () => {
    expect(isAppUrl('app://kassa/cashier.html')).toBe(true);
    expect(isAppUrl('app://user:pw@kassa/cashier.html')).toBe(false);
    expect(isAppUrl('http://127.0.0.1/cashier.html')).toBe(false);
  });
});

describe('RoleRegistry', () => {
  const mainFrame = { processId: 7, routingId: 1, url: 'app://kassa/cashier.html' };

  it('gives a role only to the main frame of a registered window showing our page', () => {
    const registry = new RoleRegistry();
    registry.register(3, 'cashier');
    expect(registry.roleOf({ id: 3, mainFrame }, mainFrame)).toBe('cashier');
    expect(registry.roleOf({ id: 3, mainFrame }, { ...mainFrame, routingId: 2 })).toBeNull();
    expect(registry.roleOf({ id: 3, mainFrame }, null)).toBeNull();
    expect(registry.roleOf({ id: 4, mainFrame }, mainFrame)).toBeNull();
    const navigated = { ...mainFrame, url: 'https://evil.example/' };
    expect(registry.roleOf({ id: 3, mainFrame: navigated }, navigated)).toBeNull();
    registry.unregister(3);
    expect(registry.roleOf({ id: 3, mainFrame }, mainFrame)).toBeNull();
  });
});
