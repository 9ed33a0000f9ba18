/**
 * The Electron host's life under Node, against FakeElectron (which throws where Electron throws): ordering, single
 * instance, start failures on screen, quitting with a core that hangs, the system shutting down.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kassa } from '../core/kassa';
import { fakeDisplay } from '../testing/fake-electron';
import { fakeEvent } from '../testing/fake-browser-window';
import { startHostRig, type HostRig } from '../testing/host-rig';
import { CLOSE_TIMEOUT_MS } from './electron-host';
import { START_FAILED_TITLE } from './host-texts';

let rig: HostRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

const hanging = (core: Kassa): Kassa => ({ ...core, close: () => new Promise<void>(() => undefined) });

describe('Electron host: ordering', () => {
  it('registers the privileged scheme and the sandbox before ready, windows and protocol after', async () => {
    rig = await startHostRig({ deferReady: true });
    const { fake } = rig;
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.windows).toHaveLength(0);
    expect(fake.protocolHandlers.size).toBe(0);
    await fake.ready();
    await rig.host.started;
    await fake.settle();
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(fake.window('Kassa').webContents.loads).toEqual(['app://kassa/cashier.html']);
    expect(fake.window('Kassa').isVisible()).toBe(true);
    expect(fake.window('Kassa — customer display').isVisible()).toBe(true);
    // The fake refuses what Electron refuses: the host did none of it in the wrong order.
    expect(() => {
      fake.api.protocol.registerSchemesAsPrivileged([]);
    }).toThrow(/before app is ready/);
  });

  it('uses the data dir given on the command line (npm start passes the browser host one)', async () => {
    rig = await startHostRig();
    expect(rig.host.dataDir).toBe(rig.dataDir);
    expect(
      rig.lines.some((line) => line.includes('"msg":"data dir"') && line.includes(rig?.dataDir ?? '?')),
    ).toBe(true);
  });

  it('says in the log when a Wayland session runs without --ozone-platform=x11', async () => {
    rig = await startHostRig({ env: { XDG_SESSION_TYPE: 'wayland' } });
    expect(rig.lines.some((line) => line.includes('Wayland session without --ozone-platform=x11'))).toBe(
      true,
    );
    await rig.dispose();
    rig = await startHostRig({ env: { XDG_SESSION_TYPE: 'x11' } });
    expect(rig.lines.some((line) => line.includes('Wayland'))).toBe(false);
  });
});

describe('Electron host: single instance', () => {
  it('a second instance quits at once and opens nothing', async () => {
    rig = await startHostRig({ singleInstanceLock: false, deferReady: true });
    expect(rig.fake.quitCalls).toBe(1);
    expect(rig.fake.schemes).toEqual([]);
    await rig.fake.ready();
    await rig.fake.settle();
    expect(rig.fake.windows).toHaveLength(0);
  });

  it('a second launch brings the cashier window back to the front', async () => {
    rig = await startHostRig();
    const cashier = rig.fake.window('Kassa');
    cashier.minimize();
    rig.fake.focused = null;
    rig.fake.app.emit('second-instance', fakeEvent(), ['kassa'], '/');
    expect(cashier.isMinimized()).toBe(false);
    expect(rig.fake.focused).toBe(cashier);
  });
});

describe('Electron host: start failures are shown, not only logged', () => {
  it('a damaged settings file: an error box naming the file, exit code 1, no window', async () => {
    rig = await startHostRig({ files: { 'settings.json': JSON.stringify({ profile: 'bogus' }) } });
    expect(rig.fake.windows).toHaveLength(0);
    expect(rig.fake.errorBoxes).toHaveLength(1);
    const box = rig.fake.errorBoxes[0];
    expect(box?.title).toBe(START_FAILED_TITLE);
    expect(box?.content).toContain('settings.json');
    expect(box?.content).toContain('kassa.log');
    expect(await rig.fake.exited).toBe(1);
    expect(rig.fake.lockReleased).toBe(true);
  });

  it('a data dir that cannot be created: an error box, exit code 1', async () => {
    const blocker = await startHostRig({ deferReady: true });
    const file = join(blocker.dataDir, 'not-a-dir');
    writeFileSync(file, 'x');
    rig = await startHostRig({ argv: ['kassa', `--data-dir=${join(file, 'data')}`] });
    expect(rig.fake.errorBoxes[0]?.content).toMatch(/ENOTDIR|not a directory/);
    expect(rig.fake.exitCode).toBe(1);
    await blocker.dispose();
  });

  it('a store that cannot be opened (lmdb refuses its path): an error box, exit code 1', async () => {
    // The catalog is an lmdb environment in <dataDir>/catalog: a plain file there makes lmdb's open fail.
    rig = await startHostRig({ files: { catalog: 'not an lmdb environment' } });
    expect(rig.fake.errorBoxes).toHaveLength(1);
    expect(rig.fake.errorBoxes[0]?.title).toBe(START_FAILED_TITLE);
    expect(rig.fake.windows).toHaveLength(0);
    expect(await rig.fake.exited).toBe(1);
  });
});

describe('Electron host: quitting always ends', () => {
  it('quit closes the core first, then exits and releases the lock', async () => {
    rig = await startHostRig();
    expect(rig.core()).not.toBeNull();
    rig.fake.app.quit();
    expect(rig.fake.exitCode).toBeNull();
    expect(await rig.fake.exited).toBe(0);
    expect(rig.fake.lockReleased).toBe(true);
    expect(rig.fake.windows.every((w) => w.isDestroyed())).toBe(true);
  });

  it('a core whose close hangs is cut off after the close timeout, and the process still exits', async () => {
    rig = await startHostRig({ wrapCore: hanging });
    rig.fake.app.quit();
    await rig.fake.settle();
    expect(rig.fake.exitCode).toBeNull();
    await rig.scheduler.advance(CLOSE_TIMEOUT_MS - 1);
    await rig.fake.settle();
    expect(rig.fake.exitCode).toBeNull();
    await rig.scheduler.advance(1);
    await rig.fake.settle();
    expect(rig.fake.exitCode).toBe(0);
    expect(rig.fake.lockReleased).toBe(true);
    expect(rig.lines.some((line) => line.includes('did not close in time'))).toBe(true);
  });

  it('quitting twice closes the core once', async () => {
    let closes = 0;
    rig = await startHostRig({
      wrapCore: (core) => ({
        ...core,
        close: () => {
          closes += 1;
          return core.close();
        },
      }),
    });
    rig.fake.app.quit();
    rig.fake.app.emit('before-quit', fakeEvent());
    expect(await rig.fake.exited).toBe(0);
    expect(closes).toBe(1);
  });

  it('system shutdown (Linux/macOS powerMonitor) and Windows session-end close the core and exit', async () => {
    rig = await startHostRig();
    rig.fake.powerMonitor.emit('shutdown');
    expect(await rig.fake.exited).toBe(0);
    await rig.dispose();
    rig = await startHostRig({ platform: 'win32' });
    rig.fake.window('Kassa').emit('session-end', fakeEvent());
    expect(await rig.fake.exited).toBe(0);
    expect(rig.lines.some((line) => line.includes('"why":"session end"'))).toBe(true);
  });

  it('closing the cashier window closes the display and quits', async () => {
    rig = await startHostRig({
      displays: [fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 })],
    });
    const display = rig.fake.window('Kassa — customer display');
    rig.fake.window('Kassa').destroy();
    expect(display.isDestroyed()).toBe(true);
    expect(await rig.fake.exited).toBe(0);
  });
});

describe('Electron host: menu', () => {
  it('Linux and Windows get no menu (no accelerators), macOS the app and edit menus', async () => {
    rig = await startHostRig({ platform: 'linux' });
    expect(rig.fake.menu).toBeNull();
    await rig.dispose();
    rig = await startHostRig({ platform: 'darwin' });
    expect(rig.fake.menu).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
  });
});
