import { describe, expect, it } from 'vitest';
import { FakeScheduler } from '../../../kernel/testing/fake-scheduler';
import { ManualClock } from '../../../kernel/testing/manual-clock';
import { createCapturingLogger } from '../../../log/logger';
import type { PrintJobOutcome, PrinterState } from '../print-queue';
import { FakeSystemPrinters } from '../testing/fake-system-printers';
import { SystemPrinterDriver } from './system-driver';

const QR_DATA = '1234567890'.repeat(20);

function rig(printers = new FakeSystemPrinters()) {
  const scheduler = new FakeScheduler(new ManualClock());
  const { logger, lines: logs } = createCapturingLogger();
  const driver = new SystemPrinterDriver({
    printers,
    deviceName: 'EPSON_TM_T20',
    paperWidth: 58,
    scheduler,
    logger,
  });
  const states: PrinterState[] = [];
  const outcomes: [string, PrintJobOutcome][] = [];
  driver.onState((s) => states.push(s));
  driver.onJob((job, outcome) => outcomes.push([job.id, outcome]));
  return { printers, scheduler, driver, states, outcomes, logs };
}

const job = (id: string) => ({
  id,
  label: `receipt ${id}`,
  lines: [
    { kind: 'text' as const, left: 'Milk', right: '3 500' },
    { kind: 'qr' as const, data: QR_DATA },
  ],
});

describe('SystemPrinterDriver', () => {
  it('prints each job on the named device, in order, and reports it printed', async () => {
    const { printers, driver, states, outcomes } = rig();
    driver.print(job('1'));
    driver.print(job('2'));
    await driver.idle();

    expect(printers.printed.map((p) => [p.deviceName, p.document.title, p.document.paperWidth])).toEqual([
      ['EPSON_TM_T20', 'receipt 1', 58],
      ['EPSON_TM_T20', 'receipt 2', 58],
    ]);
    expect(printers.printed[0]?.document.lines).toEqual(job('1').lines);
    expect(outcomes).toEqual([
      ['1', 'printed'],
      ['2', 'printed'],
    ]);
    expect(states).toEqual(['printing', 'ready']);
    expect(driver.pending()).toEqual([]);
    expect(driver.label).toBe('EPSON_TM_T20');
  });

  it('sends one job at a time: the second waits while the first is with the spooler', async () => {
    const { printers, driver } = rig();
    printers.hold = true;
    driver.print(job('1'));
    driver.print(job('2'));
    await Promise.resolve();

    expect(printers.attempts).toBe(1);
    expect(driver.state).toBe('printing');
    expect(driver.pending().map((j) => j.id)).toEqual(['1', '2']);

    printers.hold = false;
    printers.release();
    await driver.idle();
    expect(printers.printed.map((p) => p.document.title)).toEqual(['receipt 1', 'receipt 2']);
  });

  it('retries a refused job with the print queue’s back-off, unreachable meanwhile, then prints it once', async () => {
    const { printers, scheduler, driver, states, outcomes } = rig();
    printers.refuse = true;
    driver.print(job('1'));
    await driver.idle();

    expect(driver.state).toBe('unreachable');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(...scheduler.delays());
      await scheduler.advance(scheduler.delays()[0] ?? 0);
    }
    expect(delays).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000]);
    expect(printers.attempts).toBe(7);
    expect(outcomes).toEqual([]);
    expect(driver.pending().map((j) => j.id)).toEqual(['1']);

    printers.refuse = false;
    await scheduler.advance(30_000);
    expect(outcomes).toEqual([['1', 'printed']]);
    expect(printers.printed).toHaveLength(1);
    expect(driver.state).toBe('ready');
    expect(states).toContain('unreachable');
    expect(scheduler.pending).toBe(0);
  });

  it('starts the back-off over after a job went through', async () => {
    const { printers, scheduler, driver } = rig();
    printers.refuse = true;
    driver.print(job('1'));
    await driver.idle();
    await scheduler.advance(1000);
    printers.refuse = false;
    await scheduler.advance(2000);
    printers.refuse = true;
    driver.print(job('2'));
    await driver.idle();

    expect(scheduler.delays()).toEqual([1000]);
  });

  it('checkStatus: ready when the OS lists the printer, unreachable when not or when listing fails', async () => {
    const { printers, driver } = rig();

    expect(await driver.checkStatus()).toBe('ready');
    printers.printers = [{ name: 'Other', isDefault: true }];
    expect(await driver.checkStatus()).toBe('unreachable');
    printers.printers = [{ name: 'EPSON_TM_T20', isDefault: false }];
    expect(await driver.checkStatus()).toBe('ready');
    printers.failList = true;
    expect(await driver.checkStatus()).toBe('unreachable');
  });

  it('checkStatus sends a held job at once when the printer is back', async () => {
    const { printers, scheduler, driver, outcomes } = rig();
    printers.refuse = true;
    driver.print(job('1'));
    await driver.idle();
    printers.refuse = false;

    expect(await driver.checkStatus()).toBe('ready');
    expect(outcomes).toEqual([['1', 'printed']]);
    expect(scheduler.pending).toBe(0);
  });

  it('has no drawer: a kick reports failed for its id and sends nothing', async () => {
    const { printers, driver, outcomes } = rig();
    driver.kickDrawer('kick-1');

    expect(driver.drawerSupported).toBe(false);
    expect(driver.paperLow).toBe(false);
    await Promise.resolve();
    expect(outcomes).toEqual([['kick-1', 'failed']]);
    expect(printers.attempts).toBe(0);
  });

  it('never logs what a job prints: ids and labels only', async () => {
    const { printers, scheduler, driver, logs } = rig();
    printers.refuse = true;
    driver.print(job('1'));
    await driver.idle();
    printers.refuse = false;
    await scheduler.advance(1000);

    expect(logs.length).toBeGreaterThan(3);
    const text = JSON.stringify(logs);
    expect(text).toContain('receipt 1');
    expect(text).not.toContain(QR_DATA);
    expect(text).not.toContain('Milk');
  });

  it('close drops waiting jobs and stops retrying', async () => {
    const { printers, scheduler, driver } = rig();
    printers.refuse = true;
    driver.print(job('1'));
    await driver.idle();
    await driver.close();

    expect(scheduler.pending).toBe(0);
    expect(driver.pending()).toEqual([]);
    expect(() => {
      driver.print(job('2'));
    }).toThrow(/closed/);
  });
});
