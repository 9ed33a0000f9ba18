/**
 * The Electron modules of FakeElectron (fake-electron.ts): each throws where real Electron throws, and records
 * into the fake's state.
 */
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Display,
  Menu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Rectangle,
} from '../windows/electron-api';
import type { ElectronApi } from '../windows/electron-api';
import {
  FakeBrowserWindow,
  FakeEmitter,
  fakeEvent,
  type FakePrinting,
  type LoadOutcome,
} from './fake-browser-window';

export type ProtocolHandler = Parameters<ElectronApi['protocol']['handle']>[1];
export type IpcListener = Parameters<ElectronApi['ipcMain']['handle']>[1];
export type PermissionRequestHandler = Parameters<
  ElectronApi['session']['defaultSession']['setPermissionRequestHandler']
>[0];

export interface FakeElectronOptions {
  /** false: another instance holds the lock. */
  singleInstanceLock?: boolean;
  displays?: Display[];
  isPackaged?: boolean;
  paths?: Partial<Record<'userData' | 'logs', string>>;
  safeStorageAvailable?: boolean;
  /** What the first loads of every new window do (then 'ok'). */
  firstLoads?: LoadOutcome[];
}

/** What the fake modules read and record (FakeElectron's public state). */
export interface FakeState {
  isReady: boolean;
  readonly calls: string[];
  readonly windows: FakeBrowserWindow[];
  focused: FakeBrowserWindow | null;
  displays: Display[];
  exitCode: number | null;
  quitCalls: number;
  lockReleased: boolean;
  readonly schemes: CustomScheme[];
  readonly protocolHandlers: Map<string, ProtocolHandler>;
  readonly ipcHandlers: Map<string, IpcListener>;
  readonly errorBoxes: { title: string; content: string }[];
  readonly messageBoxes: MessageBoxOptions[];
  menu: MenuItemConstructorOptions[] | null | undefined;
  readonly builtMenus: Map<Menu, MenuItemConstructorOptions[]>;
  readonly powerBlockers: Set<number>;
  permissionRequestHandler: PermissionRequestHandler | null;
  readonly switches: Map<string, string>;
  readonly readyPromise: Promise<void>;
  /** The system printers every window's web contents sees. */
  readonly printing: FakePrinting;
  notifyExit(code: number): void;
}

const overlap = (a: Rectangle, b: Rectangle): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

export function buildFakeModules(
  fake: FakeState,
  options: FakeElectronOptions,
): {
  app: ElectronApi['app'] & FakeEmitter;
  screen: ElectronApi['screen'] & FakeEmitter;
  powerMonitor: FakeEmitter;
  api: ElectronApi;
} {
  const beforeReady = (what: string): void => {
    if (!fake.isReady) {
      throw new Error(`${what} cannot be used before the app is ready`);
    }
  };

  class App extends FakeEmitter {
    readonly isPackaged = options.isPackaged ?? false;
    readonly commandLine = {
      appendSwitch: (name: string, value?: string): void => {
        fake.switches.set(name, value ?? '');
      },
      hasSwitch: (name: string): boolean => fake.switches.has(name),
    };
    requestSingleInstanceLock(): boolean {
      fake.calls.push('requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    }
    releaseSingleInstanceLock(): void {
      fake.lockReleased = true;
    }
    quit(): void {
      fake.quitCalls += 1;
      // Real Electron: before-quit first; a listener may prevent it. Then the windows close and the app ends.
      const event = fakeEvent();
      this.emit('before-quit', event);
      if (!event.defaultPrevented) {
        fake.exitCode ??= 0;
      }
    }
    exit(code?: number): void {
      fake.exitCode = code ?? 0;
      fake.notifyExit(fake.exitCode);
      for (const window of fake.windows) {
        window.destroy();
      }
    }
    whenReady(): Promise<void> {
      return fake.readyPromise;
    }
    enableSandbox(): void {
      if (fake.isReady) {
        throw new Error('app.enableSandbox() can only be called before app is ready');
      }
      fake.calls.push('enableSandbox');
    }
    getPath(name: string): string {
      const path = options.paths?.[name as 'userData' | 'logs'];
      if (path === undefined) {
        throw new Error(`fake electron: no path '${name}' given`);
      }
      return path;
    }
    getVersion(): string {
      return '0.0.0-test';
    }
  }
  const app = new App();

  class Screen extends FakeEmitter {
    getAllDisplays(): Display[] {
      beforeReady("The 'screen' module");
      return fake.displays.map((d) => ({ ...d }));
    }
    getPrimaryDisplay(): Display {
      beforeReady("The 'screen' module");
      const first = fake.displays[0];
      if (!first) {
        throw new Error('fake electron: no displays');
      }
      return first;
    }
    getDisplayMatching(rect: Rectangle): Display {
      return (
        [...fake.displays].sort((a, b) => overlap(b.bounds, rect) - overlap(a.bounds, rect))[0] ??
        this.getPrimaryDisplay()
      );
    }
  }
  const screen = new Screen();
  const powerMonitor = new FakeEmitter();

  class BrowserWindow extends FakeBrowserWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      beforeReady('BrowserWindow');
      super(
        windowOptions,
        (window) => {
          fake.focused = window;
          window.emit('focus');
        },
        fake.printing,
      );
      this.webContents.nextLoads = [...(options.firstLoads ?? [])];
      fake.windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
  }

  let nextBlocker = 1;
  const session = {
    setPermissionRequestHandler: (handler: PermissionRequestHandler): void => {
      fake.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler: (handler: () => boolean): void => {
      fake.calls.push(`permissionCheck:${String(handler())}`);
    },
    setDevicePermissionHandler: (handler: () => boolean): void => {
      fake.calls.push(`devicePermission:${String(handler())}`);
    },
  };

  const api: ElectronApi = {
    app,
    BrowserWindow,
    screen,
    ipcMain: {
      handle(channel, listener) {
        if (fake.ipcHandlers.has(channel)) {
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        }
        fake.ipcHandlers.set(channel, listener);
      },
      removeHandler(channel) {
        fake.ipcHandlers.delete(channel);
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes) {
        if (fake.isReady) {
          throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        }
        fake.schemes.push(...schemes);
      },
      handle(scheme, handler) {
        beforeReady('protocol.handle');
        fake.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      get defaultSession() {
        beforeReady('session.defaultSession');
        return session;
      },
    },
    dialog: {
      showErrorBox(title, content) {
        fake.errorBoxes.push({ title, content });
      },
      showMessageBox(boxOptions: MessageBoxOptions): Promise<MessageBoxReturnValue> {
        fake.messageBoxes.push(boxOptions);
        return Promise.resolve({ response: 0, checkboxChecked: false });
      },
    },
    Menu: {
      setApplicationMenu(menu: Menu | null) {
        fake.menu = menu === null ? null : (fake.builtMenus.get(menu) ?? []);
      },
      buildFromTemplate(template: MenuItemConstructorOptions[]): Menu {
        // An opaque Menu object: the host only hands it back to setApplicationMenu.
        const menu = Object.create(null) as Menu;
        fake.builtMenus.set(menu, template);
        return menu;
      },
    },
    powerSaveBlocker: {
      start() {
        const id = nextBlocker++;
        fake.powerBlockers.add(id);
        return id;
      },
      stop(id) {
        return fake.powerBlockers.delete(id);
      },
      isStarted(id) {
        return fake.powerBlockers.has(id);
      },
    },
    powerMonitor: {
      on(event, listener) {
        beforeReady('powerMonitor');
        powerMonitor.on(event, listener);
        return powerMonitor;
      },
    },
    safeStorage: {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fake mirrors the sync calls electron-vault.ts uses
      isEncryptionAvailable: () => options.safeStorageAvailable ?? true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fake mirrors the sync calls electron-vault.ts uses
      encryptString(plain) {
        beforeReady('safeStorage');
        return Buffer.from(`sealed:${plain}`, 'utf8');
      },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fake mirrors the sync calls electron-vault.ts uses
      decryptString(sealed) {
        const text = sealed.toString('utf8');
        if (!text.startsWith('sealed:')) {
          throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        }
        return text.slice('sealed:'.length);
      },
    },
  };
  return { app, screen, powerMonitor, api };
}
