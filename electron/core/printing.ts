/**
 * The receipt printer in the till (docs/printing.md, "In the till"): the printer service over the driver the
 * settings name, what prints by itself (receipt-printing.ts) and the printer:* channels. Built by createKassa.
 */
import type { PrinterList } from '../../shared/channels/printer';
import type { DoctorLine } from '../providers/context';
import type { Settings } from '../../shared/settings';
import { createPrinterTransport } from '../devices/printer/connection';
import type { PrinterDriver, SystemPrinters } from '../devices/printer/driver';
import { EscPosDriver } from '../devices/printer/escpos-driver';
import type { PrinterProfile } from '../devices/printer/escpos/profile';
import { PrinterService, type PrinterConnectionOf } from '../devices/printer/printer-service';
import { SystemPrinterDriver } from '../devices/printer/system/system-driver';
import type { PrinterTransport } from '../devices/printer/transports/transport';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { EventBus } from '../kernel/events';
import type { CallContext, HandlerMap } from '../kernel/handlers';
import { createRealScheduler } from '../kernel/scheduler';
import type { Logger } from '../log/logger';
import type { ReceiptService } from '../receipts/receipt-service';
import type { SaleService } from '../sales/service';
import type { Journal } from '../storage/journal';
import { createPrinterHandlers } from './printer-handlers';
import { ReceiptPrinting } from './receipt-printing';

/** With nothing to print, the printer is asked this often, so "paper out" shows before the next receipt. */
const IDLE_POLL_MS = 15_000;

export interface PrintingDeps {
  settings: () => Settings;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  journal: Journal;
  sales: SaleService;
  receipts: ReceiptService;
  whoIs: (ctx: CallContext) => string;
  /** The operating system's printers (Electron host only). */
  systemPrinters?: SystemPrinters | undefined;
  /** A transport override for an ESC/POS connection (tests); by default TCP, serial or USB. */
  printerTransport?: ((connection: PrinterConnectionOf) => PrinterTransport) | undefined;
  list: () => Promise<PrinterList>;
}

export interface Printing {
  readonly printer: PrinterService;
  readonly printing: ReceiptPrinting;
  readonly handlers: HandlerMap<'printer'>;
  /** `kassa doctor`'s printer line: the printer the settings name and what it answers, and what is plugged in. */
  doctor(): Promise<DoctorLine[]>;
  close(): Promise<void>;
}

export function createPrinting(deps: PrintingDeps): Printing {
  const log = deps.logger.child({ component: 'printer' });
  const scheduler = createRealScheduler((error) => {
    log.warn({ err: error }, 'printer: a scheduled retry failed');
  });
  const driver = (connection: PrinterConnectionOf, profile: PrinterProfile): PrinterDriver => {
    if (connection.kind === 'system') {
      if (!deps.systemPrinters) {
        throw new KassaError('device.unavailable', 'System printers are reached only from the Kassa app.', {
          params: { device: 'printer', reason: 'not-configured' },
        });
      }
      return new SystemPrinterDriver({
        printers: deps.systemPrinters,
        deviceName: connection.deviceName,
        paperWidth: profile.paperWidth,
        scheduler,
        logger: log,
      });
    }
    return new EscPosDriver({
      transport: deps.printerTransport?.(connection) ?? createPrinterTransport(connection),
      profile,
      scheduler,
      clock: deps.clock,
      logger: log,
      idlePollMs: IDLE_POLL_MS,
    });
  };
  const printer = new PrinterService({
    settings: () => deps.settings().printer,
    driver,
    logger: log,
    emit: (status) => {
      deps.events.emit('printer:status', status);
    },
  });
  const printing = new ReceiptPrinting({
    printer,
    settings: deps.settings,
    sale: (saleId) => deps.sales.get(saleId),
    view: (sale) => deps.sales.view(sale),
    receipt: (saleId) => deps.receipts.get(saleId),
    logger: log,
    activeSales: deps.journal.listActiveSales(),
  });
  return {
    printer,
    printing,
    handlers: createPrinterHandlers({
      printer,
      printing,
      journal: deps.journal,
      clock: deps.clock,
      settings: deps.settings,
      list: deps.list,
      whoIs: deps.whoIs,
    }),
    doctor: async () => {
      const [list, status] = await Promise.all([
        deps.list(),
        printer.configured ? printer.refresh() : undefined,
      ]);
      const found =
        `found ${list.usb.printers.length} USB printer(s)` +
        (list.usb.available ? '' : ' (USB cannot be read: is libusb-1.0-0 installed?)') +
        `, ${list.serial.length} serial port(s), ${list.system.length} system printer(s)`;
      if (status === undefined) {
        return [
          {
            provider: 'printer',
            ok: true,
            detail: `no receipt printer set up (browser print view); ${found}`,
          },
        ];
      }
      const paper = status.paperLow ? ', paper nearly out' : '';
      return [
        {
          provider: 'printer',
          ok: status.state === 'ready',
          detail: `${status.label ?? 'printer'}: ${status.state}${paper}; ${found}`,
        },
      ];
    },
    close: () => printer.close(),
  };
}
