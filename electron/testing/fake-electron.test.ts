/**
 * The fake refuses what Electron refuses, so a host that does things in the wrong order fails its tests here the
 * way it would fail on a till.
 */
import { describe, expect, it } from 'vitest';
import { FakeElectron } from './fake-electron';

describe('FakeElectron throws where Electron throws', () => {
  it('before ready: no windows, screen, session, powerMonitor or protocol handler', () => {
    const fake = new FakeElectron();
    const { api } = fake;
    expect(() => new api.BrowserWindow({})).toThrow(/before the app is ready/);
    expect(() => api.screen.getAllDisplays()).toThrow(/before the app is ready/);
    expect(() => api.session.defaultSession).toThrow(/before the app is ready/);
    expect(() => api.powerMonitor.on('shutdown', () => undefined)).toThrow(/before the app is ready/);
    expect(() => {
      api.protocol.handle('app', () => new Response(null));
    }).toThrow(/before the app is ready/);
  });

  it('after ready: no privileged schemes and no enableSandbox', async () => {
    const fake = new FakeElectron();
    await fake.ready();
    expect(() => {
      fake.api.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    }).toThrow(/before app is ready/);
    expect(() => {
      fake.api.app.enableSandbox();
    }).toThrow(/before app is ready/);
    expect(() => new fake.api.BrowserWindow({ title: 'ok' })).not.toThrow();
  });

  it('a second handler for one IPC channel', () => {
    const fake = new FakeElectron();
    fake.api.ipcMain.handle('app:info', () => null);
    expect(() => {
      fake.api.ipcMain.handle('app:info', () => null);
    }).toThrow("Attempted to register a second handler for 'app:info'");
    fake.api.ipcMain.removeHandler('app:info');
    expect(() => {
      fake.api.ipcMain.handle('app:info', () => null);
    }).not.toThrow();
  });
});
