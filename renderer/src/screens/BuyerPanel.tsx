import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReceiptStore } from '../stores/receipt';

/**
 * Who the eBarimt receipt is for (Mongolia), before it is issued: regNo, phone or 8-digit customer code →
 * Easy Register lookup → name and masked code; or nobody (B2C, lottery receipt).
 */
export function BuyerPanel({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const view = useReceiptStore((s) => s.view);
  const query = useReceiptStore((s) => s.query);
  const busy = useReceiptStore((s) => s.busy);
  const lastError = useReceiptStore((s) => s.lastError);
  const store = useReceiptStore.getState;

  useEffect(() => {
    void store().follow(saleId);
  }, [store, saleId]);

  const identified = view !== null && (view.buyerMasked !== null || view.buyerName !== null);
  return (
    <section className="buyer-panel" data-testid="buyer-panel" data-identified={identified}>
      <h3>{t('receipt.buyerTitle')}</h3>
      {identified ? (
        <p>
          <strong data-testid="buyer-name">{view.buyerName ?? ''}</strong>{' '}
          <span className="muted" data-testid="buyer-masked">
            {view.buyerMasked ?? ''}
          </span>{' '}
          <button
            type="button"
            className="button button-small"
            data-testid="buyer-clear"
            disabled={busy}
            onClick={() => void store().clearBuyer()}
          >
            {t('receipt.buyerClear')}
          </button>
        </p>
      ) : (
        <form
          className="buyer-form"
          onSubmit={(event) => {
            event.preventDefault();
            void store().identify();
          }}
        >
          <input
            type="text"
            value={query}
            placeholder={t('receipt.buyerPlaceholder')}
            data-testid="buyer-query"
            onChange={(event) => {
              store().setQuery(event.target.value);
            }}
          />
          <button
            type="submit"
            className="button button-small"
            data-testid="buyer-identify"
            disabled={busy || query.trim() === ''}
          >
            {t('receipt.buyerIdentify')}
          </button>
          <span className="muted">{t('receipt.buyerB2c')}</span>
        </form>
      )}
      {lastError && (
        <p className="inline-error" role="alert" data-testid="receipt-error" data-code={lastError.code}>
          {lastError.message}
        </p>
      )}
    </section>
  );
}
