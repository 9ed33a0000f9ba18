import { describe, expect, it } from 'vitest';
import { createPrinterTransport } from './connection';
import { fakeSerialOpener } from './testing/fake-serial-printer-port';
import { FakeUsbPrinter } from './testing/fake-usb-printer';
import { SerialPrinterTransport } from './transports/serial';
import { TcpPrinterTransport } from './transports/tcp';
import { UsbPrinterTransport } from './transports/usb';

describe('printer connection → transport', () => {
  it('builds a TCP transport on port 9100 unless told otherwise', () => {
    const tcp = createPrinterTransport({ kind: 'tcp', host: '192.168.1.50' });
    expect(tcp).toBeInstanceOf(TcpPrinterTransport);
    expect(tcp.label).toBe('tcp 192.168.1.50:9100');
    expect(createPrinterTransport({ kind: 'tcp', host: 'p', port: 9101 }).label).toBe('tcp p:9101');
  });

  it('builds a serial transport with the given opener', async () => {
    const fake = fakeSerialOpener();
    const serial = createPrinterTransport(
      { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 38400 },
      { openSerial: fake.open },
    );
    expect(serial).toBeInstanceOf(SerialPrinterTransport);
    expect(serial.label).toBe('serial /dev/ttyUSB0@38400');
    await serial.open();
    expect(fake.ports).toHaveLength(1);
    await serial.close();
  });

  it('builds a USB transport that finds its device through the usb module', async () => {
    const device = new FakeUsbPrinter();
    // No usblp bound, so the test does not depend on the platform it runs on.
    device.kernelDriverBound = false;
    const usb = createPrinterTransport(
      { kind: 'usb', vendorId: 0x0416, productId: 0x5011 },
      { loadUsb: () => Promise.resolve({ usb: { getDevices: () => Promise.resolve([device]) } }) },
    );
    expect(usb).toBeInstanceOf(UsbPrinterTransport);
    expect(usb.label).toBe('usb 0416:5011');
    await usb.open();
    expect(device.claimed).toBe(true);
    await usb.close();
  });
});
