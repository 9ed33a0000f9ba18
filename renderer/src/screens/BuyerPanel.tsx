import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReceiptStore } from '../stores/receipt';
import { errorText } from './error-text';

/**
 * Who the eBarimt receipt is for (Mongolia), until it is issued: regNo, phone or 8-digit customer code →
 * Easy Register lookup → name (or "Customer 10****71" when ITC gives none) and masked code; a company register
 * number or TIN → the organisation's name and TIN (B2B); or nobody (B2C, lottery receipt).
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

  const identified =
    view !== null && (view.buyerMasked !== null || view.buyerName !== null || view.organizationTin !== null);
  const organization = view?.organizationTin ?? null;
  // ITC gives no name for a phone or code lookup: the masked code stands in ("Customer 10****71").
  const shownName =
    view?.buyerName ??
    (view?.buyerMasked ? t('approval.saleBuyer.customer', { code: view.buyerMasked }) : '');
  const reason = lastError?.params?.reason;
  return (
    <section className="buyer-panel" data-testid="buyer-panel" data-identified={identified}>
      <h3>{t('receipt.buyerTitle')}</h3>
      {identified ? (
        <p data-kind={organization === null ? 'person' : 'organization'}>
          <strong data-testid="buyer-name">{shownName}</strong>{' '}
          <span className="muted" data-testid="buyer-masked">
            {organization === null
              ? (view.buyerMasked ?? '')
              : t('approval.saleBuyer.organizationTin', { tin: organization })}
          </span>{' '}
          {organization !== null && <span className="muted">{t('approval.saleBuyer.b2b')}</span>}{' '}
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
            placeholder={t('approval.saleBuyer.placeholder')}
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
          {typeof reason === 'string'
            ? t(`approval.saleBuyer.errors.${reason}`, { defaultValue: errorText(t, lastError) })
            : errorText(t, lastError)}
        </p>
      )}
    </section>
  );
}
