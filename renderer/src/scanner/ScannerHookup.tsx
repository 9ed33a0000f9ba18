/**
 * The cashier page's scanner hookup, mounted once in CashierApp (docs/architecture.md §10): keyboard-wedge
 * scans are decoded at the document level with the wedge settings (off: a scanner types like a keyboard into the
 * barcode field) and sent to main once; main's outcomes are followed, and main is kept told what the page shows.
 */
import { useEffect } from 'react';
import { useScanStore } from '../stores/scan';
import { useSettingsStore } from '../stores/settings';
import { BARCODE_FIELD_ID } from './entry';
import { giveBackTyped, takeBackTyped } from './field-text';
import { followScanOutcomes } from './follow-outcomes';
import { announceScanContext, currentScanContext } from './scan-context';
import { attachWedgeCapture } from './wedge-capture';

export function ScannerHookup() {
  const wedge = useSettingsStore((s) => s.saved?.devices.wedge);
  const enabled = wedge?.enabled ?? true;
  const maxGapMs = wedge?.maxGapMs;
  const minLength = wedge?.minLength;

  useEffect(() => {
    const offOutcomes = followScanOutcomes();
    const offContext = announceScanContext();
    return () => {
      offOutcomes();
      offContext();
    };
  }, []);

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const capture = attachWedgeCapture({
      wedge: {
        ...(maxGapMs === undefined ? {} : { maxGapMs, terminatorMaxGapMs: Math.max(100, maxGapMs) }),
        ...(minLength === undefined ? {} : { minLength }),
      },
      onScan: (scan, leakedText) => {
        // The scan's first keys landed in the focused field before it was recognised; what the cashier typed
        // there before the scan stays (and an `N*` in the barcode field goes with the scan).
        const store = useScanStore.getState();
        if (document.activeElement?.id === BARCODE_FIELD_ID) {
          store.takeBackFromEntry(leakedText);
        }
        takeBackTyped(leakedText);
        void store.submitWedge(scan.text, currentScanContext().quantity);
      },
      onReleased: (text) => {
        giveBackTyped(text);
      },
    });
    return () => {
      capture.detach();
    };
  }, [enabled, maxGapMs, minLength]);

  return null;
}
