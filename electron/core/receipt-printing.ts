/**
 * What the till prints by itself and on request (docs/printing.md, "In the till"):
 *  - a paid sale's receipt once, when it becomes paid — or, when it gets an eBarimt receipt, once that receipt is
 *    issued, with its QR and lottery (a corrected receipt after a partial refund is a new receipt and prints too);
 *  - a refund slip when a refund is confirmed, and the drawer kick for cash taken or given back;
 *  - a copy on request (printer:print-receipt), the X report (printer:print-report).
 * Only transitions seen by this run print: a restart never reprints yesterday's receipts. What was printed is
 * remembered in memory only (receipt ids and sale ids, never qrData).
 */
import type { ReceiptView } from '../../shared/channels/receipt';
import type { SaleView } from '../../shared/channels/sale';
import { CAPTURED_PAYMENT_STATES, type Payment, type Sale, type SaleStatus } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import {
  refundSlipLines,
  saleReceiptLines,
  type EbarimtBlock,
  type SaleReceipt,
} from '../devices/printer/documents';
import type { PrinterService } from '../devices/printer/printer-service';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import { refundSlipOf, saleReceiptOf } from './printed-documents';

export interface ReceiptPrintingDeps {
  printer: PrinterService;
  settings(): Settings;
  sale(saleId: string): Sale;
  view(sale: Sale): SaleView;
  /** The receipt screen's view: the eBarimt id and, while this run holds them, qrData and lottery. */
  receipt(saleId: string): ReceiptView;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Sales open, held or paying when the till started: their move to paid prints. */
  activeSales: readonly Sale[];
}

export class ReceiptPrinting {
  readonly #deps: ReceiptPrintingDeps;
  /** The last status seen of each sale this run (seeded with the active ones). */
  readonly #statuses = new Map<string, SaleStatus>();
  readonly #printedSales = new Set<string>();
  readonly #printedReceipts = new Set<string>();
  readonly #kickedPayments = new Set<string>();
  /** Refunds seen in `refunding`: their confirmation prints a slip. */
  readonly #refunding = new Set<string>();

  constructor(deps: ReceiptPrintingDeps) {
    this.#deps = deps;
    for (const sale of deps.activeSales) {
      this.#statuses.set(sale.id, sale.status);
    }
  }

  onSale(view: SaleView): void {
    const { sale } = view;
    const before = this.#statuses.get(sale.id);
    this.#statuses.set(sale.id, sale.status);
    if (sale.status !== 'paid' || before === undefined || before === 'paid') {
      return;
    }
    // A sale with an eBarimt receipt prints when the receipt is issued (onReceipt), with its QR.
    if (this.#receiptNeeded(sale.id)) {
      return;
    }
    this.#auto(() => {
      this.#printSale(view, undefined);
    });
  }

  onReceipt(receipt: ReceiptView): void {
    const printable = receipt.printable;
    if (receipt.state !== 'issued' || printable === null || receipt.receiptId === null) {
      return;
    }
    if (this.#printedReceipts.has(receipt.receiptId)) {
      return;
    }
    this.#printedReceipts.add(receipt.receiptId);
    const view = this.#deps.view(this.#deps.sale(receipt.saleId));
    this.#auto(() => {
      this.#printSale(view, ebarimtOf(receipt, printable));
    });
  }

  onPayment(payment: Payment): void {
    if (payment.method === 'cash' && payment.state === 'paid' && !this.#kickedPayments.has(payment.id)) {
      this.#kickedPayments.add(payment.id);
      this.#deps.printer.kickForCash();
    }
    for (const refund of payment.refunds) {
      if (refund.state === 'refunding') {
        this.#refunding.add(refund.id);
      } else if (refund.state === 'refunded' && this.#refunding.delete(refund.id)) {
        if (payment.method === 'cash') {
          this.#deps.printer.kickForCash();
        }
        this.#auto(() => {
          const view = this.#deps.view(this.#deps.sale(payment.saleId));
          const slip = refundSlipOf({
            view,
            payment,
            refund,
            settings: this.#deps.settings(),
            ebarimtReceiptId: this.#deps.receipt(payment.saleId).receiptId ?? undefined,
          });
          this.#deps.printer.print({
            label: `refund slip #${view.sale.number}`,
            lines: refundSlipLines(slip),
            saleId: view.sale.id,
          });
        });
      }
    }
  }

  /** printer:print-receipt — a paid sale's receipt again (marked as a reprint when this run printed it). */
  printReceipt(saleId: string): void {
    const sale = this.#deps.sale(saleId);
    if (sale.status !== 'paid') {
      throw new KassaError('state.conflict', 'Only a paid sale has a receipt to print.', {
        params: { reason: 'not-paid' },
      });
    }
    const receipt = this.#deps.receipt(saleId);
    const ebarimt =
      receipt.printable !== null && receipt.receiptId !== null
        ? ebarimtOf(receipt, receipt.printable)
        : undefined;
    const again = this.#printedSales.has(saleId);
    this.#printSale(this.#deps.view(sale), ebarimt, again ? 'reprint' : undefined);
  }

  #printSale(view: SaleView, ebarimt: EbarimtBlock | undefined, copy?: SaleReceipt['copy']): void {
    // When the last payment was taken (its start; a refund later changes updatedAt, not this), so a copy
    // printed after a refund still shows the sale's time.
    const paidAt = Math.max(
      view.sale.createdAt,
      ...view.payments.filter((p) => CAPTURED_PAYMENT_STATES.includes(p.state)).map((p) => p.createdAt),
    );
    const receipt = saleReceiptOf({ view, settings: this.#deps.settings(), at: paidAt, ebarimt, copy });
    this.#deps.printer.print({
      label: `receipt #${view.sale.number}`,
      lines: saleReceiptLines(receipt),
      saleId: view.sale.id,
    });
    this.#printedSales.add(view.sale.id);
  }

  #receiptNeeded(saleId: string): boolean {
    return this.#deps.receipt(saleId).state !== 'not-needed';
  }

  /** Automatic printing: only with a printer set up and auto print on; never fails the command that caused it. */
  #auto(print: () => void): void {
    if (!this.#deps.printer.configured || !this.#deps.settings().printer.autoPrint) {
      return;
    }
    try {
      print();
    } catch (error) {
      this.#deps.logger.warn({ err: error }, 'printer: automatic print failed');
    }
  }
}

function ebarimtOf(receipt: ReceiptView, printable: NonNullable<ReceiptView['printable']>): EbarimtBlock {
  return {
    receiptId: receipt.receiptId ?? '',
    // A receipt to a business has no lottery (PosAPI answers an empty one).
    ...(printable.lottery === '' ? {} : { lottery: printable.lottery }),
    qrData: printable.qrData,
  };
}
