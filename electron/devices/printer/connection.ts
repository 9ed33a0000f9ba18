/**
 * From where a printer is (the settings' choice) to its transport. The lead's settings schema (zod, in
 * shared/settings) describes the same shape; this file only builds the transport.
 */
import { SerialPrinterTransport, type OpenPrinterSerialPort } from './transports/serial';
import { TcpPrinterTransport } from './transports/tcp';
import type { PrinterTransport } from './transports/transport';
import { UsbPrinterTransport } from './transports/usb';
import { usbPrinterFinder, usbPrinterLabel } from './transports/usb-devices';

export type PrinterConnection =
  | { kind: 'tcp'; host: string; port?: number }
  | { kind: 'serial'; path: string; baudRate?: number }
  | { kind: 'usb'; vendorId: number; productId: number; serialNumber?: string };

export interface PrinterTransportDeps {
  /** The serial opener; the real `serialport` one by default. */
  openSerial?: OpenPrinterSerialPort;
  /** Loads the `usb` module; `import('usb')` by default. */
  loadUsb?: () => Promise<unknown>;
}

export function createPrinterTransport(
  connection: PrinterConnection,
  deps: PrinterTransportDeps = {},
): PrinterTransport {
  switch (connection.kind) {
    case 'tcp':
      return new TcpPrinterTransport({ host: connection.host, port: connection.port });
    case 'serial':
      return new SerialPrinterTransport({
        path: connection.path,
        baudRate: connection.baudRate,
        open: deps.openSerial,
      });
    case 'usb':
      return new UsbPrinterTransport({
        label: usbPrinterLabel(connection),
        find: usbPrinterFinder(connection, deps.loadUsb),
      });
  }
}
