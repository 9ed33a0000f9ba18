/**
 * What the settings screen offers as receipt printers (`printer:list`, shared/channels/printer.ts): USB
 * printer-class devices (`usb`), serial ports (`serialport`) and the operating system's printers (Electron only).
 * Each source is asked on its own and never fails the list: a `usb` module that does not load says
 * `available: false` (libusb missing, no permission), a serialport or OS list that fails is empty, with a log line.
 * The modules load on first use, as the transports load them (docs/printing-transports.md).
 */
import { z } from 'zod';
import type { PrinterList } from '../../../shared/channels/printer';
import type { Logger } from '../../log/logger';
import type { SystemPrinters } from './driver';
import { listUsbPrinters, type UsbPrinterInfo } from './transports/usb-devices';

export interface PrinterListDeps {
  /** The `usb` module (default: import('usb')). */
  loadUsb?: () => Promise<unknown>;
  /** The `serialport` module (default: import('serialport')). */
  loadSerialPort?: () => Promise<unknown>;
  /** The OS printers; absent outside the Electron host. */
  systemPrinters?: SystemPrinters;
  logger?: Pick<Logger, 'warn'>;
}

/** One entry of serialport's `SerialPort.list()` (a trust boundary: an untyped module's answer). */
const PortInfoSchema = z.object({
  path: z.string().min(1),
  manufacturer: z.string().optional(),
  friendlyName: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
});

interface SerialPortLister {
  list(): Promise<unknown>;
}

function serialPortLister(mod: unknown): SerialPortLister | undefined {
  for (const candidate of [
    mod,
    typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined,
  ]) {
    if (typeof candidate === 'object' && candidate !== null && 'SerialPort' in candidate) {
      const ctor: unknown = candidate.SerialPort;
      if (typeof ctor === 'function' && 'list' in ctor && typeof ctor.list === 'function') {
        return ctor as unknown as SerialPortLister;
      }
    }
  }
  return undefined;
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function usbName(printer: UsbPrinterInfo): string {
  const words = [printer.manufacturerName, printer.productName].filter((w): w is string =>
    Boolean(w?.trim()),
  );
  return words.length > 0 ? words.join(' ') : `USB ${hex(printer.vendorId)}:${hex(printer.productId)}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'error';
}

async function usbPrinters(deps: PrinterListDeps): Promise<PrinterList['usb']> {
  try {
    const printers = await listUsbPrinters(deps.loadUsb);
    return {
      available: true,
      printers: printers.map((p) => ({
        vendorId: p.vendorId,
        productId: p.productId,
        serialNumber: p.serialNumber ?? null,
        name: usbName(p),
      })),
    };
  } catch (error) {
    deps.logger?.warn({ reason: reasonOf(error) }, 'printer list: USB unavailable');
    return { available: false, printers: [] };
  }
}

async function serialPorts(deps: PrinterListDeps): Promise<PrinterList['serial']> {
  try {
    const lister = serialPortLister(await (deps.loadSerialPort ?? (() => import('serialport')))());
    if (!lister) {
      throw new Error('serialport has no SerialPort.list');
    }
    const listed = await lister.list();
    return (Array.isArray(listed) ? listed : []).flatMap((entry) => {
      const parsed = PortInfoSchema.safeParse(entry);
      if (!parsed.success) {
        return [];
      }
      const { path, friendlyName, manufacturer, vendorId, productId } = parsed.data;
      const ids = vendorId && productId ? ` (${vendorId}:${productId})` : '';
      return [{ path, name: friendlyName ?? (manufacturer ? `${manufacturer}${ids}` : path) }];
    });
  } catch (error) {
    deps.logger?.warn({ reason: reasonOf(error) }, 'printer list: serial ports not listed');
    return [];
  }
}

async function systemPrinters(deps: PrinterListDeps): Promise<PrinterList['system']> {
  if (!deps.systemPrinters) {
    return [];
  }
  try {
    return (await deps.systemPrinters.list()).map(({ name, isDefault }) => ({ name, isDefault }));
  } catch (error) {
    deps.logger?.warn({ reason: reasonOf(error) }, 'printer list: system printers not listed');
    return [];
  }
}

/** Every printer this till could use; never rejects. */
export async function listPrinters(deps: PrinterListDeps = {}): Promise<PrinterList> {
  const [usb, serial, system] = await Promise.all([
    usbPrinters(deps),
    serialPorts(deps),
    systemPrinters(deps),
  ]);
  return { usb, serial, system };
}
