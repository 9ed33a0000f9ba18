/**
 * The part of Electron's API the host uses, as one object handed to `runElectronHost` (docs/architecture.md
 * §1.1). electron/main.ts passes the real modules; electron/testing/fake-electron.ts passes a fake that runs
 * under Node, so the host's behaviour is tested without an Electron binary (none can be downloaded here).
 *
 * Plain methods are `Pick`s of Electron's own types, so a signature that changes in an Electron upgrade breaks
 * the type check here and in the fake alike. Electron's event emitters declare `on` with ~100 overloads that
 * return the emitter itself, which no fake can implement; the events the host listens to are listed instead, one
 * overload each, with the listener types copied from Electron's declarations (the real objects satisfy them).
 */
import type {
  App,
  BrowserWindowConstructorOptions,
  Dialog,
  Display,
  Event,
  IpcMain,
  Menu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  PowerSaveBlocker,
  Protocol,
  RenderProcessGoneDetails,
  SafeStorage,
  Screen,
  WebContents,
  WindowSessionEndEvent,
  BrowserWindow,
} from 'electron';

export interface AppEvents {
  on(
    event: 'second-instance',
    listener: (event: Event, argv: string[], workingDirectory: string) => void,
  ): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: Event) => void): unknown;
  on(event: 'web-contents-created', listener: (event: Event, webContents: ContentsApi) => void): unknown;
}

export type AppApi = AppEvents &
  Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'releaseSingleInstanceLock'
    | 'quit'
    | 'exit'
    | 'whenReady'
    | 'enableSandbox'
    | 'getPath'
    | 'getVersion'
    | 'isPackaged'
  > & { readonly commandLine: Pick<App['commandLine'], 'appendSwitch' | 'hasSwitch'> };

export interface ContentsEvents {
  on(event: 'did-start-loading' | 'did-finish-load', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (
      event: Event,
      errorCode: number,
      errorDescription: string,
      validatedURL: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: Event, details: RenderProcessGoneDetails) => void,
  ): unknown;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * A window's web contents, as the host sees it. `getPrintersAsync` and `print` serve the system printers
 * (system-printer.ts): the list for the settings screen, a receipt page printed silently on a named printer.
 */
export type ContentsApi = ContentsEvents & { readonly mainFrame: SenderFrame } & Pick<
    WebContents,
    | 'id'
    | 'send'
    | 'loadURL'
    | 'isDestroyed'
    | 'setWindowOpenHandler'
    | 'getURL'
    | 'forcefullyCrashRenderer'
    | 'getPrintersAsync'
    | 'print'
  >;

export interface WindowEvents {
  on(event: 'closed' | 'focus' | 'move' | 'unresponsive' | 'responsive', listener: () => void): unknown;
  on(event: 'session-end', listener: (event: WindowSessionEndEvent) => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export type WindowApi = WindowEvents &
  Pick<
    BrowserWindow,
    | 'show'
    | 'showInactive'
    | 'focus'
    | 'isMinimized'
    | 'restore'
    | 'getBounds'
    | 'setBounds'
    | 'isFullScreen'
    | 'setFullScreen'
    | 'isVisible'
    | 'destroy'
    | 'isDestroyed'
    | 'moveTop'
  > & { readonly webContents: ContentsApi };

export interface ScreenEvents {
  on(event: 'display-added', listener: (event: Event, newDisplay: Display) => void): unknown;
  on(event: 'display-removed', listener: (event: Event, oldDisplay: Display) => void): unknown;
  on(
    event: 'display-metrics-changed',
    listener: (event: Event, display: Display, changedMetrics: string[]) => void,
  ): unknown;
}

export type ScreenApi = ScreenEvents &
  Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>;

/** The frame that sent an IPC message (Electron's `WebFrameMain`, the fields sender-role.ts compares). */
export interface SenderFrame {
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
}

export interface InvokeEvent {
  readonly sender: ContentsApi;
  readonly senderFrame: SenderFrame | null;
}

/** The session's permission handlers, narrowed to the arguments guards.ts reads. */
export interface SessionApi {
  setPermissionRequestHandler(
    handler: (
      contents: Pick<WebContents, 'getURL'>,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export interface PowerMonitorEvents {
  /** Linux and macOS: the system is shutting down (Windows uses the window's `session-end`). */
  on(event: 'shutdown', listener: () => void): unknown;
}

export interface ElectronApi {
  readonly app: AppApi;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => WindowApi;
  readonly screen: ScreenApi;
  readonly ipcMain: Pick<IpcMain, 'removeHandler'> & {
    /** Narrowed to what the host reads of the event (the real `IpcMainInvokeEvent` has it all). */
    handle(channel: string, listener: (event: InvokeEvent, input: unknown) => unknown): void;
  };
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  readonly session: { readonly defaultSession: SessionApi };
  readonly dialog: Pick<Dialog, 'showErrorBox'> & {
    showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  };
  readonly Menu: {
    setApplicationMenu(menu: Menu | null): void;
    buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  };
  readonly powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  readonly powerMonitor: PowerMonitorEvents;
  readonly safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >;
}

/** Electron's own types the fake (electron/testing/fake-electron.ts) builds; only windows/ may name `electron`. */
export type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Display,
  Menu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  PrinterInfo,
  Rectangle,
  RenderProcessGoneDetails,
  WebContentsPrintOptions,
} from 'electron';
