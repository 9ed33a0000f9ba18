/**
 * Test-only: a sandbox till (testing/till.ts) whose receipt printer is a fake ESC/POS printer on 127.0.0.1, and
 * the sale the printer tests make. `closePrinterTills()` in afterEach closes both.
 */
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { FakeNetworkPrinter } from '../devices/printer/testing/fake-network-printer';
import { printedJobs, type PrintedStream } from '../devices/printer/testing/printed-jobs';
import { closeTills, openTestTill, value, type TestTill } from './till';

const printers: FakeNetworkPrinter[] = [];

export async function closePrinterTills(): Promise<void> {
  await closeTills();
  for (const printer of printers.splice(0)) {
    await printer.close();
  }
}

export async function startFakePrinter(): Promise<FakeNetworkPrinter> {
  const printer = await FakeNetworkPrinter.start();
  printers.push(printer);
  return printer;
}

/** The settings with the store's TIN and address and the printer on `port`, plus `patch`. */
export function printerSettings(settings: Settings, port: number, patch: Partial<Settings> = {}): Settings {
  return {
    ...settings,
    store: { ...settings.store, tin: '1234567', address: 'Peace Avenue 1' },
    printer: { ...settings.printer, connection: { kind: 'tcp', host: '127.0.0.1', port } },
    ...patch,
  };
}

export async function tillWithPrinter(
  patch: Partial<Settings> = {},
): Promise<{ till: TestTill; printer: FakeNetworkPrinter }> {
  const printer = await startFakePrinter();
  const till = openTestTill();
  value(
    await till.kassa.invoke('operator', 'settings:set', {
      settings: printerSettings(till.settings.get(), printer.port, patch),
    }),
  );
  return { till, printer };
}

/** One line of the demo catalog, paid in cash (500 over the total handed over) or by SocialPay QR. */
export async function paidSale(
  till: TestTill,
  method: 'cash' | 'socialpay.qr',
  code = '8650001000015',
): Promise<{ sale: SaleView; payment: Payment }> {
  const { kassa } = till;
  value(await kassa.invoke('cashier', 'sale:new', {}));
  const sale = value<SaleView>(await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code }));
  const payment = value<Payment>(
    await kassa.invoke('cashier', 'payment:start', {
      saleId: sale.sale.id,
      method,
      ...(method === 'cash' ? { tendered: sale.sale.totals.total + 500 } : {}),
    }),
  );
  if (method !== 'cash') {
    value(await kassa.invoke('cashier', 'sandbox:customer-pay', { paymentId: payment.id }));
  }
  return { sale, payment };
}

/** What the fake printer put on paper so far (cp866 unless said). */
export function paper(printer: FakeNetworkPrinter, page: 'cp866' | 'wpc1251' = 'cp866'): PrintedStream {
  return printedJobs(printer.printedBytes(), page);
}
