/**
 * createKassa: the host-agnostic core. Every host (Electron, browser, CLI, tests) builds one with its own
 * storage implementations and drives it only through `invoke(caller, channel, input, connection)` and
 * `on(event, …)`. The host names the page (or the operator) and hands a per-connection key; the core's
 * sessions decide the person on it (docs/architecture.md §3.1). It never imports electron.
 */
import { SANDBOX_FREE_ITEM_CODE } from '../../shared/product-codes';
import type { Caller, CallerRole } from '../../shared/channel';
import { isChannelName, roleMayInvoke, type EventName, type EventPayload } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { CURRENCY_BY_COUNTRY, type Settings } from '../../shared/settings';
import { createDeviceHandlers } from '../devices/handlers';
import type { HidBackend } from '../devices/hid';
import type { HotplugSource } from '../devices/hotplug';
import { createFileSelectionStore } from '../devices/selection-store';
import { createDeviceService } from '../devices/service';
import { createPoleMirror } from '../devices/pole/mirror';
import type { PoleTransport } from '../devices/pole/transports';
import type { SystemPrinters } from '../devices/printer/driver';
import type { PoleSettings } from '../../shared/settings/devices';
import { handle, type AllHandlers } from '../ipc/handle';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { createApprovalHandlers } from '../receipts/approval-handlers';
import { createReceiptHandlers } from '../receipts/receipt-handlers';
import { ReceiptService } from '../receipts/receipt-service';
import { ApprovalService } from '../receipts/approval-service';
import { createSandboxCustomerHandlers } from '../sandbox/customer-handlers';
import { createSandboxScannerHandlers } from '../sandbox/scanner-handlers';
import type { CreateSandboxScanner, StartSandbox } from '../sandbox/types';
import { createCatalogHandlers } from '../sales/catalog-handlers';
import { CardAttachService } from '../payments/card-attach';
import { createCardAttachHandlers } from '../payments/card-attach-handlers';
import { DEFAULT_VAT } from '../sales/line-edits';
import { createTill } from './till';
import { KassaError } from '../kernel/errors';
import { createRealScheduler } from '../kernel/scheduler';
import { openCatalogStore } from '../storage/catalog-store';
import { openJournal } from '../storage/journal';
import { openUploadStore } from '../storage/uploads';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from '../kernel/clock';
import { createSessions } from '../ipc/sessions';
import { createSignInThrottle } from '../ipc/sign-in-throttle';
import { openManagerStore } from '../storage/managers';
import { openSignInLockStore } from '../storage/sign-in-lock';
import { baseChecks, createFoundationHandlers, type HostKind } from './foundation-handlers';
import { createDisplayFeed, isIdle } from './display-feed';
import { createSessionHandlers } from './session-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createEventBus, type EventBus } from '../kernel/events';
import { createPaymentAdapters } from './payment-adapters';
import { createUploadHandlers } from './upload-handlers';
import { createProviderRuntime, type ProviderRuntime } from './provider-runtime';
import { sandboxScannerDevices } from './sandbox-scanner';
import { createScanActions } from './scan-actions';
import { approvalSessionEnd } from './approval-session';
import { loadDemoCatalogIfEmpty, onProfileOrCountryChange } from './demo-catalog-policy';
import { recoverOnStart } from './recover-on-start';
import { createPrinting } from './printing';
import { listPrinters } from '../devices/printer/printer-list';
import type { PrinterTransport } from '../devices/printer/transports/transport';
import type { PrinterConnectionOf } from '../devices/printer/printer-service';
import type { CallContext } from '../kernel/handlers';

export interface KassaDeps {
  clock: Clock;
  dataDir: string;
  settings: SettingsStore;
  vault: SecretVault;
  logger: Logger;
  redactor: Redactor;
  host: HostKind;
  version: string;
  /** Tests validate every output against the contract. */
  validateOutput?: boolean;
  /** Provider request timeout override (tests). */
  providerTimeoutMs?: number;
  /** HID access: the real node-hid backend by default; tests pass a FakeHidBackend. */
  hidBackend?: HidBackend;
  /** USB plug/unplug events: the `usb` package by default; false turns them off (CLI, tests). */
  hotplug?: HotplugSource | (() => Promise<HotplugSource>) | false;
  /** Starts the sandbox profile's provider simulators (hosts pass sandbox/simulators.ts; see ProviderRuntimeDeps). */
  startSandbox?: StartSandbox;
  /**
   * The sandbox profile's virtual HID POS scanner (hosts pass sandbox/hid-scanner.ts): listed among the HID
   * devices and driven by sandbox:scan while the till is in the sandbox profile; without it there is none.
   */
  sandboxScanner?: CreateSandboxScanner;
  /** Pole display transport override (tests); by default serial or HID from settings. */
  poleTransport?: (settings: PoleSettings) => PoleTransport;
  /** The operating system's printers (Electron host only; webContents.print). */
  systemPrinters?: SystemPrinters;
  /** Receipt printer transport override (tests); by default TCP, serial or USB from settings. */
  printerTransport?: (connection: PrinterConnectionOf) => PrinterTransport;
  /** How long a manager session lasts without a manager action (tests shorten it). */
  sessionIdleMs?: number;
}

export interface Kassa {
  /**
   * One call. `caller` is the page the host decided from the sender, or 'operator' for the CLI; `connection`
   * is the host's object for that page's connection (its session lives there). Without one a page is a cashier.
   */
  invoke(caller: Caller, channel: string, input: unknown, connection?: object): Promise<Envelope<unknown>>;
  /** The host ends the session of a connection (closed, reloaded). */
  endSession(connection: object): void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Provider clients and the sandbox simulators (hosts and tests; never exposed to a page). */
  readonly providers: ProviderRuntime;
  /** Resolves once payments left open by the last run have been re-checked and polling has resumed. */
  readonly recovered: Promise<void>;
  close(): Promise<void>;
}

export function createKassa(deps: KassaDeps): Kassa {
  const events: EventBus = createEventBus();
  const log = deps.logger;
  const providers = createProviderRuntime({
    settings: deps.settings,
    vault: deps.vault,
    clock: deps.clock,
    logger: log,
    redactor: deps.redactor,
    ...(deps.providerTimeoutMs === undefined ? {} : { timeoutMs: deps.providerTimeoutMs }),
    ...(deps.startSandbox ? { startSandbox: deps.startSandbox } : {}),
  });
  const hid = deps.hidBackend;
  const pole = createPoleMirror({
    settings: () => deps.settings.get().devices.pole,
    logger: log.child({ component: 'pole' }),
    ...(hid ? { hidBackend: () => hid } : {}),
    ...(deps.poleTransport ? { transport: deps.poleTransport } : {}),
  });

  // The display follows the current sale; it never computes anything itself (core/display-feed.ts).
  const display = createDisplayFeed({
    settings: () => deps.settings.get(),
    currentSaleId: () => till.sales.current()?.sale.id,
    receiptQr: (saleId) => receipts.receiptQr(saleId),
    show: (next) => {
      events.emit('display:update', next);
      pole.show(next);
    },
  });

  let country = deps.settings.get().country;
  const onSettingsChanged = (before: Settings, settings: Settings): void => {
    onProfileOrCountryChange(catalog, before, settings);
    if (settings.country !== country) {
      country = settings.country;
      // Another country sells in another currency: an empty sale started in the old currency is dropped so the
      // next one opens in the new one. A sale with lines is left alone.
      const current = till.sales.current();
      if (current && isIdle(current)) {
        void till.sales.void('country changed', current.sale.id).catch((error: unknown) => {
          log.warn({ err: error }, 'settings: could not drop the empty sale after a country change');
        });
      }
    }
    display.refresh();
    printing.printer.settingsChanged();
  };

  const journal = openJournal({ dataDir: deps.dataDir, logger: log });
  // The catalog on disk (docs/architecture.md §5, "Catalog"); the sandbox starts with its demo catalog only
  // when there is none, so a price list imported in the sandbox survives a restart.
  const catalog = openCatalogStore({ dataDir: deps.dataDir });
  loadDemoCatalogIfEmpty(catalog, deps.settings.get());
  const uploads = openUploadStore({ dataDir: deps.dataDir, clock: deps.clock });
  const adapters = createPaymentAdapters(providers);
  const till = createTill({
    journal,
    clock: deps.clock,
    logger: log,
    scheduler: createRealScheduler((error) => {
      log.error({ err: error }, 'payments: a scheduled check failed');
    }),
    country: () => deps.settings.get().country,
    provider: (id) => adapters.get(id),
    catalog,
    receiptsNeeded: (sale) => receipts.needed(sale),
    // Who resolved a payment (payment:resolve) is the session's manager; sessions are built below.
    managerName: (connection) => sessions.view(connection).manager?.name,
    freeItemClassificationCode: () => {
      const { profile, providers } = deps.settings.get();
      const code = providers.ebarimt.freeItemClassificationCode;
      return code === '' && profile === 'sandbox' ? SANDBOX_FREE_ITEM_CODE : code;
    },
    events: {
      sale: (view) => {
        events.emit('sale:updated', view);
        display.saleChanged(view);
        receipts.onSaleChanged(view.sale);
        printing.printing.onSale(view);
      },
      payment: (payment) => {
        events.emit('payment:updated', payment);
        printing.printing.onPayment(payment);
      },
    },
  });

  const receipts: ReceiptService = new ReceiptService({
    sales: till.sales,
    settings: () => deps.settings.get(),
    posApi: () => providers.clients().then((c) => c.posApi),
    easyRegister: () => providers.clients().then((c) => c.easyRegister),
    taxpayerInfo: () => providers.clients().then((c) => c.taxpayerInfo),
    logger: log.child({ component: 'receipts' }),
    emit: (view) => {
      events.emit('receipt:updated', view);
      printing.printing.onReceipt(view);
    },
    now: () => deps.clock.now(),
  });

  // After a restart the sale restored from the journal is what the customer sees again, not the welcome screen
  // (a display reconnecting asks display:ready and must get the sale as it is).
  const restored = till.sales.current();
  if (restored !== null && !isIdle(restored)) {
    display.restore(restored);
  }

  const approval = new ApprovalService({
    easyRegister: () => providers.clients().then((c) => c.easyRegister),
    clock: deps.clock,
    logger: log,
    emit: (view) => {
      events.emit('approval:updated', view);
    },
  });

  const sandboxScanner = sandboxScannerDevices({
    create: deps.sandboxScanner,
    isSandbox: () => deps.settings.get().profile === 'sandbox',
  });
  const devices = createDeviceService({
    ...(deps.hidBackend ? { backend: deps.hidBackend } : {}),
    softwareDevices: () => sandboxScanner.backend(),
    // Every scan is carried out by main with the sale and approval services (docs/architecture.md §10).
    actions: createScanActions({ sales: till.sales, catalog: till.catalog, approval }),
    ...(deps.hotplug === undefined ? {} : { hotplug: deps.hotplug }),
    selectionStore: createFileSelectionStore(deps.dataDir, log),
    clock: deps.clock,
    logger: log,
    events,
    settings: () => deps.settings.get().devices,
    country: () => deps.settings.get().country,
  });

  const managers = openManagerStore({ dataDir: deps.dataDir, clock: deps.clock });
  const sessions = createSessions({
    managers,
    throttle: createSignInThrottle({ clock: deps.clock, store: openSignInLockStore(deps.dataDir) }),
    clock: deps.clock,
    logger: log.child({ component: 'sessions' }),
    profile: () => deps.settings.get().profile,
    ...(deps.sessionIdleMs === undefined ? {} : { idleMs: deps.sessionIdleMs }),
  });

  // Who did it, for the journal: the signed-in manager's name, or the operator for the CLI.
  const whoIs = (ctx: CallContext): string =>
    ctx.role === 'operator' ? 'operator' : (sessions.view(ctx.connection).manager?.name ?? ctx.role);
  const printing = createPrinting({
    settings: () => deps.settings.get(),
    clock: deps.clock,
    logger: log,
    events,
    journal,
    sales: till.sales,
    receipts,
    whoIs,
    systemPrinters: deps.systemPrinters,
    printerTransport: deps.printerTransport,
    list: () =>
      listPrinters({
        ...(deps.systemPrinters ? { systemPrinters: deps.systemPrinters } : {}),
        logger: log,
      }),
  });

  const refuseWhileSelling = (): void => {
    const current = till.sales.current();
    if (current && !isIdle(current) && ['open', 'paying'].includes(current.sale.status)) {
      throw new KassaError(
        'state.conflict',
        `Sale #${current.sale.number} is still open: finish, hold or void it before switching the profile.`,
      );
    }
  };

  const handlers: AllHandlers = {
    ...createSessionHandlers({ sessions, managers }),
    ...createSettingsHandlers({
      settings: deps.settings,
      vault: deps.vault,
      providers,
      logger: log,
      baseChecks: () => baseChecks(deps.settings, deps.vault),
      refuseWhileSelling,
      onSettingsChanged,
    }),
    ...createDeviceHandlers(devices),
    ...createUploadHandlers(uploads),
    ...till.handlers,
    ...createCatalogHandlers({
      store: catalog,
      rules: () => {
        const settings = deps.settings.get();
        const mongolia = settings.country === 'MN';
        return {
          currency: CURRENCY_BY_COUNTRY[settings.country],
          defaultVatBasisPoints: DEFAULT_VAT[CURRENCY_BY_COUNTRY[settings.country]],
          defaultCityTaxBasisPoints: mongolia ? settings.providers.ebarimt.cityTaxBasisPoints : 0,
          receiptCodes: mongolia && settings.providers.ebarimt.enabled,
        };
      },
      uploads,
      progress: (progress) => {
        events.emit('catalog:import-progress', progress);
      },
    }),
    ...createApprovalHandlers({ approval }),
    ...createCardAttachHandlers(
      new CardAttachService({
        client: () => providers.clients().then((c) => c.baas),
        country: () => deps.settings.get().country,
        logger: log.child({ component: 'card-attach' }),
      }),
    ),
    ...createReceiptHandlers(receipts, whoIs),
    ...printing.handlers,
    ...createSandboxCustomerHandlers({ payments: till.engine, sandbox: () => providers.sandbox() }),
    ...createSandboxScannerHandlers({ scanner: () => sandboxScanner.scanner() }),
    ...createFoundationHandlers({
      clock: deps.clock,
      dataDir: deps.dataDir,
      settings: deps.settings,
      vault: deps.vault,
      events,
      host: deps.host,
      version: deps.version,
      display: { current: () => display.current() },
      providers,
      devicesDoctor: () => printing.doctor(),
    }),
  };

  const handleDeps = {
    handlers,
    logger: log.child({ component: 'ipc' }),
    redactor: deps.redactor,
    validateOutput: deps.validateOutput ?? false,
  };

  // What the last run left open: payments first, then receipts (core/recover-on-start.ts).
  const recovered = recoverOnStart({ till, receipts, journal, clock: deps.clock, logger: log });

  return {
    invoke: async (caller, channel, input, connection) => {
      const role: CallerRole = caller === 'cashier' ? sessions.roleOf(connection) : caller;
      // A sale command or leaving the approval screen ends the approval buyer's session (core/approval-session.ts).
      const ended = approvalSessionEnd(channel, input, devices.scanContext);
      const envelope = await handle(handleDeps, role, channel, input, connection);
      if (ended !== undefined && (ended === 'sale' || envelope.ok)) {
        approval.endSession(ended);
      }
      // Only what needed the manager keeps the session alive: selling does not (see ipc/sessions.ts).
      if (envelope.ok && role === 'manager' && isChannelName(channel) && !roleMayInvoke('cashier', channel)) {
        sessions.touch(connection);
      }
      return envelope;
    },
    endSession: (connection) => {
      sessions.end(connection);
    },
    on: (name, listener) => events.on(name, listener),
    providers,
    recovered,
    close: async () => {
      await recovered;
      till.stop();
      // Closing drops any receipt qrData still held in memory.
      await approval.close();
      await devices.close();
      await pole.close();
      await printing.close();
      await providers.close();
      await uploads.close();
      await catalog.close();
      await journal.close();
    },
  };
}
