import { describe, expect, it } from 'vitest';
import { FakeElectron } from '../testing/fake-electron';
import { fakePrinter } from '../testing/fake-browser-window';
import { KassaError } from '../kernel/errors';
import { FakeScheduler } from '../kernel/testing/fake-scheduler';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import type { SystemPrintDocument } from '../devices/printer/driver';
import { createElectronSystemPrinters, PRINT_LOAD_TIMEOUT_MS, PRINT_TIMEOUT_MS } from './system-printer';

const QR_DATA = '0123456789'.repeat(20);

const receipt: SystemPrintDocument = {
  title: 'receipt #42',
  paperWidth: 80,
  lines: [
    { kind: 'text', left: 'Milk <b>', right: '3 500' },
    { kind: 'qr', data: QR_DATA },
  ],
};

async function rig(
  options: { firstLoads?: FakeElectron['windows'][number]['webContents']['nextLoads'] } = {},
) {
  const fake = new FakeElectron(options.firstLoads ? { firstLoads: options.firstLoads } : {});
  await fake.ready();
  fake.printing.printers = [fakePrinter('EPSON_TM_T20', 'EPSON TM-T20'), fakePrinter('Office_Laser')];
  const scheduler = new FakeScheduler(new ManualClock());
  const { logger, lines } = createCapturingLogger();
  const printers = createElectronSystemPrinters(fake.api, { scheduler, logger });
  return { fake, scheduler, printers, logLines: lines };
}

function loadedHtml(url: string): string {
  const prefix = 'data:text/html;charset=utf-8,';
  expect(url.startsWith(prefix)).toBe(true);
  return decodeURIComponent(url.slice(prefix.length));
}

/** Catches the rejection now (so it is never unhandled) and hands it back for assertions. */
function settled(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('createElectronSystemPrinters', () => {
  it('lists the system printers by their OS names, from a hidden window it destroys', async () => {
    const { fake, printers } = await rig();

    expect(await printers.list()).toEqual([
      { name: 'EPSON_TM_T20', isDefault: false },
      { name: 'Office_Laser', isDefault: false },
    ]);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.options.show).toBe(false);
    expect(fake.windows[0]?.isDestroyed()).toBe(true);
  });

  it('a failing printer list rejects as unreachable and still destroys its window', async () => {
    const { fake, printers } = await rig();
    fake.printing.listFailure = new Error('cups is gone');

    const error = await settled(printers.list());
    expect(error).toBeInstanceOf(KassaError);
    expect(error).toMatchObject({ code: 'device.unavailable', params: { reason: 'unreachable' } });
    expect(fake.windows.every((w) => w.isDestroyed())).toBe(true);
  });

  it('prints silently on the named printer, with the receipt page loaded, in a locked-down hidden window', async () => {
    const { fake, printers, logLines } = await rig();
    await printers.print('EPSON_TM_T20', receipt);

    expect(fake.printing.prints).toHaveLength(1);
    const [print] = fake.printing.prints;
    expect(print?.options).toMatchObject({
      silent: true,
      deviceName: 'EPSON_TM_T20',
      printBackground: false,
      margins: { marginType: 'none' },
      pageSize: { width: 80_000 },
    });
    const pageSize = print?.options.pageSize;
    expect(typeof pageSize === 'object' ? pageSize.height : 0).toBeGreaterThan(40_000);
    const html = loadedHtml(print?.url ?? '');
    expect(html).toContain('Milk &lt;b&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain('<title>receipt #42</title>');

    const window = fake.windows[0];
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true },
    });
    expect(window?.options.webPreferences?.preload).toBeUndefined();
    expect(window?.isDestroyed()).toBe(true);
    // The page carries qrData: never in the log.
    expect(logLines.join('\n')).toContain('receipt #42');
    expect(logLines.join('\n')).not.toContain(QR_DATA);
  });

  it('a failure reason from the spooler rejects as unreachable; the window is destroyed', async () => {
    const { fake, printers } = await rig();
    fake.printing.nextPrints = [{ failureReason: 'Print job failed' }];

    const error = await settled(printers.print('EPSON_TM_T20', receipt));
    expect(error).toMatchObject({ code: 'device.unavailable', params: { reason: 'unreachable' } });
    expect((error as Error).message).toContain('Print job failed');
    expect(fake.windows[0]?.isDestroyed()).toBe(true);
  });

  it('a printer the OS does not know rejects (Electron: invalid deviceName)', async () => {
    const { fake, printers } = await rig();

    const error = await settled(printers.print('Gone_Printer', receipt));
    expect((error as Error).message).toContain('Invalid deviceName');
    expect(fake.windows[0]?.isDestroyed()).toBe(true);
  });

  it('a page that never finishes loading times out, destroys the window, and never prints', async () => {
    const { fake, scheduler, printers } = await rig({ firstLoads: ['hang'] });
    const outcome = settled(printers.print('EPSON_TM_T20', receipt));
    await fake.settle();
    expect(fake.windows[0]?.isDestroyed()).toBe(false);

    await scheduler.advance(PRINT_LOAD_TIMEOUT_MS);
    expect(await outcome).toMatchObject({ code: 'device.unavailable', params: { reason: 'unreachable' } });
    expect(fake.printing.prints).toHaveLength(0);
    expect(fake.windows[0]?.isDestroyed()).toBe(true);
  });

  it('a print the spooler never answers times out and destroys the window', async () => {
    const { fake, scheduler, printers } = await rig();
    fake.printing.nextPrints = ['hang'];
    const outcome = settled(printers.print('EPSON_TM_T20', receipt));
    await fake.settle();
    expect(fake.printing.prints).toHaveLength(1);

    await scheduler.advance(PRINT_TIMEOUT_MS);
    expect(await outcome).toMatchObject({ code: 'device.unavailable' });
    expect(fake.windows[0]?.isDestroyed()).toBe(true);
  });

  it('prints one job at a time: the second window opens after the first is done', async () => {
    const { fake, scheduler, printers } = await rig();
    fake.printing.nextPrints = ['hang', 'ok'];
    const first = settled(printers.print('EPSON_TM_T20', receipt));
    const second = settled(printers.print('Office_Laser', { ...receipt, title: 'receipt #43' }));
    await fake.settle();
    expect(fake.windows).toHaveLength(1);

    await scheduler.advance(PRINT_TIMEOUT_MS);
    await first;
    expect(await second).toBe('resolved');
    expect(fake.windows).toHaveLength(2);
    expect(fake.printing.prints.map((p) => p.options.deviceName)).toEqual(['EPSON_TM_T20', 'Office_Laser']);
    expect(fake.windows.every((w) => w.isDestroyed())).toBe(true);
  });
});
