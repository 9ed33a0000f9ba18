/** Placeholder until the listing lands: USB printers only. */
import type { PrinterList } from '../../../shared/channels/printer';
import type { SystemPrinters } from './driver';
import { listUsbPrinters } from './transports/usb-devices';

export async function listPrinters(_deps: { systemPrinters?: SystemPrinters | undefined }): Promise<PrinterList> {
  const usb = await listUsbPrinters().then(
    (printers) => ({
      available: true,
      printers: printers.map((p) => ({
        vendorId: p.vendorId,
        productId: p.productId,
        serialNumber: p.serialNumber ?? null,
        name: p.productName ?? 'USB printer',
      })),
    }),
    () => ({ available: false, printers: [] }),
  );
  return { usb, serial: [], system: [] };
}
