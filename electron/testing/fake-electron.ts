/**
 * A fake of the Electron API the host uses (windows/electron-api.ts), for running the host under Node. It throws
 * where real Electron throws — a window, the screen, the session or powerMonitor before `ready`; a privileged
 * scheme, or enableSandbox, after it; a second handler for one IPC channel — so ordering mistakes fail here as they
 * would on a till. Everything the host does is recorded for the tests to read.
 */
import type {
  CustomScheme,
  Display,
  Menu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  Rectangle,
} from '../windows/electron-api';
import type { ElectronApi, InvokeEvent, SenderFrame } from '../windows/electron-api';
import {
  fakeEvent,
  FakePrinting,
  type FakeBrowserWindow,
  type FakeEmitter,
  type FakeWebContents,
} from './fake-browser-window';
import {
  buildFakeModules,
  type FakeElectronOptions,
  type FakeState,
  type IpcListener,
  type PermissionRequestHandler,
  type ProtocolHandler,
} from './fake-electron-modules';

export type { FakeElectronOptions } from './fake-electron-modules';

export function fakeDisplay(id: number, bounds: Rectangle, workArea: Rectangle = bounds): Display {
  return {
    id,
    bounds,
    workArea,
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: 'srgb',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    internal: false,
    label: `screen ${String(id)}`,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    nativeOrigin: { x: bounds.x, y: bounds.y },
    rotation: 0,
    scaleFactor: 1,
    size: { width: bounds.width, height: bounds.height },
    touchSupport: 'unknown',
    workAreaSize: { width: workArea.width, height: workArea.height },
  };
}

export class FakeElectron implements FakeState {
  isReady = false;
  readonly calls: string[] = [];
  readonly windows: FakeBrowserWindow[] = [];
  focused: FakeBrowserWindow | null = null;
  displays: Display[];
  exitCode: number | null = null;
  quitCalls = 0;
  lockReleased = false;
  readonly schemes: CustomScheme[] = [];
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  readonly ipcHandlers = new Map<string, IpcListener>();
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: MessageBoxOptions[] = [];
  menu: MenuItemConstructorOptions[] | null | undefined = undefined;
  readonly builtMenus = new Map<Menu, MenuItemConstructorOptions[]>();
  readonly powerBlockers = new Set<number>();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  readonly switches = new Map<string, string>();
  readonly printing = new FakePrinting();
  readonly readyPromise: Promise<void>;
  /** Resolves with the exit code once the host called app.exit. */
  readonly exited: Promise<number>;
  readonly app: ElectronApi['app'] & FakeEmitter;
  readonly screen: ElectronApi['screen'] & FakeEmitter;
  readonly powerMonitor: FakeEmitter;
  readonly api: ElectronApi;
  #resolveReady: () => void = () => undefined;
  #resolveExit: (code: number) => void = () => undefined;

  constructor(options: FakeElectronOptions = {}) {
    this.displays = options.displays ?? [fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 })];
    this.readyPromise = new Promise<void>((resolve) => {
      this.#resolveReady = resolve;
    });
    this.exited = new Promise<number>((resolve) => {
      this.#resolveExit = resolve;
    });
    const modules = buildFakeModules(this, options);
    this.app = modules.app;
    this.screen = modules.screen;
    this.powerMonitor = modules.powerMonitor;
    this.api = modules.api;
  }

  notifyExit(code: number): void {
    this.#resolveExit(code);
  }

  /** Fires `ready`. */
  async ready(): Promise<void> {
    this.isReady = true;
    this.#resolveReady();
    await this.settle();
  }

  /** Lets queued loads and promise chains run. */
  async settle(rounds = 20): Promise<void> {
    for (let i = 0; i < rounds; i += 1) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  window(title: string): FakeBrowserWindow {
    const found = this.windows.filter((w) => w.options.title === title && !w.isDestroyed()).at(-1);
    if (!found) {
      throw new Error(`no open window titled ${title}`);
    }
    return found;
  }

  /** An IPC call as a page would make it. `frame` defaults to the sender's main frame. */
  invoke(
    channel: string,
    sender: FakeWebContents,
    input: unknown,
    frame?: SenderFrame | null,
  ): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) {
      return Promise.reject(new Error(`No handler registered for '${channel}'`));
    }
    const event: InvokeEvent = { sender, senderFrame: frame === undefined ? { ...sender.mainFrame } : frame };
    return Promise.resolve(handler(event, input));
  }

  /** A request to the app:// protocol, as a page would make it. */
  async request(url: string, method = 'GET'): Promise<Response> {
    const handler = this.protocolHandlers.get(new URL(url).protocol.replace(':', ''));
    if (!handler) {
      throw new Error(`no protocol handler for ${url}`);
    }
    return handler(new Request(url, { method }));
  }

  plug(display: Display): void {
    this.displays = [...this.displays, display];
    this.screen.emit('display-added', fakeEvent(), display);
  }

  unplug(id: number): void {
    const gone = this.displays.find((d) => d.id === id);
    this.displays = this.displays.filter((d) => d.id !== id);
    this.screen.emit('display-removed', fakeEvent(), gone);
  }

  metricsChanged(id: number, change: Partial<Pick<Display, 'workArea' | 'scaleFactor'>>): void {
    this.displays = this.displays.map((d) => (d.id === id ? { ...d, ...change } : d));
    this.screen.emit(
      'display-metrics-changed',
      fakeEvent(),
      this.displays.find((d) => d.id === id),
      ['workArea'],
    );
  }
}
