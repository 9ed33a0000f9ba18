import type { Symbology } from '../../shared/codes';

/** One scan as the device manager emits it, from a HID POS scanner or the keyboard-wedge decoder. */
export interface Scan {
  text: string;
  symbology: Symbology | undefined;
  source: 'hid' | 'wedge';
  /** The scanner's selection key, or 'keyboard' for wedge scans. */
  deviceId: string;
  at: number;
}
