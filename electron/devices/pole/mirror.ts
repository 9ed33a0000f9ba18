/**
 * The pole display mirrors the customer display (docs/architecture.md, Devices): every display view-model the
 * core pushes is reduced to the pole's 2×20 states (welcome, total, pay, paid, thank-you) and written through the
 * configured command set and transport. A pole that fails never blocks the sale: the error is logged and the next
 * update tries again (the PoleDisplay re-initialises after a failed write).
 */
import type { DisplayViewModel } from '../../../shared/channels/display';
import type { PoleSettings } from '../../../shared/settings/devices';
import type { Logger } from '../../log/logger';
import type { HidBackend } from '../hid';
import { cd5220Commands, epsonCommands } from './commands';
import { PoleDisplay, type PoleViewModel } from './render';
import { HidPoleTransport, SerialPoleTransport, type PoleTransport } from './transports';

/** The customer display's view-model as the pole can show it. */
export function poleViewModelFor(vm: DisplayViewModel): PoleViewModel {
  switch (vm.state) {
    case 'welcome':
      return { state: 'welcome', locale: vm.locale, storeName: vm.storeName };
    case 'cart': {
      const last = vm.lines.at(-1);
      return {
        state: 'total',
        locale: vm.locale,
        totalText: vm.totalText,
        ...(last ? { itemName: last.name, itemPriceText: last.amountText } : {}),
      };
    }
    case 'pay':
      return { state: 'pay', locale: vm.locale, totalText: vm.amountText, providerName: vm.providerName };
    case 'declined':
    case 'expired':
      // The pole has no room for the reason: it shows what is still to pay; the big screen explains.
      return { state: 'total', locale: vm.locale, totalText: vm.dueText };
    case 'paid':
      return {
        state: 'paid',
        locale: vm.locale,
        totalText: vm.totalText,
        ...(vm.changeText === undefined ? {} : { changeText: vm.changeText }),
      };
    case 'thank-you':
      return { state: 'thank-you', locale: vm.locale };
  }
}

export interface PoleMirror {
  show(vm: DisplayViewModel): void;
  close(): Promise<void>;
}

export function createPoleMirror(deps: {
  settings: () => PoleSettings;
  logger: Logger;
  hidBackend?: () => HidBackend;
  /** Replaces the serial / HID transport chosen from settings (tests record the bytes instead). */
  transport?: (settings: PoleSettings) => PoleTransport;
}): PoleMirror {
  let current: { key: string; display: PoleDisplay } | undefined;
  let queue: Promise<void> = Promise.resolve();

  const displayFor = (settings: PoleSettings): PoleDisplay | undefined => {
    if (!settings.enabled || settings.path === '') {
      return undefined;
    }
    const key = JSON.stringify(settings);
    if (current?.key !== key) {
      const old = current;
      queue = queue.then(() => old?.display.close().catch(() => undefined));
      const transport =
        deps.transport?.(settings) ??
        (settings.transport === 'serial'
          ? new SerialPoleTransport(settings.path, { baudRate: settings.baudRate })
          : deps.hidBackend
            ? new HidPoleTransport(deps.hidBackend(), settings.path, { reportId: 0 })
            : undefined);
      if (!transport) {
        return undefined;
      }
      current = {
        key,
        display: new PoleDisplay({
          commands: settings.commandSet === 'epson' ? epsonCommands : cd5220Commands,
          transport,
          cyrillic: settings.cyrillic,
        }),
      };
    }
    return current.display;
  };

  return {
    show(vm) {
      const display = displayFor(deps.settings());
      if (!display) {
        return;
      }
      const model = poleViewModelFor(vm);
      // One write at a time, in order: a slow serial line must not reorder frames.
      queue = queue.then(() =>
        display.show(model).catch((error: unknown) => {
          deps.logger.warn({ err: error }, 'pole: could not update the pole display');
        }),
      );
    },
    async close() {
      await queue;
      await current?.display.close().catch(() => undefined);
      current = undefined;
    },
  };
}
