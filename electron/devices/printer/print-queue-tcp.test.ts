// The queue over the real TCP transport against the fake network printer: what the lead's e2e will rely on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeScheduler } from '../../kernel/testing/fake-scheduler';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { drawerKickBytes } from './drawer';
import { PrintQueue, type PrinterState } from './print-queue';
import { asciiLines, splitEscPos } from './testing/escpos-commands';
import { FakeNetworkPrinter } from './testing/fake-network-printer';
import { TcpPrinterTransport } from './transports/tcp';

const QR = 'QRDATA-0123456789';

/** A small receipt: init, code page, a text line, a stored and printed QR, a cut. */
function receiptBytes(total: string): Uint8Array {
  const qr = [...Buffer.from(QR)];
  const storeLength = qr.length + 3;
  const parts: number[][] = [
    [0x1b, 0x40], // ESC @
    [0x1b, 0x74, 17], // ESC t 17 (CP866)
    [...Buffer.from(`TOTAL ${total}\n`)],
    [0x1d, 0x28, 0x6b, 3, 0, 49, 67, 6], // GS ( k: module size 6
    [0x1d, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 49, 80, 48, ...qr], // store
    [0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48], // print
    [0x1d, 0x56, 66, 0], // GS V: feed and cut
  ];
  return Uint8Array.from(parts.flat());
}

let printer: FakeNetworkPrinter;
let queue: PrintQueue;
let scheduler: FakeScheduler;
let states: PrinterState[];

beforeEach(async () => {
  printer = await FakeNetworkPrinter.start();
  const clock = new ManualClock();
  scheduler = new FakeScheduler(clock);
  states = [];
  queue = new PrintQueue({
    transport: new TcpPrinterTransport({ host: '127.0.0.1', port: printer.port }),
    scheduler,
    clock,
  });
  queue.onState((s) => states.push(s));
});

afterEach(async () => {
  await queue.close();
  await printer.close();
});

describe('print queue over TCP', () => {
  it('prints a receipt and a drawer kick the splitter finds again', async () => {
    queue.enqueue({ id: 'r1', label: 'receipt', bytes: receiptBytes('12 500') });
    queue.enqueue({ id: 'k1', label: 'drawer kick', bytes: drawerKickBytes(), kind: 'drawer-kick' });
    await queue.idle();
    await printer.waitFor((p) => splitEscPos(p.printedBytes()).some((c) => c.kind === 'drawer-kick'));
    const commands = splitEscPos(printer.printedBytes());
    expect(commands.map((c) => c.kind)).toEqual([
      'init',
      'code-page',
      'text',
      'qr-setting',
      'qr-store',
      'qr-print',
      'cut',
      'drawer-kick',
    ]);
    const store = commands.find((c) => c.kind === 'qr-store');
    expect(store && Buffer.from(store.data).toString()).toBe(QR);
    expect(asciiLines(commands)).toEqual(['TOTAL 12 500']);
    expect(commands.at(-1)).toMatchObject({ kind: 'drawer-kick', pin: 2, onMs: 100 });
  });

  it('holds the receipt while paper is out and prints it once when paper is back', async () => {
    printer.setState({ paperOut: true });
    queue.enqueue({ id: 'r1', label: 'receipt', bytes: receiptBytes('7 000') });
    await queue.idle();
    expect(queue.state).toBe('paper-out');
    expect(printer.printedBytes()).toHaveLength(0);
    printer.setState({ paperOut: false });
    await scheduler.advance(2000);
    await queue.idle();
    await printer.waitFor((p) => p.printedBytes().length === receiptBytes('7 000').length);
    await scheduler.advance(60_000);
    await queue.checkStatus();
    expect(splitEscPos(printer.printedBytes()).filter((c) => c.kind === 'qr-print')).toHaveLength(1);
    expect(states).toEqual(['paper-out', 'ready', 'printing', 'ready']);
  });

  it('retries a printer that refuses connections and prints once it listens again', async () => {
    await printer.setFault('refuse');
    queue.enqueue({ id: 'r1', label: 'receipt', bytes: receiptBytes('1 000') });
    await queue.idle();
    expect(queue.state).toBe('unreachable');
    await scheduler.advance(1000);
    expect(queue.state).toBe('unreachable');
    await printer.recover();
    await scheduler.advance(2000);
    await queue.idle();
    await printer.waitFor((p) => p.printedBytes().length > 0);
    expect(queue.state).toBe('ready');
    expect(splitEscPos(printer.printedBytes()).filter((c) => c.kind === 'cut')).toHaveLength(1);
  });

  it('sends a receipt whose connection dropped mid-job again, whole, once the printer is back', async () => {
    const bytes = receiptBytes('3 300');
    // The first connection is reset after the four status queries (12 bytes) and 12 bytes of the receipt: its
    // end (QR, cut) never arrives.
    await printer.setFault('drop', 24);
    queue.enqueue({ id: 'r1', label: 'receipt', bytes });
    await queue.idle();
    expect(queue.state).toBe('unreachable');
    await printer.recover();
    await scheduler.advance(1000);
    await queue.idle();
    await printer.waitFor((p) => splitEscPos(p.printedBytes()).some((c) => c.kind === 'cut'));
    const commands = splitEscPos(printer.printedBytes());
    expect(commands.filter((c) => c.kind === 'qr-store')).toHaveLength(1);
    expect(commands.filter((c) => c.kind === 'cut')).toHaveLength(1);
    // The torn first copy, then the whole receipt.
    expect([...printer.printedBytes()]).toEqual([...bytes.slice(0, 12), ...bytes]);
    expect(queue.state).toBe('ready');
  });

  it('finds a half-dead printer by its silence and prints once it answers again', async () => {
    await queue.close();
    const clock = new ManualClock();
    scheduler = new FakeScheduler(clock);
    queue = new PrintQueue({
      transport: new TcpPrinterTransport({ host: '127.0.0.1', port: printer.port }),
      scheduler,
      clock,
      statusTimeoutMs: 100,
    });
    await printer.setFault('silent');
    queue.enqueue({ id: 'r1', label: 'receipt', bytes: receiptBytes('9 900') });
    await queue.idle();
    expect(queue.state).toBe('unreachable');
    expect(printer.printedBytes()).toHaveLength(0);
    await printer.recover();
    await scheduler.advance(1000);
    await queue.idle();
    await printer.waitFor((p) => splitEscPos(p.printedBytes()).some((c) => c.kind === 'cut'));
    expect(splitEscPos(printer.printedBytes()).filter((c) => c.kind === 'qr-print')).toHaveLength(1);
  });
});
