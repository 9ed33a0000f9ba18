/**
 * What the page does with a scan main carried out (`scan:outcome`, docs/architecture.md §10): it follows the
 * navigation, selects the line the scan added or counted up, clears a used `N*` from the barcode field, and shows
 * a refusal in the cashier's language. The sale and approval themselves arrive as sale:updated /
 * approval:updated, before the outcome.
 */
import type { ScanOutcome } from '../../../shared/channels/scan';
import { kassa } from '../bridge';
import { useAppStore } from '../stores/app';
import { useSaleStore } from '../stores/sale';
import { useScanStore } from '../stores/scan';
import { pendingMultiplier } from './entry';

export function applyScanOutcome(outcome: ScanOutcome): void {
  const scan = useScanStore.getState();
  switch (outcome.result) {
    case 'line-added':
      useAppStore.getState().setTab(outcome.navigate);
      useSaleStore.getState().showLine(outcome.saleId, outcome.lineId);
      scan.clearNotice();
      if (outcome.multiplier !== null && pendingMultiplier(scan.entry) !== null) {
        scan.setEntry('');
      }
      return;
    case 'approval':
      useAppStore.getState().setTab(outcome.navigate);
      scan.clearNotice();
      return;
    case 'refused':
      scan.showRefusal(outcome.error);
      return;
  }
}

/** Subscribe; returns the unsubscribe. */
export function followScanOutcomes(): () => void {
  try {
    return kassa().on('scan:outcome', applyScanOutcome);
  } catch {
    // No bridge (a page opened without its token): the app shows that already.
    return () => undefined;
  }
}
