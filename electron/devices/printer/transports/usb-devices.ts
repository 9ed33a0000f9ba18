/**
 * USB printers through the real `usb` package (3.x), loaded on first use: list the plugged-in devices that have a
 * printer-class interface (for settings and `kassa doctor`), and find the chosen one again at each open.
 */
import { findPrinterInterface, type UsbPrinterDevice } from './usb-device';

export interface UsbPrinterInfo {
  vendorId: number;
  productId: number;
  serialNumber: string | undefined;
  productName: string | undefined;
  manufacturerName: string | undefined;
  /** False for a unidirectional printer (no status). */
  bidirectional: boolean;
}

export interface UsbPrinterMatch {
  vendorId: number;
  productId: number;
  /** Tells two printers of one model apart; undefined takes the first. */
  serialNumber?: string;
}

type LoadUsb = () => Promise<unknown>;

interface UsbLike {
  getDevices(): Promise<unknown[]>;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function pickUsb(mod: unknown): UsbLike | undefined {
  for (const candidate of [mod, isObject(mod) && 'default' in mod ? mod.default : undefined]) {
    if (isObject(candidate) && 'usb' in candidate) {
      const usb = candidate.usb;
      if (isObject(usb) && 'getDevices' in usb && typeof usb.getDevices === 'function') {
        return usb as UsbLike;
      }
    }
  }
  return undefined;
}

const METHODS = ['open', 'close', 'claimInterface', 'releaseInterface', 'transferOut', 'transferIn'] as const;

/** A usb 3.x UsbDevice has what the transport uses (checked at run time: the module is loaded untyped). */
export function isUsbPrinterDevice(value: unknown): value is UsbPrinterDevice {
  if (!isObject(value) || !('configurations' in value) || !Array.isArray(value.configurations)) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.vendorId === 'number' && METHODS.every((name) => typeof record[name] === 'function');
}

async function printerDevices(load: LoadUsb): Promise<UsbPrinterDevice[]> {
  const usb = pickUsb(await load());
  if (!usb) {
    throw new Error('the usb package has no usb.getDevices');
  }
  const devices = await usb.getDevices();
  return devices.filter(isUsbPrinterDevice).filter((d) => findPrinterInterface(d) !== undefined);
}

/** The plugged-in USB printers. Rejects when the usb module cannot load or USB is not reachable. */
export async function listUsbPrinters(load: LoadUsb = () => import('usb')): Promise<UsbPrinterInfo[]> {
  return (await printerDevices(load)).map((device) => ({
    vendorId: device.vendorId,
    productId: device.productId,
    serialNumber: device.serialNumber ?? undefined,
    productName: device.productName ?? undefined,
    manufacturerName: device.manufacturerName ?? undefined,
    bidirectional: findPrinterInterface(device)?.inEndpoint !== undefined,
  }));
}

/** The `find` of UsbPrinterTransport for one chosen printer. */
export function usbPrinterFinder(
  match: UsbPrinterMatch,
  load: LoadUsb = () => import('usb'),
): () => Promise<UsbPrinterDevice | undefined> {
  return async () =>
    (await printerDevices(load)).find(
      (d) =>
        d.vendorId === match.vendorId &&
        d.productId === match.productId &&
        (match.serialNumber === undefined || d.serialNumber === match.serialNumber),
    );
}

export function usbPrinterLabel(match: UsbPrinterMatch): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `usb ${hex(match.vendorId)}:${hex(match.productId)}${match.serialNumber ? ` ${match.serialNumber}` : ''}`;
}
