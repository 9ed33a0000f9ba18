/**
 * Issue 15 in the core: a paid sale prints its receipt on the printer the settings name (a fake ESC/POS printer
 * on 127.0.0.1), with the eBarimt id, lottery and QR; cash opens the drawer; paper out holds the receipt and it
 * prints once the paper is back; a manager's "open drawer" is journaled; a refund prints its slip; a restart
 * never reprints. Every check reads what the printer received, decoded as the paper would show it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../shared/channels/printer';
import type { ReceiptView } from '../../shared/channels/receipt';
import { openJournal } from '../storage/journal';
import { openTestTill, until, value, type TestTill } from '../testing/till';
import { closePrinterTills, paidSale, paper, tillWithPrinter } from '../testing/printer-till';

afterEach(closePrinterTills);

const receiptOf = async (till: TestTill, saleId: string): Promise<ReceiptView> =>
  value<ReceiptView>(await till.kassa.invoke('cashier', 'receipt:get', { saleId }));

describe('receipt printer in the till', () => {
  it('prints the eBarimt receipt once issued: TIN, total, lottery, and the QR of the receipt’s qrData', async () => {
    const { till, printer } = await tillWithPrinter();
    const { sale } = await paidSale(till, 'socialpay.qr');
    const receipt = await until(
      () => receiptOf(till, sale.sale.id),
      (r) => r.state === 'issued',
    );
    await printer.waitFor((p) => paper(p).jobs.some((j) => j.qr.length > 0));
    const { jobs, drawerKicks } = paper(printer);
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    const text = job?.lines.join('\n') ?? '';
    expect(text).toContain('1234567');
    expect(text).toContain(receipt.printable?.lottery ?? 'no lottery');
    expect(text).toContain(receipt.receiptId ?? 'no id');
    expect(job?.qr).toEqual([receipt.printable?.qrData]);
    // No cash, no drawer.
    expect(drawerKicks).toEqual([]);
    // The receipt's secrets are on paper only: never in a log line.
    expect(till.lines.join('\n')).not.toContain(receipt.printable?.qrData ?? 'no qr');
  });

  it('opens the drawer on a cash payment and prints the change', async () => {
    const { till, printer } = await tillWithPrinter();
    const { sale } = await paidSale(till, 'cash');
    await printer.waitFor((p) => paper(p).jobs.some((j) => j.qr.length > 0));
    const { jobs, drawerKicks } = paper(printer);
    expect(drawerKicks).toEqual([{ pin: 2 }]);
    expect(jobs).toHaveLength(1);
    // 500 ₮ over the total was handed over: the change line says so.
    expect(jobs[0]?.lines.filter((l) => l.startsWith('Хариулт')).map((l) => l.split(/ +/).at(-1))).toEqual([
      '500',
    ]);
    expect(jobs[0]?.lines.join('\n')).toContain(`Борлуулалт${' '.repeat(37)}${sale.sale.number}`);
  });

  it('holds the receipt while the paper is out, says so, and prints it once when the paper is back', async () => {
    const { till, printer } = await tillWithPrinter();
    printer.setState({ paperOut: true });
    const statuses: PrinterStatus[] = [];
    till.kassa.on('printer:status', (s) => statuses.push(s));
    await paidSale(till, 'cash');
    await until(
      () => Promise.resolve(statuses.at(-1)),
      (s) => s?.state === 'paper-out' && s.waiting.some((w) => w.label.startsWith('receipt')),
    );
    const held = value<PrinterStatus>(await till.kassa.invoke('cashier', 'printer:status', {}));
    expect(held.state).toBe('paper-out');
    expect(paper(printer).jobs).toEqual([]);

    printer.setState({ paperOut: false });
    await printer.waitFor((p) => paper(p).jobs.some((j) => j.qr.length > 0), 8000);
    await until(
      async () => value<PrinterStatus>(await till.kassa.invoke('cashier', 'printer:status', {})),
      (s) => s.waiting.length === 0,
    );
    expect(paper(printer).jobs).toHaveLength(1);
  });

  it('a manager’s open drawer is journaled with who and why; a cashier may not', async () => {
    const { till, printer } = await tillWithPrinter();
    const refused = await till.kassa.invoke('cashier', 'printer:open-drawer', { reason: 'change' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    const empty = await till.kassa.invoke('operator', 'printer:open-drawer', { reason: '  ' });
    expect(empty.ok ? 'ok' : empty.error.code).toBe('validation');
    value(await till.kassa.invoke('operator', 'printer:open-drawer', { reason: 'coins for the next till' }));
    await printer.waitFor((p) => paper(p).drawerKicks.length === 1);
    await till.kassa.close();
    const journal = openJournal({ dataDir: till.dataDir, logger: till.logger });
    const drawer = journal
      .scan()
      .map((e) => e.event)
      .filter((e) => e.type === 'drawer');
    await journal.close();
    expect(drawer).toEqual([{ type: 'drawer', by: 'operator', reason: 'coins for the next till' }]);
  });

  it('without a printer: printing is refused with a reason, selling goes on', async () => {
    const till = openTestTill();
    const { sale } = await paidSale(till, 'cash');
    const status = value<PrinterStatus>(await till.kassa.invoke('cashier', 'printer:status', {}));
    expect(status.state).toBe('off');
    const refused = await till.kassa.invoke('cashier', 'printer:print-receipt', { saleId: sale.sale.id });
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({
      code: 'device.unavailable',
      params: { reason: 'not-configured' },
    });
  });
});

describe('kassa doctor and the printer', () => {
  it('says what the printer answers, and that it does not once it is gone', async () => {
    const { till, printer } = await tillWithPrinter();
    const lines = async () =>
      value<{ provider: string; ok: boolean; detail: string }[]>(
        await till.kassa.invoke('operator', 'app:doctor', {}),
      ).filter((l) => l.provider === 'printer');
    const ready = await lines();
    expect(ready.map((l) => l.ok)).toEqual([true]);
    expect(ready[0]?.detail).toMatch(new RegExp(`^tcp 127\\.0\\.0\\.1:${printer.port}: ready; found `));
    await printer.close();
    const gone = await lines();
    expect(gone.map((l) => l.ok)).toEqual([false]);
    expect(gone[0]?.detail).toMatch(/: unreachable; found /);
  });
});
