/**
 * The printer:* channels (shared/channels/printer.ts): the printer's state, a receipt copy, the X report, a
 * manager's "open drawer" (journaled with who and why before the drawer opens), the settings screen's test page
 * and list of printers.
 */
import type { PrinterList } from '../../shared/channels/printer';
import { storeTimeZone, type Settings } from '../../shared/settings';
import { shiftReportLines } from '../devices/printer/documents';
import { testPageLines } from '../devices/printer/documents/test-page';
import type { PrinterService } from '../devices/printer/printer-service';
import type { Clock } from '../kernel/clock';
import type { CallContext, HandlerMap } from '../kernel/handlers';
import { readReport } from '../sales/journal-handlers';
import type { Journal } from '../storage/journal';
import { sellerOf, xReportOf } from './printed-documents';
import type { ReceiptPrinting } from './receipt-printing';

export interface PrinterHandlerDeps {
  printer: PrinterService;
  printing: ReceiptPrinting;
  journal: Journal;
  clock: Clock;
  settings(): Settings;
  list(): Promise<PrinterList>;
  /** The signed-in manager's name (the operator for the CLI), for the journal. */
  whoIs(ctx: CallContext): string;
}

export function createPrinterHandlers(deps: PrinterHandlerDeps): HandlerMap<'printer'> {
  const { printer } = deps;
  return {
    'printer:status': () => Promise.resolve(printer.status()),
    'printer:print-receipt': ({ saleId }) => {
      deps.printing.printReceipt(saleId);
      return Promise.resolve(printer.status());
    },
    'printer:print-report': (input) => {
      const now = deps.clock.now();
      const report = xReportOf(readReport(deps, input), deps.settings(), now);
      printer.print({ label: 'X report', lines: shiftReportLines(report) });
      return Promise.resolve(printer.status());
    },
    'printer:open-drawer': async ({ reason }, ctx) => {
      await printer.openDrawer(async () => {
        await deps.journal.commit({
          at: deps.clock.now(),
          events: [{ type: 'drawer', by: deps.whoIs(ctx), reason }],
        });
      });
      return printer.status();
    },
    'printer:test': (input) => {
      const settings = deps.settings();
      const profile = input.profile ?? settings.printer.profile;
      return printer.test(input.connection ?? settings.printer.connection, profile, (printerLabel) =>
        testPageLines({
          seller: sellerOf(settings),
          time: { at: deps.clock.now(), timeZone: storeTimeZone(settings) },
          profile,
          printerLabel,
        }),
      );
    },
    'printer:list': () => deps.list(),
  };
}
