/**
 * Scanning on the cashier page. Main carries every scan out (docs/architecture.md §10); the page only sends
 * what it decoded or the cashier typed — once, with scan:submit — and shows what main answered:
 *   - `entry`: the barcode field (a code to type, or `N*` waiting for the scan it multiplies);
 *   - `notice`: the last scan main refused, as its stable code (worded by the catalogs), or a scan that never
 *     reached main;
 *   - `dialogs`: how many dialogs are open over the screen (main refuses scans meanwhile).
 * scanner/follow-outcomes.ts applies scan:outcome; scanner/announce-context.ts tells main what the page shows.
 */
import { create } from 'zustand';
import type { ScanError } from '../../../shared/channels/scan';
import type { ErrorCode } from '../../../shared/errors';
import { kassa } from '../bridge';
import { parseEntry } from '../scanner/entry';
import { call } from './errors';

export type ScanNotice =
  | { kind: 'refused'; error: ScanError }
  /** scan:submit itself failed: the connection dropped, or main refused the input. */
  | { kind: 'unsent'; code: ErrorCode };

export interface ScanState {
  entry: string;
  notice: ScanNotice | null;
  dialogs: number;
  /** The cashier edits the barcode field (a stale message goes away). */
  setEntry: (text: string) => void;
  /** A scan's first keys landed in the barcode field before it was recognised: they are not the cashier's. */
  takeBackFromEntry: (leakedText: string) => void;
  /** The barcode field's Enter: the typed code (or `N*code`), carried out by main like a scan. */
  submitEntry: () => Promise<void>;
  /** A wedge scan the page decoded, with the `N*` waiting in the barcode field. */
  submitWedge: (text: string, quantity: number | null) => Promise<void>;
  showRefusal: (error: ScanError) => void;
  clearNotice: () => void;
  /** A dialog opened; call the returned function when it closes. */
  dialogOpened: () => () => void;
}

export const useScanStore = create<ScanState>()((set, get) => {
  const send = async (
    text: string,
    source: 'wedge' | 'keyboard',
    quantity: number | null | undefined,
  ): Promise<void> => {
    const envelope = await call(() =>
      kassa().scanSubmit({
        text,
        source,
        ...(quantity === null || quantity === undefined ? {} : { quantity }),
      }),
    );
    // What the scan did arrives as scan:outcome (for every page, HID scans alike); only a lost call is shown here.
    if (!envelope.ok) {
      set({ notice: { kind: 'unsent', code: envelope.error.code } });
    }
  };

  return {
    entry: '',
    notice: null,
    dialogs: 0,

    setEntry(text) {
      set({ entry: text, ...(get().notice === null ? {} : { notice: null }) });
    },

    takeBackFromEntry(leakedText) {
      const { entry } = get();
      if (leakedText !== '' && entry.endsWith(leakedText)) {
        set({ entry: entry.slice(0, entry.length - leakedText.length) });
      }
    },

    async submitEntry() {
      const parsed = parseEntry(get().entry);
      if (parsed === null || parsed.code === '') {
        return;
      }
      set({ entry: '' });
      await send(parsed.code, 'keyboard', parsed.quantity);
    },

    submitWedge(text, quantity) {
      return send(text, 'wedge', quantity);
    },

    showRefusal(error) {
      set({ notice: { kind: 'refused', error } });
    },

    clearNotice() {
      set({ notice: null });
    },

    dialogOpened() {
      set((s) => ({ dialogs: s.dialogs + 1 }));
      let closed = false;
      return () => {
        if (!closed) {
          closed = true;
          set((s) => ({ dialogs: Math.max(0, s.dialogs - 1) }));
        }
      };
    },
  };
});
