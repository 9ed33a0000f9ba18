import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPrinterStatus } from '../read-status';
import { FakeNetworkPrinter } from '../testing/fake-network-printer';
import { TcpPrinterTransport } from './tcp';
import { failureOf } from '../testing/transport-failure';

let printer: FakeNetworkPrinter;
let transport: TcpPrinterTransport;

beforeEach(async () => {
  printer = await FakeNetworkPrinter.start();
  transport = new TcpPrinterTransport({ host: '127.0.0.1', port: printer.port, connectTimeoutMs: 1000 });
});

afterEach(async () => {
  await transport.close();
  await printer.close();
});

const job = Uint8Array.from([0x1b, 0x40, ...Buffer.from('TOTAL 12 500\n'), 0x1d, 0x56, 0x00]);

describe('raw TCP printer transport', () => {
  it('writes bytes the printer receives unchanged', async () => {
    await transport.open();
    await transport.write(job);
    await printer.waitFor((p) => p.bytes().length >= job.length);
    expect([...printer.bytes()]).toEqual([...job]);
  });

  it('reads DLE EOT status: ready, paper out, cover open', async () => {
    await transport.open();
    expect((await readPrinterStatus(transport, 1000)).paperOut).toBe(false);
    printer.setState({ paperOut: true });
    const out = await readPrinterStatus(transport, 1000);
    expect(out.paperOut).toBe(true);
    expect(out.online).toBe(false);
    printer.setState({ paperOut: false, coverOpen: true });
    expect((await readPrinterStatus(transport, 1000)).coverOpen).toBe(true);
    expect(printer.statusQueries).toBe(12);
  });

  it('reports a refused connection as unreachable', async () => {
    await printer.setFault('refuse');
    const error = await failureOf(transport.open());
    expect(error.reason).toBe('unreachable');
    expect(error.code).toBe('device.unavailable');
  });

  it('reports a connection dropped mid-job as disconnected, and opens again afterwards', async () => {
    await printer.setFault('drop', 10);
    await transport.open();
    const big = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    // The printer resets the connection after 10 bytes: the write (or, if the kernel took it all, the status
    // read after it) fails with the link gone.
    const error = await failureOf(
      transport.write(big).then(() => transport.readStatus(Uint8Array.of(0x10, 0x04, 1), 1, 1000)),
    );
    expect(error.reason).toBe('disconnected');
    await printer.recover();
    await transport.open();
    await transport.write(job);
    await printer.waitFor((p) => p.connections === 2 && p.bytes().length >= 10 + job.length);
  });

  it('times out a status read on a half-dead printer and drops the socket', async () => {
    await printer.setFault('silent');
    await transport.open();
    const error = await failureOf(transport.readStatus(Uint8Array.of(0x10, 0x04, 1), 1, 150));
    expect(error.reason).toBe('timeout');
    // The next open connects afresh.
    await printer.recover();
    await transport.open();
    expect((await readPrinterStatus(transport, 1000)).online).toBe(true);
    expect(printer.connections).toBe(2);
  });

  it('refuses a write before open', async () => {
    const error = await failureOf(transport.write(job));
    expect(error.reason).toBe('disconnected');
  });
});
