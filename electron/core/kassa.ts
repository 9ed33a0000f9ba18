/**
 * createKassa: the host-agnostic core. Every host (Electron, browser, CLI, tests) builds one with its own
 * storage implementations and drives it only through `invoke(role, channel, input)` and `on(event, …)`.
 * It never imports electron.
 */
import type { Role } from '../../shared/channel';
import type { EventName, EventPayload } from '../../shared/contract';
import type { DisplayViewModel } from '../../shared/channels/display';
import type { Envelope } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import { handle, type AllHandlers } from '../ipc/handle';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { Clock } from './clock';
import { createFoundationHandlers, welcomeViewModel, type HostKind } from './foundation-handlers';
import { createEventBus, type EventBus } from './handlers';
import { createProviderRuntime, type ProviderRuntime } from './provider-runtime';
import { createApprovalHandlers } from '../receipts/approval-handlers';
import { ApprovalService } from '../receipts/approval-service';

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
}

export interface Kassa {
  invoke(role: Role, channel: string, input: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Provider clients and the sandbox simulators (hosts and tests; never exposed to a page). */
  readonly providers: ProviderRuntime;
  close(): Promise<void>;
}

export function createKassa(deps: KassaDeps): Kassa {
  const events: EventBus = createEventBus();
  const providers = createProviderRuntime({
    settings: deps.settings,
    vault: deps.vault,
    clock: deps.clock,
    logger: deps.logger,
    redactor: deps.redactor,
    ...(deps.providerTimeoutMs === undefined ? {} : { timeoutMs: deps.providerTimeoutMs }),
  });
  let display: DisplayViewModel = welcomeViewModel(deps.settings.get());

  const setDisplay = (next: DisplayViewModel): void => {
    display = next;
    events.emit('display:update', next);
  };

  const onSettingsChanged = (settings: Settings): void => {
    providers.reset();
    // Only the idle screen shows settings (store name, language); a sale in progress keeps its own view.
    setDisplay(welcomeViewModel(settings));
  };

  const approval = new ApprovalService({
    easyRegister: () => providers.clients().then((c) => c.easyRegister),
    logger: deps.logger,
    emit: (view) => {
      events.emit('approval:updated', view);
    },
  });

  const handlers: AllHandlers = {
    ...createApprovalHandlers({ approval }),
    ...createFoundationHandlers({
      clock: deps.clock,
      dataDir: deps.dataDir,
      settings: deps.settings,
      vault: deps.vault,
      events,
      host: deps.host,
      version: deps.version,
      display: { current: () => display },
      providers,
      onSettingsChanged,
    }),
  };

  const handleDeps = {
    handlers,
    logger: deps.logger.child({ component: 'ipc' }),
    redactor: deps.redactor,
    validateOutput: deps.validateOutput ?? false,
  };

  return {
    invoke: (role, channel, input) => handle(handleDeps, role, channel, input),
    on: (name, listener) => events.on(name, listener),
    providers,
    // Closing drops any receipt qrData still held in memory.
    close: () => approval.close().then(() => providers.close()),
  };
}
