import { describe, expect, it } from 'vitest';
import { PrinterListSchema } from '../../../shared/channels/printer';
import { createCapturingLogger } from '../../log/logger';
import { listPrinters } from './printer-list';
import { FakeSystemPrinters } from './testing/fake-system-printers';
import { FakeUsbPrinter } from './testing/fake-usb-printer';

const usbModule = (devices: unknown[]) => () =>
  Promise.resolve({ usb: { getDevices: () => Promise.resolve(devices) } });

const serialModule = (ports: unknown) => () =>
  Promise.resolve({
    SerialPort: Object.assign(function SerialPort() {}, { list: () => Promise.resolve(ports) }),
  });

const failing = (message: string) => () => Promise.reject(new Error(message));

describe('listPrinters', () => {
  it('lists USB printer-class devices, serial ports and the system printers', async () => {
    const list = await listPrinters({
      loadUsb: usbModule([new FakeUsbPrinter(), 'not a device']),
      loadSerialPort: serialModule([
        { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' },
        { path: '/dev/ttyS0' },
        { path: 'COM3', friendlyName: 'USB Serial Port (COM3)' },
        { nonsense: true },
      ]),
      systemPrinters: new FakeSystemPrinters([
        { name: 'EPSON_TM_T20', isDefault: false },
        { name: 'Office', isDefault: true },
      ]),
    });

    expect(PrinterListSchema.parse(list)).toEqual(list);
    expect(list).toEqual({
      usb: {
        available: true,
        printers: [
          { vendorId: 0x0416, productId: 0x5011, serialNumber: 'FAKE-USB-1', name: 'Fake POS58 Printer' },
        ],
      },
      serial: [
        { path: '/dev/ttyUSB0', name: 'FTDI (0403:6001)' },
        { path: '/dev/ttyS0', name: '/dev/ttyS0' },
        { path: 'COM3', name: 'USB Serial Port (COM3)' },
      ],
      system: [
        { name: 'EPSON_TM_T20', isDefault: false },
        { name: 'Office', isDefault: true },
      ],
    });
  });

  it('names a USB printer without strings by its ids', async () => {
    const bare = Object.assign(new FakeUsbPrinter(), { productName: undefined, manufacturerName: undefined });
    const list = await listPrinters({ loadUsb: usbModule([bare]), loadSerialPort: serialModule([]) });

    expect(list.usb.printers[0]?.name).toBe('USB 0416:5011');
    expect(list.system).toEqual([]);
  });

  it('never throws: usb that does not load is unavailable, failing serial and OS lists are empty', async () => {
    const { logger, lines } = createCapturingLogger();
    const systemPrinters = new FakeSystemPrinters();
    systemPrinters.failList = true;
    const list = await listPrinters({
      loadUsb: failing('libusb not found'),
      loadSerialPort: failing('bindings missing'),
      systemPrinters,
      logger,
    });

    expect(list).toEqual({ usb: { available: false, printers: [] }, serial: [], system: [] });
    expect(lines.join('\n')).toContain('libusb not found');
    expect(lines.join('\n')).toContain('bindings missing');
  });

  it('treats a serialport module without SerialPort.list as no serial ports', async () => {
    const list = await listPrinters({
      loadUsb: usbModule([]),
      loadSerialPort: () => Promise.resolve({ default: {} }),
    });

    expect(list.serial).toEqual([]);
    expect(list.usb).toEqual({ available: true, printers: [] });
  });
});
