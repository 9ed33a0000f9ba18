import type { Symbology } from '../../shared/codes';
import type { ScanSource } from '../../shared/channels/scan';

/** One scan on its way to the scan router: from a HID POS scanner, the page's wedge decoder, or typed. */
export interface Scan {
  text: string;
  symbology: Symbology | undefined;
  source: ScanSource;
  /** The scanner's selection key; 'keyboard' for wedge scans and typed codes. */
  deviceId: string;
  at: number;
  /** `N*` typed before a wedge scan or a typed code (the page sends it with the scan). */
  quantity?: number | undefined;
}
