/**
 * The sandbox profile's HID POS scanner: a virtual device listed in Settings → Devices beside the real ones, which
 * the device manager selects, opens and reads like any HID POS scanner. `scan(text)` sends the text as the 64-byte
 * input reports a Honeywell scanner in HID POS mode sends (docs/devices.md, "HID POS reports"): report ID 0x02,
 * the payload length, the AIM symbology identifier, up to 56 payload bytes, the vendor symbology byte at 61 and
 * the continuation flag at 63. So a sandbox scan takes the whole real path — reassembly, the scan router, the
 * sale or approval service — and can be shown and tested end to end in the browser host.
 *
 * The hosts hand `createSandboxScanner` to createKassa (like the provider simulators); the core lists the device
 * only while the till is in the sandbox profile and drives it from the `sandbox:scan` channel.
 */
import { hasValidGtinCheckDigit, type Symbology } from '../../shared/codes';
import type { SandboxScanner, SandboxScannerHandle, SandboxScannerInfo } from './types';

export const SANDBOX_SCANNER: SandboxScannerInfo = {
  path: 'sandbox:hid-scanner',
  // pid.codes' shared vendor ID with a test product ID: no shop's scanner carries it.
  vendorId: 0x1209,
  productId: 0x0001,
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Kassa sandbox scanner',
  manufacturer: 'Kassa sandbox',
  serialNumber: 'SANDBOX',
  interface: 0,
};

const REPORT_SIZE = 64;
const REPORT_ID = 0x02;
/** Payload bytes per report after the AIM identifier (bytes 5–60). */
const PAYLOAD_PER_REPORT = 56;
const VENDOR_BYTE_AT = 61;
const CONTINUATION_AT = 63;

/** AIM identifier and Honeywell code ID of each symbology the sandbox scanner reports. */
const SYMBOLOGY_BYTES: Readonly<Record<Symbology, { aim: string; vendor: string }>> = {
  ean13: { aim: ']E0', vendor: 'd' },
  ean8: { aim: ']E4', vendor: 'D' },
  upca: { aim: ']E0', vendor: 'c' },
  upce: { aim: ']E0', vendor: 'E' },
  code128: { aim: ']C0', vendor: 'j' },
  'gs1-128': { aim: ']C1', vendor: 'I' },
  code39: { aim: ']A0', vendor: 'b' },
  itf: { aim: ']I0', vendor: 'e' },
  qr: { aim: ']Q1', vendor: 's' },
  datamatrix: { aim: ']d1', vendor: 'w' },
  pdf417: { aim: ']L0', vendor: 'r' },
  'gs1-databar': { aim: ']e0', vendor: 'y' },
  other: { aim: ']X0', vendor: 'z' },
};

/**
 * What a scanner would call this text when the caller does not say: the symbol it most likely came from. Only a
 * valid check digit makes an EAN/UPC symbol (a scanner cannot read one without); 8 digits without one are, say,
 * an eBarimt customer code printed as Code 128.
 */
export function likelySymbology(text: string): Symbology {
  if (hasValidGtinCheckDigit(text)) {
    switch (text.length) {
      case 13:
        return 'ean13';
      case 8:
        return 'ean8';
      case 12:
        return 'upca';
    }
  }
  // Receipt QRs are long digit strings; non-ASCII text (a regNo in Cyrillic) only fits a 2-D symbol.
  return /^\d{40,}$/.test(text) || /[^\x20-\x7e]/.test(text) ? 'qr' : 'code128';
}

/** The input reports that carry `text`, in the Honeywell layout with AIM repeated in every report. */
export function hidPosReports(text: string, symbology: Symbology): Uint8Array[] {
  const bytes = SYMBOLOGY_BYTES[symbology];
  // AIM ]E0 carries a UPC-A as 13 digits with a leading 0, as scanners send it.
  const payload = new TextEncoder().encode(symbology === 'upca' && text.length === 12 ? `0${text}` : text);
  const aim = new TextEncoder().encode(bytes.aim);
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < payload.length; offset += PAYLOAD_PER_REPORT) {
    const chunk = payload.subarray(offset, offset + PAYLOAD_PER_REPORT);
    const report = new Uint8Array(REPORT_SIZE);
    report[0] = REPORT_ID;
    report[1] = chunk.length;
    report.set(aim, 2);
    report.set(chunk, 5);
    report[VENDOR_BYTE_AT] = bytes.vendor.charCodeAt(0);
    report[CONTINUATION_AT] = offset + PAYLOAD_PER_REPORT < payload.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}

export function createSandboxScanner(): SandboxScanner {
  const open = new Set<(report: Uint8Array) => void>();
  return {
    info: SANDBOX_SCANNER,
    open(): SandboxScannerHandle {
      let listener: ((report: Uint8Array) => void) | undefined;
      return {
        onReport(next) {
          if (listener !== undefined) {
            open.delete(listener);
          }
          listener = next;
          open.add(next);
        },
        close() {
          if (listener !== undefined) {
            open.delete(listener);
          }
        },
      };
    },
    scan(text, symbology) {
      const reports = hidPosReports(text, symbology ?? likelySymbology(text));
      const listeners = [...open];
      for (const report of reports) {
        for (const listener of listeners) {
          listener(report);
        }
      }
      return { delivered: listeners.length > 0, reports: reports.length };
    },
  };
}
