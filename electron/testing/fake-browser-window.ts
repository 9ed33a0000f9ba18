/**
 * Fake BrowserWindow and WebContents for the Electron host tests (fake-electron.ts). They record what the host
 * does (bounds, fullscreen toggles, loads, sends) and let a test crash, hang or fail a page. A load completes in a
 * microtask, as in Electron, where it is never synchronous; tests await `FakeElectron.settle()`.
 */
import type {
  BrowserWindowConstructorOptions,
  PrinterInfo,
  Rectangle,
  RenderProcessGoneDetails,
  WebContentsPrintOptions,
} from '../windows/electron-api';
import type { ContentsApi, SenderFrame, WindowApi } from '../windows/electron-api';

type Listener = (...args: never[]) => unknown;

/** The one place a recorded listener is called with real arguments: the event tables in electron-api.ts type them. */
export class FakeEmitter {
  readonly #listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { listener, once: false }]);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { listener, once: true }]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    const entries = this.#listeners.get(event) ?? [];
    this.#listeners.set(
      event,
      entries.filter((e) => !e.once),
    );
    for (const { listener } of entries) {
      (listener as (...values: unknown[]) => unknown)(...args);
    }
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }
}

export interface FakeEvent {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent(): FakeEvent {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

/** What the next loadURL does. */
export type LoadOutcome = 'ok' | { failCode: number; description: string } | 'hang';

let nextContentsId = 1;

/** What the next webContents.print does: the spooler takes it, refuses it with a reason, or never answers. */
export type PrintOutcome = 'ok' | { failureReason: string } | 'hang';

/**
 * The operating system's printers as every fake web contents sees them: the list getPrintersAsync answers, and
 * each print call with its options and the page that was loaded when it was made.
 */
export class FakePrinting {
  printers: PrinterInfo[] = [];
  /** Makes getPrintersAsync reject (a print backend that fails). */
  listFailure: Error | null = null;
  nextPrints: PrintOutcome[] = [];
  readonly prints: { options: WebContentsPrintOptions; url: string; contentsId: number }[] = [];
}

export function fakePrinter(name: string, displayName = name): PrinterInfo {
  return { name, displayName, description: '', options: {} };
}

/** Electron's check on a custom page size (WebContents.print: both sides at least 353 microns). */
function assertPageSize(options: WebContentsPrintOptions): void {
  const size = options.pageSize;
  if (typeof size === 'object' && (size.width < 353 || size.height < 353)) {
    throw new Error('height and width properties must be minimum 352 microns.');
  }
}

export class FakeWebContents extends FakeEmitter implements ContentsApi {
  readonly id = nextContentsId++;
  readonly mainFrame: SenderFrame & { url: string };
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly loads: string[] = [];
  nextLoads: LoadOutcome[] = [];
  windowOpenHandler: Parameters<ContentsApi['setWindowOpenHandler']>[0] | null = null;
  #destroyed = false;
  readonly #onFirstPaint: () => void;
  readonly #printing: FakePrinting;

  constructor(onFirstPaint: () => void, printing: FakePrinting = new FakePrinting()) {
    super();
    this.mainFrame = { processId: 100 + this.id, routingId: 1, url: '' };
    this.#onFirstPaint = onFirstPaint;
    this.#printing = printing;
  }

  getPrintersAsync(): Promise<PrinterInfo[]> {
    const failure = this.#printing.listFailure;
    return failure
      ? Promise.reject(failure)
      : Promise.resolve(this.#printing.printers.map((p) => ({ ...p })));
  }

  /** Records the call; answers (or not) in a microtask, as Electron does after the spooler has the job. */
  print(
    options: WebContentsPrintOptions = {},
    callback: (success: boolean, failureReason: string) => void = () => undefined,
  ): void {
    assertPageSize(options);
    this.#printing.prints.push({ options, url: this.mainFrame.url, contentsId: this.id });
    const outcome = this.#printing.nextPrints.shift() ?? 'ok';
    queueMicrotask(() => {
      if (outcome === 'hang') {
        return;
      }
      if (outcome !== 'ok') {
        callback(false, outcome.failureReason);
      } else if (options.deviceName && !this.#printing.printers.some((p) => p.name === options.deviceName)) {
        callback(false, 'Invalid deviceName provided');
      } else {
        callback(true, '');
      }
    });
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }

  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    const outcome = this.nextLoads.shift() ?? 'ok';
    return new Promise<void>((resolve, reject) => {
      queueMicrotask(() => {
        if (this.#destroyed || outcome === 'hang') {
          return;
        }
        this.emit('did-start-loading');
        if (outcome === 'ok') {
          this.mainFrame.url = url;
          this.emit('did-finish-load');
          this.#onFirstPaint();
          resolve();
          return;
        }
        this.emit('did-fail-load', fakeEvent(), outcome.failCode, outcome.description, url, true);
        reject(new Error(`${outcome.description} (${String(outcome.failCode)}) loading '${url}'`));
      });
    });
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  setWindowOpenHandler(handler: Parameters<ContentsApi['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  /** What Electron does after forcefullyCrashRenderer: the renderer is gone, the page blank. */
  forcefullyCrashRenderer(): void {
    this.crash('killed');
  }

  crash(reason: RenderProcessGoneDetails['reason'] = 'crashed'): void {
    this.mainFrame.url = '';
    this.emit('render-process-gone', fakeEvent(), { reason, exitCode: 139 });
  }

  destroy(): void {
    if (!this.#destroyed) {
      this.#destroyed = true;
      this.emit('destroyed');
    }
  }
}

export class FakeBrowserWindow extends FakeEmitter implements WindowApi {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  /** Every call that changes what the customer sees, in order: 'bounds', 'fullscreen:on', 'fullscreen:off'. */
  readonly changes: string[] = [];
  #bounds: Rectangle;
  #fullScreen = false;
  #visible = false;
  #minimized = false;
  #destroyed = false;
  #painted = false;
  readonly #focus: (window: FakeBrowserWindow) => void;

  constructor(
    options: BrowserWindowConstructorOptions,
    focus: (window: FakeBrowserWindow) => void,
    printing?: FakePrinting,
  ) {
    super();
    this.options = options;
    this.#focus = focus;
    this.#bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.webContents = new FakeWebContents(() => {
      if (!this.#painted) {
        this.#painted = true;
        this.emit('ready-to-show');
      }
    }, printing);
  }

  show(): void {
    this.#visible = true;
    this.#minimized = false;
    this.#focus(this);
  }

  showInactive(): void {
    this.#visible = true;
  }

  focus(): void {
    this.#focus(this);
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  minimize(): void {
    this.#minimized = true;
  }

  restore(): void {
    this.#minimized = false;
  }

  getBounds(): Rectangle {
    return { ...this.#bounds };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
    this.changes.push('bounds');
  }

  isFullScreen(): boolean {
    return this.#fullScreen;
  }

  setFullScreen(flag: boolean): void {
    this.#fullScreen = flag;
    this.changes.push(flag ? 'fullscreen:on' : 'fullscreen:off');
  }

  isVisible(): boolean {
    return this.#visible;
  }

  moveTop(): void {
    this.changes.push('top');
  }

  destroy(): void {
    if (this.#destroyed) {
      return;
    }
    this.#destroyed = true;
    this.#visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }
}
