/**
 * Issue 15, what prints after the sale: a refund's slip (and the drawer for cash given back), a reprint marked as
 * one with the same QR, the X report, a Georgian receipt (Georgian drawn as raster lines), and a restart that
 * prints the tax receipt a crash left unissued — but never reprints yesterday's receipts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../shared/channels/printer';
import type { ReceiptView } from '../../shared/channels/receipt';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { openNodeSettingsStore } from '../storage/settings';
import {
  closePrinterTills,
  paidSale,
  paper,
  printerSettings,
  startFakePrinter,
  tillWithPrinter,
} from '../testing/printer-till';
import { until, value } from '../testing/till';
import { FakeSystemPrinters } from '../devices/printer/testing/fake-system-printers';
import type { Kassa } from './kassa';
import { openTillOver } from '../testing/restartable-till';

afterEach(closePrinterTills);

describe('printing after the sale', () => {
  it('a cash refund prints its slip and opens the drawer again', async () => {
    const { till, printer } = await tillWithPrinter();
    const { payment } = await paidSale(till, 'cash');
    await printer.waitFor((p) => paper(p).jobs.length === 1);
    value(await till.kassa.invoke('operator', 'payment:refund', { paymentId: payment.id, amount: 1000 }));
    await printer.waitFor((p) => paper(p).jobs.length === 2 && paper(p).drawerKicks.length === 2);
    const slip = paper(printer).jobs[1];
    expect(slip?.lines.join('\n')).toContain('Буцаалт');
    expect(slip?.lines.find((l) => l.startsWith('Буцаасан дун'))).toMatch(/ 1 000 MNT$/);
  });

  it('a reprint is marked as one and carries the same QR while this run holds it', async () => {
    const { till, printer } = await tillWithPrinter();
    const { sale } = await paidSale(till, 'socialpay.qr');
    await printer.waitFor((p) => paper(p).jobs.length === 1);
    const status = value<PrinterStatus>(
      await till.kassa.invoke('cashier', 'printer:print-receipt', { saleId: sale.sale.id }),
    );
    expect(status.state).not.toBe('off');
    await printer.waitFor((p) => paper(p).jobs.length === 2);
    const [first, again] = paper(printer).jobs;
    expect(again?.lines).toContain(' '.repeat(17) + 'ДАХИН ХЭВЛЭСЭН' + ' '.repeat(17));
    expect(first?.lines.join('\n')).not.toContain('ДАХИН ХЭВЛЭСЭН');
    expect(again?.qr).toEqual(first?.qr);
  });

  it('prints the X report of today from the running totals', async () => {
    const { till, printer } = await tillWithPrinter();
    await paidSale(till, 'cash');
    await paidSale(till, 'cash', '8650001000022');
    await printer.waitFor((p) => paper(p).jobs.length === 2);
    value(await till.kassa.invoke('cashier', 'printer:print-report', {}));
    await printer.waitFor((p) => paper(p).jobs.length === 3);
    const report = paper(printer).jobs[2]?.lines ?? [];
    expect(report.join('\n')).toContain('X тайлан');
    expect(report.find((l) => l.startsWith('  Бэлэн'))).toMatch(/^ {2}Бэлэн монго \(2\) +\d[\d ]*$/);
  });

  it('a Georgian till prints when paid, in Georgian drawn as raster lines, amounts in lari', async () => {
    const { till, printer } = await tillWithPrinter({ country: 'GE' });
    await paidSale(till, 'cash', '4860002000011');
    await printer.waitFor((p) => paper(p).jobs.length === 1);
    const [job] = paper(printer).jobs;
    expect(job?.rasterLines).toBeGreaterThan(3);
    expect(job?.qr).toEqual([]);
    // Georgian words are pictures on paper; the amounts stay text, in lari with tetri.
    expect(job?.lines.filter((l) => l.includes('8.50')).map((l) => l.split(/ +/).at(-1))).toEqual(['8.50']);
  });
});

describe('printing across a restart', () => {
  let cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) {
      await c();
    }
    cleanups = [];
  });

  function openTill(dataDir: string, sims: RunningSandbox, systemPrinters?: FakeSystemPrinters): Kassa {
    const kassa = openTillOver(dataDir, sims, systemPrinters ? { systemPrinters } : {});
    cleanups.push(() => kassa.close());
    return kassa;
  }

  it('prints the receipt of a sale paid while the till was down, and nothing printed before', async () => {
    const t = tempDataDir();
    const sims = await startSandboxSimulators();
    const printer = await startFakePrinter();
    cleanups.push(t.cleanup, () => sims.close());
    const settings = openNodeSettingsStore(t.dir, createCapturingLogger().logger);
    settings.set(printerSettings(settings.get(), printer.port));

    const first = openTill(t.dir, sims);
    // One sale paid and printed; a second one waiting for the customer's bank app when the till goes down.
    const done = value<{ sale: { id: string } }>(await first.invoke('cashier', 'sale:new', {}));
    value(await first.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }));
    value(await first.invoke('cashier', 'payment:start', { saleId: done.sale.id, method: 'cash' }));
    await printer.waitFor((p) => paper(p).jobs.some((j) => j.qr.length > 0));
    const waiting = value<{ sale: { id: string } }>(await first.invoke('cashier', 'sale:new', {}));
    value(await first.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000022' }));
    const started = value<{ idempotencyKey: string }>(
      await first.invoke('cashier', 'payment:start', { saleId: waiting.sale.id, method: 'socialpay.qr' }),
    );
    await first.close();
    sims.socialpay.markPaid(started.idempotencyKey);

    const second = openTill(t.dir, sims);
    await second.recovered;
    const receipt = await until(
      async () =>
        value<ReceiptView>(await second.invoke('cashier', 'receipt:get', { saleId: waiting.sale.id })),
      (r) => r.state === 'issued',
    );
    await printer.waitFor((p) => paper(p).jobs.length === 2);
    const status = await until(
      async () => value<PrinterStatus>(await second.invoke('cashier', 'printer:status', {})),
      (s) => s.waiting.length === 0,
    );
    expect(status.waiting).toEqual([]);
    const jobs = paper(printer).jobs;
    expect(jobs).toHaveLength(2);
    expect(jobs[1]?.qr).toEqual([receipt.printable?.qrData]);
  });

  it('prints on a printer of the operating system where the host has them (no drawer to kick)', async () => {
    const t = tempDataDir();
    const sims = await startSandboxSimulators();
    cleanups.push(t.cleanup, () => sims.close());
    const settings = openNodeSettingsStore(t.dir, createCapturingLogger().logger);
    const base = settings.get();
    settings.set({
      ...base,
      printer: { ...base.printer, connection: { kind: 'system', deviceName: 'EPSON_TM_T20' } },
    });
    const system = new FakeSystemPrinters();
    const kassa = openTill(t.dir, sims, system);
    const sale = value<{ sale: { id: string } }>(await kassa.invoke('cashier', 'sale:new', {}));
    value(await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }));
    value(await kassa.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'cash' }));
    const receipt = await until(
      async () => value<ReceiptView>(await kassa.invoke('cashier', 'receipt:get', { saleId: sale.sale.id })),
      (r) => r.state === 'issued',
    );
    await until(
      () => Promise.resolve(system.printed.length),
      (n) => n === 1,
    );
    expect(system.printed.map((p) => [p.deviceName, p.document.title])).toEqual([
      ['EPSON_TM_T20', 'receipt #1'],
    ]);
    expect(system.printed[0]?.document.lines).toContainEqual({ kind: 'qr', data: receipt.printable?.qrData });
    const drawer = await kassa.invoke('operator', 'printer:open-drawer', { reason: 'count' });
    expect(drawer.ok ? 'opened' : drawer.error.params).toEqual({ device: 'printer', reason: 'no-drawer' });
  });
});
