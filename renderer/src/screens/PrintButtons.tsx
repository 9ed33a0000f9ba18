import { useTranslation } from 'react-i18next';
import { usePrinterStore } from '../stores/printer';

/**
 * "Print receipt": the sale's receipt (again) on the receipt printer, built by main (printer:print-receipt).
 * Shown only where a printer is set up; without one the receipt screen keeps the browser's print view.
 */
export function PrintReceiptButton({ saleId, testId }: { saleId: string; testId: string }) {
  const { t } = useTranslation();
  const busy = usePrinterStore((s) => s.busy);
  const sent = usePrinterStore((s) => s.lastSent?.kind === 'receipt' && s.lastSent.saleId === saleId);
  return (
    <span className="print-action">
      <button
        type="button"
        className="button"
        data-testid={testId}
        disabled={busy}
        onClick={() => void usePrinterStore.getState().printReceipt(saleId)}
      >
        {t('printer.printReceipt')}
      </button>
      {sent && (
        <span className="muted" role="status" data-testid={`${testId}-sent`}>
          {t('printer.sent')}
        </span>
      )}
    </span>
  );
}

/** "Print X report": today's X report on the receipt printer (printer:print-report). */
export function PrintReportButton({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const busy = usePrinterStore((s) => s.busy);
  const sent = usePrinterStore((s) => s.lastSent?.kind === 'report');
  return (
    <span className="print-action">
      <button
        type="button"
        className="button button-small"
        data-testid={testId}
        disabled={busy}
        onClick={() => void usePrinterStore.getState().printReport()}
      >
        {t('printer.printReport')}
      </button>
      {sent && (
        <span className="muted" role="status" data-testid={`${testId}-sent`}>
          {t('printer.sent')}
        </span>
      )}
    </span>
  );
}
