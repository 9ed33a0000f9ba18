/**
 * What the cashier page shows, as main's scan router needs it (docs/architecture.md §10): the screen down
 * to the checkout step, whether a dialog is open, and an `N*` waiting in the barcode field. Sent with
 * scan:set-screen whenever it changes, when the page starts (so a reload re-announces it) and after the
 * connection to the till comes back.
 */
import type { ScanContext } from '../../../shared/channels/scan';
import { kassa } from '../bridge';
import { useAppStore } from '../stores/app';
import { call } from '../stores/errors';
import { useSaleStore } from '../stores/sale';
import { useScanStore } from '../stores/scan';
import { pendingMultiplier } from './entry';

export function currentScanContext(): ScanContext {
  const { tab } = useAppStore.getState();
  const screen = tab === 'sale' ? useSaleStore.getState().step : tab;
  const { dialogs, entry } = useScanStore.getState();
  return {
    screen,
    dialog: dialogs > 0,
    quantity: screen === 'sale' ? pendingMultiplier(entry) : null,
  };
}

/** Keeps main told; returns the function that stops it. */
export function announceScanContext(): () => void {
  let sent = '';
  let connected = useAppStore.getState().connected;
  const send = (force: boolean): void => {
    const context = currentScanContext();
    const key = JSON.stringify(context);
    if (force || key !== sent) {
      sent = key;
      void call(() => kassa().scanSetScreen(context));
    }
  };
  const offApp = useAppStore.subscribe((state) => {
    // Back after the till restarted: its router starts from the sale screen again.
    const reconnected = state.connected && !connected;
    connected = state.connected;
    send(reconnected);
  });
  const offSale = useSaleStore.subscribe(() => {
    send(false);
  });
  const offScan = useScanStore.subscribe(() => {
    send(false);
  });
  send(true);
  return () => {
    offApp();
    offSale();
    offScan();
  };
}
