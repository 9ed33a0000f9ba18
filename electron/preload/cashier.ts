/**
 * The cashier window's preload: `window.kassa`, one named method per contract channel plus `on(event)`.
 * Never exposes ipcRenderer itself, and never hands the renderer an IpcRendererEvent (its `sender` would leak
 * ipcRenderer). Closed with `satisfies KassaApi`, so a channel added to the contract without a method here is
 * a type error.
 *
 * Sandboxed preloads can only require `electron`: every import from shared/ is type-only, so the bundle
 * (dist/electron/preload-cashier.cjs) carries no zod and no other module.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
  KassaApi,
  Unsubscribe,
} from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

/** The events this page may subscribe to; the type check below fails when the contract gains one. */
const EVENTS = [
  'display:update',
  'approval:updated',
  'sale:updated',
  'catalog:import-progress',
  'payment:updated',
  'receipt:updated',
  'scan:outcome',
  'devices:status',
  'printer:status',
] as const satisfies readonly EventName[];
type UnlistedEvent = Exclude<EventName, (typeof EVENTS)[number]>;
const _everyEventListed: [UnlistedEvent] extends [never] ? true : UnlistedEvent = true;

function isListedEvent(name: string): name is EventName {
  return (EVENTS as readonly string[]).includes(name);
}

function call<C extends ChannelName>(
  channel: C,
): (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>> {
  // main validates the input and answers with an envelope; the cast only names what the contract says.
  return (input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<ChannelOutput<C>>>;
}

function on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): Unsubscribe {
  if (!isListedEvent(name)) {
    throw new Error(`kassa.on: unknown event ${String(name)}`);
  }
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
    listener(payload as EventPayload<E>);
  };
  ipcRenderer.on(name, wrapped);
  // Remove exactly the function that was added, so unsubscribing really detaches it.
  return () => {
    ipcRenderer.removeListener(name, wrapped);
  };
}

const api = {
  appDoctor: call('app:doctor'),
  appInfo: call('app:info'),
  sessionStatus: call('session:status'),
  sessionSignIn: call('session:sign-in'),
  sessionSignOut: call('session:sign-out'),
  sessionCreateFirstManager: call('session:create-first-manager'),
  managersList: call('managers:list'),
  managersAdd: call('managers:add'),
  managersSetPin: call('managers:set-pin'),
  managersSetBadge: call('managers:set-badge'),
  managersRemove: call('managers:remove'),
  settingsGet: call('settings:get'),
  settingsSet: call('settings:set'),
  settingsSetLocale: call('settings:set-locale'),
  profileCheck: call('profile:check'),
  profileSwitch: call('profile:switch'),
  secretsStatus: call('secrets:status'),
  secretsSet: call('secrets:set'),
  secretsClear: call('secrets:clear'),
  displayReady: call('display:ready'),
  approvalState: call('approval:state'),
  approvalStart: call('approval:start'),
  approvalIdentify: call('approval:identify'),
  approvalConfirm: call('approval:confirm'),
  approvalScanReceipt: call('approval:scan-receipt'),
  approvalRetry: call('approval:retry'),
  approvalReset: call('approval:reset'),
  approvalClose: call('approval:close'),
  saleCurrent: call('sale:current'),
  saleNew: call('sale:new'),
  saleAddLine: call('sale:add-line'),
  saleSetQuantity: call('sale:set-quantity'),
  saleSetLineDiscount: call('sale:set-line-discount'),
  saleSetDiscount: call('sale:set-discount'),
  saleRemoveLine: call('sale:remove-line'),
  saleHold: call('sale:hold'),
  saleRecall: call('sale:recall'),
  saleHeld: call('sale:held'),
  saleVoid: call('sale:void'),
  catalogSearch: call('catalog:search'),
  catalogImportCsv: call('catalog:import-csv'),
  catalogImportUpload: call('catalog:import-upload'),
  catalogImportFile: call('catalog:import-file'),
  catalogExportFile: call('catalog:export-file'),
  uploadBegin: call('upload:begin'),
  uploadChunk: call('upload:chunk'),
  uploadFinish: call('upload:finish'),
  uploadDiscard: call('upload:discard'),
  paymentMethods: call('payment:methods'),
  paymentStart: call('payment:start'),
  paymentCancel: call('payment:cancel'),
  paymentRetry: call('payment:retry'),
  paymentCheck: call('payment:check'),
  paymentRefund: call('payment:refund'),
  paymentResolve: call('payment:resolve'),
  paymentSubmitCode: call('payment:submit-code'),
  cardAttachStart: call('card:attach-start'),
  cardAttachConfirm: call('card:attach-confirm'),
  paymentList: call('payment:list'),
  journalList: call('journal:list'),
  journalGet: call('journal:get'),
  journalReport: call('journal:report'),
  sandboxApprovals: call('sandbox:approvals'),
  sandboxCardSms: call('sandbox:card-sms'),
  sandboxInvoicesCreated: call('sandbox:invoices-created'),
  sandboxPosapiReceipt: call('sandbox:posapi-receipt'),
  sandboxCustomerPay: call('sandbox:customer-pay'),
  sandboxCustomerDecline: call('sandbox:customer-decline'),
  sandboxCustomerExpire: call('sandbox:customer-expire'),
  sandboxScan: call('sandbox:scan'),
  receiptGet: call('receipt:get'),
  receiptIssue: call('receipt:issue'),
  receiptIdentifyBuyer: call('receipt:identify-buyer'),
  receiptSetOrganization: call('receipt:set-organization'),
  receiptClearBuyer: call('receipt:clear-buyer'),
  receiptResolve: call('receipt:resolve'),
  devicesList: call('devices:list'),
  devicesSelect: call('devices:select'),
  devicesDeselect: call('devices:deselect'),
  devicesRescan: call('devices:rescan'),
  printerStatus: call('printer:status'),
  printerPrintReceipt: call('printer:print-receipt'),
  printerPrintReport: call('printer:print-report'),
  printerOpenDrawer: call('printer:open-drawer'),
  printerTest: call('printer:test'),
  printerList: call('printer:list'),
  scanSubmit: call('scan:submit'),
  scanSetScreen: call('scan:set-screen'),
  on,
} satisfies KassaApi;

contextBridge.exposeInMainWorld('kassa', api);
