import { describe, expect, it } from 'vitest';
import { readPrinterStatus } from '../read-status';
import { fakeSerialOpener } from '../testing/fake-serial-printer-port';
import { createPrinterSerialPortOpener, SerialPrinterTransport } from './serial';
import { failureOf } from '../testing/transport-failure';

describe('serial printer transport', () => {
  it('writes bytes and reads status on one open port', async () => {
    const fake = fakeSerialOpener();
    const transport = new SerialPrinterTransport({ path: '/dev/ttyUSB0', open: fake.open });
    await transport.open();
    await transport.write(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a));
    expect((await readPrinterStatus(transport, 500)).online).toBe(true);
    const port = fake.ports[0];
    expect(port).toBeDefined();
    if (port) {
      port.state = { ...port.state, coverOpen: true };
    }
    expect((await readPrinterStatus(transport, 500)).coverOpen).toBe(true);
    expect(fake.ports).toHaveLength(1);
    expect(fake.ports[0]?.written.slice(0, 4)).toEqual([0x1b, 0x40, 0x41, 0x0a]);
    await transport.close();
    expect(fake.ports[0]?.closed).toBe(true);
  });

  it('reports a missing port as unreachable', async () => {
    const fake = fakeSerialOpener();
    fake.setMissing(true);
    const transport = new SerialPrinterTransport({ path: '/dev/ttyUSB9', open: fake.open });
    expect((await failureOf(transport.open())).reason).toBe('unreachable');
  });

  it('reports an unplugged adapter as disconnected and opens a new port afterwards', async () => {
    const fake = fakeSerialOpener();
    const transport = new SerialPrinterTransport({ path: '/dev/ttyUSB0', open: fake.open });
    await transport.open();
    const port = fake.ports[0];
    if (port) {
      port.stalled = true;
    }
    const pending = transport.readStatus(Uint8Array.of(0x10, 0x04, 1), 1, 1000);
    port?.unplug();
    expect((await failureOf(pending)).reason).toBe('disconnected');
    await transport.open();
    expect(fake.ports).toHaveLength(2);
    expect((await readPrinterStatus(transport, 500)).online).toBe(true);
  });

  it('times out a write the printer holds back with flow control', async () => {
    const fake = fakeSerialOpener();
    const transport = new SerialPrinterTransport({
      path: '/dev/ttyS0',
      open: fake.open,
      writeTimeoutMs: 50,
    });
    await transport.open();
    if (fake.ports[0]) {
      fake.ports[0].stalled = true;
    }
    expect((await failureOf(transport.write(Uint8Array.of(0x41)))).reason).toBe('timeout');
  });

  it('turns a serialport that cannot load into unreachable', async () => {
    const transport = new SerialPrinterTransport({
      path: '/dev/ttyS0',
      open: createPrinterSerialPortOpener(() => Promise.reject(new Error('no bindings'))),
    });
    const error = await failureOf(transport.open());
    expect(error.reason).toBe('unreachable');
    expect(error.message).toMatch(/could not open/);
  });
});
