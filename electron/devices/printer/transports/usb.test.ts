import { describe, expect, it } from 'vitest';
import { FakeScheduler } from '../../../kernel/testing/fake-scheduler';
import { ManualClock } from '../../../kernel/testing/manual-clock';
import { PrintQueue } from '../print-queue';
import { readPrinterStatus } from '../read-status';
import { FakeUsbPrinter } from '../testing/fake-usb-printer';
import { UsbPrinterTransport } from './usb';
import { findPrinterInterface } from './usb-device';
import { isUsbPrinterDevice, listUsbPrinters, usbPrinterFinder, usbPrinterLabel } from './usb-devices';
import { failureOf } from '../testing/transport-failure';

function transportFor(device: () => FakeUsbPrinter | undefined, platform: NodeJS.Platform = 'linux') {
  return new UsbPrinterTransport({
    label: 'usb 0416:5011',
    find: () => Promise.resolve(device()),
    platform,
  });
}

describe('USB printer-class transport', () => {
  it('finds the class 7 interface with its bulk endpoints', () => {
    expect(findPrinterInterface(new FakeUsbPrinter())).toEqual({
      configurationValue: 1,
      interfaceNumber: 0,
      alternateSetting: 0,
      outEndpoint: 1,
      inEndpoint: { endpointNumber: 2, packetSize: 64 },
    });
    expect(findPrinterInterface(new FakeUsbPrinter({ unidirectional: true }))?.inEndpoint).toBeUndefined();
  });

  it('detaches usblp on Linux, claims the interface, writes and reads status', async () => {
    const device = new FakeUsbPrinter();
    const transport = transportFor(() => device);
    await transport.open();
    expect(device.kernelDriverBound).toBe(false);
    expect(device.claimed).toBe(true);
    expect(device.configuration?.configurationValue).toBe(1);
    await transport.write(Uint8Array.of(0x1b, 0x40, 0x41));
    expect(device.received).toEqual([0x1b, 0x40, 0x41]);
    device.state = { ...device.state, paperOut: true };
    expect((await readPrinterStatus(transport, 200)).paperOut).toBe(true);
    await transport.close();
    expect(device.opened).toBe(false);
  });

  it('does not detach a kernel driver off Linux', async () => {
    const device = new FakeUsbPrinter();
    const transport = transportFor(() => device, 'darwin');
    const error = await failureOf(transport.open());
    expect(error.reason).toBe('unreachable');
    expect(device.kernelDriverBound).toBe(true);
    device.kernelDriverBound = false;
    await transport.open();
    expect(device.claimed).toBe(true);
  });

  it('reports a printer that is not plugged in as unreachable, and finds it once it is', async () => {
    const bus: { device?: FakeUsbPrinter } = {};
    const transport = transportFor(() => bus.device);
    expect((await failureOf(transport.open())).reason).toBe('unreachable');
    const device = new FakeUsbPrinter();
    bus.device = device;
    await transport.open();
    expect(device.claimed).toBe(true);
  });

  it('reports an unplug mid-job as disconnected and claims the re-plugged device', async () => {
    let device = new FakeUsbPrinter();
    const transport = transportFor(() => device);
    await transport.open();
    device.unplugged = true;
    expect((await failureOf(transport.write(Uint8Array.of(0x41)))).reason).toBe('disconnected');
    device = new FakeUsbPrinter();
    await transport.open();
    await transport.write(Uint8Array.of(0x42));
    expect(device.received).toEqual([0x42]);
  });

  it('reports a stalled OUT endpoint as disconnected and a silent IN endpoint as timeout', async () => {
    const device = new FakeUsbPrinter();
    const transport = transportFor(() => device);
    await transport.open();
    device.stallOut = true;
    expect((await failureOf(transport.write(Uint8Array.of(0x41)))).reason).toBe('disconnected');
    device.stallOut = false;
    await transport.open();
    device.silent = true;
    const error = await failureOf(transport.readStatus(Uint8Array.of(0x10, 0x04, 1), 1, 100));
    expect(error.reason).toBe('timeout');
  });

  it('lets the queue print on a unidirectional printer without asking status', async () => {
    const device = new FakeUsbPrinter({ unidirectional: true });
    const transport = transportFor(() => device);
    const clock = new ManualClock();
    const queue = new PrintQueue({ transport, scheduler: new FakeScheduler(clock), clock });
    queue.enqueue({ id: 'r1', label: 'receipt', bytes: Uint8Array.of(0x41, 0x0a) });
    await queue.idle();
    expect(transport.statusSupported).toBe(false);
    expect(device.received).toEqual([0x41, 0x0a]);
    expect(queue.state).toBe('ready');
    await queue.close();
  });

  it('lists plugged-in printers through the usb module and skips other devices', async () => {
    // A HID device: same shape, interface class 3.
    const other = new FakeUsbPrinter();
    const alternate = other.configurations[0]?.interfaces[0]?.alternates[0];
    if (alternate) {
      alternate.interfaceClass = 3;
    }
    const printer = new FakeUsbPrinter();
    const load = () =>
      Promise.resolve({ usb: { getDevices: () => Promise.resolve([other, printer, 'junk']) } });
    expect(isUsbPrinterDevice(printer)).toBe(true);
    expect(isUsbPrinterDevice('junk')).toBe(false);
    expect(await listUsbPrinters(load)).toEqual([
      {
        vendorId: 0x0416,
        productId: 0x5011,
        serialNumber: 'FAKE-USB-1',
        productName: 'POS58 Printer',
        manufacturerName: 'Fake',
        bidirectional: true,
      },
    ]);
    const match = { vendorId: 0x0416, productId: 0x5011, serialNumber: 'FAKE-USB-1' };
    expect(await usbPrinterFinder(match, load)()).toBe(printer);
    expect(await usbPrinterFinder({ ...match, serialNumber: 'OTHER' }, load)()).toBeUndefined();
    expect(usbPrinterLabel(match)).toBe('usb 0416:5011 FAKE-USB-1');
  });

  it('turns a usb module that cannot load into unreachable', async () => {
    const transport = new UsbPrinterTransport({
      label: 'usb 0416:5011',
      find: usbPrinterFinder({ vendorId: 0x0416, productId: 0x5011 }, () =>
        Promise.reject(new Error('no native binding')),
      ),
    });
    expect((await failureOf(transport.open())).reason).toBe('unreachable');
  });
});
