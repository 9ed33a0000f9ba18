/**
 * What the two windows' pages may reach, through the real host against FakeElectron: the app:// protocol, the
 * windows' web preferences, the guards, IPC roles by sender, and display updates held until the display is ready.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDisplay } from '../testing/fake-electron';
import { FakeWebContents, fakeEvent } from '../testing/fake-browser-window';
import { startHostRig, type HostRig } from '../testing/host-rig';
import { APP_CSP } from './csp';
import { CONTENT_TYPES } from './renderer-path';

const DISPLAY_TITLE = 'Kassa — customer display';
const BUILT_RENDERER = resolve('dist', 'renderer');

let rig: HostRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('app:// protocol', () => {
  // `npm test` builds before the unit stage, so this covers every file the package will carry.
  it.runIf(existsSync(BUILT_RENDERER))(
    'serves every built renderer file with its type and the CSP',
    async () => {
      rig = await startHostRig({ rendererDir: BUILT_RENDERER });
      const files = filesUnder(BUILT_RENDERER).filter((f) => !f.endsWith('.map'));
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const url = `app://kassa/${relative(BUILT_RENDERER, file).split('\\').join('/')}`;
        const response = await rig.fake.request(url);
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-type'), url).toBe(CONTENT_TYPES[extname(file)]);
        expect(response.headers.get('content-security-policy'), url).toBe(APP_CSP);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    },
  );

  it('answers 403 for source maps and traversal, 404 for a missing page, 405 for writes', async () => {
    rig = await startHostRig();
    const page = await rig.fake.request('app://kassa/cashier.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Kassa</title>');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect((await rig.fake.request('app://kassa/assets/index-abc.js.map')).status).toBe(403);
    expect((await rig.fake.request('app://kassa/assets/..%2f..%2fdata%2fvault.json')).status).toBe(403);
    expect((await rig.fake.request('app://kassa/a%5c..%5c..%5cvault.json')).status).toBe(403);
    // Dot segments are collapsed by the URL parser first: this one stays inside the renderer dir, and is not there.
    expect((await rig.fake.request('app://kassa/%2e%2e/%2e%2e/settings.json')).status).toBe(404);
    expect((await rig.fake.request('app://kassa/missing.html')).status).toBe(404);
    expect((await rig.fake.request('app://kassa/cashier.html', 'POST')).status).toBe(405);
    const head = await rig.fake.request('app://kassa/cashier.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('windows', () => {
  it('both windows are sandboxed, isolated, with their own preload; DevTools only unpackaged', async () => {
    rig = await startHostRig({ displays: [fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 })] });
    for (const [title, preload] of [
      ['Kassa', 'preload-cashier.cjs'],
      [DISPLAY_TITLE, 'preload-display.cjs'],
    ] as const) {
      const prefs = rig.fake.window(title).options.webPreferences;
      expect(prefs?.preload?.endsWith(preload), title).toBe(true);
      expect(prefs).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        devTools: true,
      });
    }
    await rig.dispose();
    rig = await startHostRig({ isPackaged: true });
    expect(rig.fake.window('Kassa').options.webPreferences?.devTools).toBe(false);
    expect(rig.fake.window(DISPLAY_TITLE).options.webPreferences?.devTools).toBe(false);
  });

  it('guards every web contents: no navigation, redirects, webviews, new windows or permissions', async () => {
    rig = await startHostRig();
    const contents = rig.fake.window('Kassa').webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({
      action: 'deny',
    });
    let granted: boolean | null = null;
    rig.fake.permissionRequestHandler?.(contents, 'media', (answer) => {
      granted = answer;
    });
    expect(granted).toBe(false);
    expect(rig.fake.calls).toEqual(
      expect.arrayContaining(['permissionCheck:false', 'devicePermission:false']),
    );
  });
});

describe('IPC by sender', () => {
  it('answers the cashier page; refuses sub-frames, navigated pages and unknown senders', async () => {
    rig = await startHostRig();
    const cashier = rig.fake.window('Kassa').webContents;
    expect(await rig.fake.invoke('app:info', cashier, {})).toMatchObject({ ok: true });
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    expect(
      await rig.fake.invoke('app:info', cashier, {}, { ...cashier.mainFrame, routingId: 7 }),
    ).toMatchObject(forbidden);
    expect(await rig.fake.invoke('app:info', cashier, {}, null)).toMatchObject(forbidden);
    const stranger = new FakeWebContents(() => undefined);
    stranger.mainFrame.url = 'app://kassa/cashier.html';
    expect(await rig.fake.invoke('app:info', stranger, {})).toMatchObject(forbidden);
    cashier.mainFrame.url = 'https://evil.example/';
    expect(await rig.fake.invoke('app:info', cashier, {})).toMatchObject(forbidden);
  });

  it('the display page may only be a display: cashier channels are refused by role', async () => {
    rig = await startHostRig();
    const display = rig.fake.window(DISPLAY_TITLE).webContents;
    expect(await rig.fake.invoke('display:ready', display, {})).toMatchObject({ ok: true });
    expect(await rig.fake.invoke('sale:new', display, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('holds display updates until the display page says ready, then forwards them', async () => {
    rig = await startHostRig();
    const cashier = rig.fake.window('Kassa').webContents;
    const display = rig.fake.window(DISPLAY_TITLE).webContents;
    expect(await rig.fake.invoke('sale:new', cashier, {})).toMatchObject({ ok: true });
    expect(cashier.sent.some((m) => m.channel === 'sale:updated')).toBe(true);
    expect(display.sent.filter((m) => m.channel === 'display:update')).toEqual([]);
    expect(await rig.fake.invoke('display:ready', display, {})).toMatchObject({ ok: true });
    expect(await rig.fake.invoke('sale:void', cashier, {})).toBeDefined();
    expect(await rig.fake.invoke('sale:new', cashier, {})).toMatchObject({ ok: true });
    expect(display.sent.some((m) => m.channel === 'display:update')).toBe(true);
    // The display only ever gets display updates.
    expect(new Set(display.sent.map((m) => m.channel))).toEqual(new Set(['display:update']));
  });

  it('a reloaded display page waits for its own display:ready again', async () => {
    rig = await startHostRig();
    const cashier = rig.fake.window('Kassa').webContents;
    const display = rig.fake.window(DISPLAY_TITLE).webContents;
    await rig.fake.invoke('display:ready', display, {});
    display.crash();
    await rig.scheduler.advance(1_000);
    await rig.fake.settle();
    const before = display.sent.length;
    await rig.fake.invoke('sale:new', cashier, {});
    expect(display.sent.length).toBe(before);
  });
});
