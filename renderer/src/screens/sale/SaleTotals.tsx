import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../../../shared/money';
import { useAppStore } from '../../stores/app';
import { useSaleStore } from '../../stores/sale';
import { useSettingsStore } from '../../stores/settings';
import { fmt } from '../format';
import { SandboxScannerPanel } from '../SandboxScannerPanel';
import { discountText } from './discount';

/** The sale's money (computed in main), Pay, hold / recall / void, and in the sandbox its virtual scanner. */
export const SaleTotals = memo(function SaleTotals({
  currency,
  onRecall,
  onVoid,
}: {
  currency: CurrencyCode;
  onRecall: () => void;
  onVoid: () => void;
}) {
  const { t } = useTranslation();
  const sale = useSaleStore((s) => s.view?.sale);
  const busy = useSaleStore((s) => s.busy);
  const savedProfile = useSettingsStore((s) => s.saved?.profile);
  const startProfile = useAppStore((s) => s.info?.profile);
  const sandbox = (savedProfile ?? startProfile) === 'sandbox';
  const store = useSaleStore.getState;
  const totals = sale?.totals;
  const lineCount = sale?.lines.length ?? 0;
  const discounts = (totals?.lineDiscounts ?? 0) + (totals?.saleDiscount ?? 0);
  return (
    <aside className="totals" data-testid="totals">
      <dl>
        <dt>{t('sale.subtotal')}</dt>
        <dd data-testid="totals-subtotal">{fmt(totals?.subtotal ?? 0, currency)}</dd>
        <dt>{t('sale.discount')}</dt>
        <dd data-testid="totals-discount">
          {discounts > 0 ? '−' : ''}
          {fmt(discounts, currency)}
        </dd>
        {currency === 'MNT' && (
          <>
            <dt>{t('sale.vat')}</dt>
            <dd data-testid="totals-vat">{fmt(totals?.vat ?? 0, currency)}</dd>
            <dt>{t('sale.cityTax')}</dt>
            <dd data-testid="totals-city-tax">{fmt(totals?.cityTax ?? 0, currency)}</dd>
          </>
        )}
        {sale?.discount && (
          <>
            <dt>{t('sale.saleDiscount')}</dt>
            <dd data-testid="totals-sale-discount">{discountText(sale.discount, currency)}</dd>
          </>
        )}
      </dl>
      <div className="grand-total">
        <span>{t('sale.total')}</span>
        <strong data-testid="total-amount">{fmt(totals?.total ?? 0, currency)}</strong>
      </div>
      <button
        type="button"
        className="button button-primary pay-button"
        disabled={lineCount === 0 || busy}
        data-testid="pay-button"
        onClick={() => {
          store().goTo('payment');
        }}
      >
        {t('sale.pay')} <kbd>F12</kbd>
      </button>
      <div className="sale-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="action-hold"
          disabled={lineCount === 0}
          onClick={() => void store().hold()}
        >
          {t('sale.shortcuts.hold')} <kbd>F8</kbd>
        </button>
        <button type="button" className="button button-small" data-testid="action-recall" onClick={onRecall}>
          {t('sale.shortcuts.recall')} <kbd>F9</kbd>
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="action-void"
          disabled={!sale}
          onClick={onVoid}
        >
          {t('sale.shortcuts.void')} <kbd>F7</kbd>
        </button>
      </div>
      {sandbox && <SandboxScannerPanel />}
    </aside>
  );
});
