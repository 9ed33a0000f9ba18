/**
 * Settings → Printer (a manager's): the printers this till can use (printer:list), a test print of the connection
 * and profile on screen before they are saved (printer:test), and opening the cash drawer with a reason
 * (printer:open-drawer, journaled by main with who and why).
 */
import { create } from 'zustand';
import type { PrinterList, PrinterStateName } from '../../../shared/channels/printer';
import type { PrinterConnectionSetting, PrinterProfileSetting } from '../../../shared/settings/printer';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';
import { usePrinterStore } from './printer';

export interface PrinterSetupState {
  list: PrinterList | null;
  listing: boolean;
  testing: boolean;
  /** The last test print's answer: the printer's state and whether the page was taken. */
  testResult: { state: PrinterStateName; printed: boolean } | null;
  opening: boolean;
  /** The printer's state after the last "open drawer" main accepted. */
  drawerResult: PrinterStateName | null;
  lastError: ShownError | null;
  loadList: () => Promise<void>;
  test: (connection: PrinterConnectionSetting, profile: PrinterProfileSetting) => Promise<boolean>;
  openDrawer: (reason: string) => Promise<boolean>;
  clearResults: () => void;
}

export const usePrinterSetupStore = create<PrinterSetupState>()((set) => ({
  list: null,
  listing: false,
  testing: false,
  testResult: null,
  opening: false,
  drawerResult: null,
  lastError: null,

  async loadList() {
    set({ listing: true });
    const envelope = await call(() => kassa().printerList({}));
    if (envelope.ok) {
      set({ listing: false, list: envelope.value });
    } else {
      set({ listing: false, lastError: shown(envelope.error) });
    }
  },

  async test(connection, profile) {
    set({ testing: true, testResult: null, lastError: null });
    const envelope = await call(() => kassa().printerTest({ connection, profile }));
    if (envelope.ok) {
      set({ testing: false, testResult: envelope.value });
      return true;
    }
    set({ testing: false, lastError: shown(envelope.error) });
    return false;
  },

  async openDrawer(reason) {
    set({ opening: true, drawerResult: null, lastError: null });
    const envelope = await call(() => kassa().printerOpenDrawer({ reason }));
    if (envelope.ok) {
      set({ opening: false, drawerResult: envelope.value.state });
      // The answer is the printer's status: the cashier's banner follows it too.
      usePrinterStore.setState({ status: envelope.value });
      return true;
    }
    set({ opening: false, lastError: shown(envelope.error) });
    return false;
  },

  clearResults() {
    set({ testResult: null, drawerResult: null, lastError: null });
  },
}));
