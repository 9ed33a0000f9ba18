import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../shared/channels/sale';
import { usePrinterConfigured } from '../stores/settings';
import { fmt } from './format';
import { PrintReceiptButton } from './PrintButtons';

/** The sale is paid: the total, the change to hand back, and "Print receipt" when a receipt printer is set up. */
export function PaidBanner({ view }: { view: SaleView }) {
  const { t } = useTranslation();
  const printer = usePrinterConfigured();
  const currency = view.sale.currency;
  return (
    <div className="paid-banner" role="status" data-testid="sale-paid">
      <strong className="paid-title">{t('payment.paidTitle')}</strong>
      <span className="num">{fmt(view.sale.totals.total, currency)}</span>
      {view.change > 0 && (
        <span className="change">
          {t('payment.changeDue')}: <strong data-testid="sale-change">{fmt(view.change, currency)}</strong>
        </span>
      )}
      {printer && <PrintReceiptButton saleId={view.sale.id} testId="print-receipt" />}
    </div>
  );
}
