import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeScheduler } from '../../kernel/testing/fake-scheduler';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { createCapturingLogger } from '../../log/logger';
import { drawerKickBytes } from './drawer';
import { PrintQueue, type PrinterState, type PrintJob, type PrintQueueOptions } from './print-queue';
import { FakePrinterTransport } from './testing/fake-printer-transport';

let clock: ManualClock;
let scheduler: FakeScheduler;
let transport: FakePrinterTransport;
let states: PrinterState[];
let done: string[];
let queue: PrintQueue;

function makeQueue(options: Partial<PrintQueueOptions> = {}): PrintQueue {
  const q = new PrintQueue({ transport, scheduler, clock, ...options });
  q.onState((s) => states.push(s));
  q.onJob((job, outcome) => done.push(`${job.id}:${outcome}`));
  return q;
}

const receipt = (id: string, text = `receipt ${id}\n`): PrintJob => ({
  id,
  label: `receipt ${id}`,
  bytes: Uint8Array.from(Buffer.from(text)),
});
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

beforeEach(() => {
  clock = new ManualClock();
  scheduler = new FakeScheduler(clock);
  transport = new FakePrinterTransport();
  states = [];
  done = [];
  queue = makeQueue();
});

afterEach(async () => {
  await queue.close();
});

describe('print queue', () => {
  it('prints a job once on a ready printer, after asking its status', async () => {
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n']);
    expect(transport.statusReads).toBeGreaterThanOrEqual(4);
    expect(done).toEqual(['r1:printed']);
    expect(states).toEqual(['printing', 'ready']);
    expect(queue.pending()).toEqual([]);
  });

  it('holds a job while the paper is out, reports paper-out, and prints it once when paper is back', async () => {
    transport.setState({ paperOut: true });
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(queue.state).toBe('paper-out');
    expect(transport.writes).toEqual([]);
    expect(queue.pending()).toEqual([{ id: 'r1', label: 'receipt r1' }]);
    // Still out at the next poll: still held.
    await scheduler.advance(2000);
    expect(transport.writes).toEqual([]);
    transport.setState({ paperOut: false });
    await scheduler.advance(2000);
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n']);
    expect(states).toEqual(['paper-out', 'ready', 'printing', 'ready']);
    await scheduler.advance(60_000);
    expect(transport.writes).toHaveLength(1);
  });

  it('reports cover-open and offline as their own states', async () => {
    transport.setState({ coverOpen: true });
    expect(await queue.checkStatus()).toBe('cover-open');
    transport.setState({ coverOpen: false, online: false });
    expect(await queue.checkStatus()).toBe('offline');
    transport.setState({ online: true, paperNearEnd: true });
    expect(await queue.checkStatus()).toBe('ready');
    expect(queue.lastStatus?.paperNearEnd).toBe(true);
    expect(transport.writes).toEqual([]);
  });

  it('retries an unreachable printer with growing back-off, then prints once', async () => {
    transport.unreachable = true;
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(queue.state).toBe('unreachable');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [next] = scheduler.delays();
      expect(next).toBeDefined();
      delays.push(next ?? 0);
      await scheduler.advance(next ?? 0);
    }
    expect(delays).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000]);
    expect(transport.writes).toEqual([]);
    transport.unreachable = false;
    await scheduler.advance(30_000);
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n']);
    expect(queue.state).toBe('ready');
    expect(scheduler.pending).toBe(0);
  });

  it('sends a job again, whole, after a failed write (at-least-once)', async () => {
    transport.failNextWrite = 'disconnected';
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(queue.state).toBe('unreachable');
    expect(transport.writes).toEqual([]);
    await scheduler.advance(1000);
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n']);
    expect(done).toEqual(['r1:printed']);
  });

  it('sends a job again when the link drops before the printer confirmed it', async () => {
    transport.onWrite = () => {
      transport.onWrite = undefined;
      transport.statusFailure = 'disconnected';
    };
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(queue.state).toBe('unreachable');
    expect(done).toEqual([]);
    transport.statusFailure = undefined;
    await scheduler.advance(1000);
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n', 'receipt r1\n']);
    expect(done).toEqual(['r1:printed']);
  });

  it('never resends a job whose bytes went out and then met silence: it leaves unconfirmed', async () => {
    transport.onWrite = () => {
      transport.onWrite = undefined;
      transport.statusFailure = 'timeout';
    };
    queue.enqueue(receipt('r1'));
    queue.enqueue(receipt('r2'));
    await queue.idle();
    expect(done).toEqual(['r1:unconfirmed']);
    expect(queue.state).toBe('unreachable');
    transport.statusFailure = undefined;
    await scheduler.advance(120_000);
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n', 'receipt r2\n']);
    expect(done).toEqual(['r1:unconfirmed', 'r2:printed']);
    expect(queue.state).toBe('ready');
  });

  it('reports paper running out during a job, and the job as printed', async () => {
    transport.onWrite = () => {
      transport.setState({ paperOut: true });
    };
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(done).toEqual(['r1:printed']);
    expect(queue.state).toBe('paper-out');
  });

  it('keeps the order of jobs, also when they waited', async () => {
    transport.setState({ coverOpen: true });
    for (const id of ['a', 'b', 'c']) {
      queue.enqueue(receipt(id));
    }
    await queue.idle();
    expect(queue.pending().map((j) => j.id)).toEqual(['a', 'b', 'c']);
    transport.setState({ coverOpen: false });
    queue.kick();
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt a\n', 'receipt b\n', 'receipt c\n']);
  });

  it('sends a drawer kick as a job, in order after the receipt', async () => {
    queue.enqueue(receipt('r1'));
    queue.enqueue({ id: 'k1', label: 'drawer kick', bytes: drawerKickBytes(), kind: 'drawer-kick' });
    await queue.idle();
    expect(transport.writes.map((w) => [...w])).toEqual([
      [...Buffer.from('receipt r1\n')],
      [0x1b, 0x70, 0, 50, 100],
    ]);
  });

  it('drops a drawer kick that could not be sent in time, and does not resend a failed one', async () => {
    transport.unreachable = true;
    queue.enqueue({ id: 'k1', label: 'drawer kick', bytes: drawerKickBytes(), kind: 'drawer-kick' });
    await queue.idle();
    await scheduler.advance(1000 + 2000 + 5000 + 10_000);
    transport.unreachable = false;
    await scheduler.advance(30_000);
    await queue.idle();
    expect(done).toEqual(['k1:expired']);
    expect(transport.writes).toEqual([]);

    transport.failNextWrite = 'timeout';
    queue.enqueue({ id: 'k2', label: 'drawer kick', bytes: drawerKickBytes(), kind: 'drawer-kick' });
    await queue.idle();
    await scheduler.advance(60_000);
    expect(done).toEqual(['k1:expired', 'k2:failed']);
    expect(transport.writes).toEqual([]);
  });

  it('a reprint is another job with the same bytes', async () => {
    queue.enqueue(receipt('r1'));
    queue.enqueue({ ...receipt('r1'), id: 'r1-reprint' });
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n', 'receipt r1\n']);
  });

  it('polls the status while idle when asked to, so paper-out shows before the next receipt', async () => {
    await queue.close();
    queue = makeQueue({ idlePollMs: 10_000 });
    expect(await queue.checkStatus()).toBe('ready');
    transport.setState({ paperOut: true });
    await scheduler.advance(10_000);
    expect(queue.state).toBe('paper-out');
  });

  it('keeps a job when a listener throws, and prints it at the next try', async () => {
    const off = queue.onState(() => {
      throw new Error('listener broke');
    });
    queue.enqueue(receipt('r1'));
    await queue.idle();
    expect(queue.pending()).toEqual([{ id: 'r1', label: 'receipt r1' }]);
    off();
    await scheduler.advance(2000);
    await queue.idle();
    expect(transport.writes.map(text)).toEqual(['receipt r1\n']);
    expect(done).toEqual(['r1:printed']);
  });

  it('writes no job bytes into the log', async () => {
    const { logger, lines } = createCapturingLogger();
    await queue.close();
    queue = makeQueue({ logger });
    const qrData = '1234567890123456789012345678901234567890QRDATA';
    transport.failNextWrite = 'disconnected';
    queue.enqueue(receipt('r1', `LOTTERY AB 12345678\n${qrData}\n`));
    await queue.idle();
    await scheduler.advance(1000);
    await queue.idle();
    expect(transport.writes).toHaveLength(1);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).not.toContain(qrData);
      expect(line).not.toContain('AB 12345678');
      expect(line).not.toContain(Buffer.from(qrData).toString('base64').slice(0, 16));
    }
  });
});
