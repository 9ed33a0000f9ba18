import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../shared/channels/sale';
import { useKeys } from '../cashier/keys';
import { PrintableReceipt } from '../print/PrintableReceipt';
import { useReceiptStore } from '../stores/receipt';
import { useSaleStore } from '../stores/sale';
import { usePrinterStore } from '../stores/printer';
import { usePrinterConfigured, useSettingsStore } from '../stores/settings';
import { BuyerPanel } from './BuyerPanel';
import { PaidBanner } from './PaidBanner';
import { ReceiptResolvePanel } from './ReceiptResolvePanel';

/** After a Mongolian sale is paid: the eBarimt receipt's state, lottery and QR, print, retry, new sale. */
export function ReceiptScreen({ view, active }: { view: SaleView; active: boolean }) {
  const { t, i18n } = useTranslation();
  const receipt = useReceiptStore((s) => s.view);
  const busy = useReceiptStore((s) => s.busy);
  const printing = useReceiptStore((s) => s.printing);
  const storeName = useSettingsStore((s) => s.saved?.store.name ?? '');
  // With a receipt printer set up, printing goes to it (PaidBanner's "Print receipt"); else the browser's view.
  const printer = usePrinterConfigured();
  const store = useReceiptStore.getState;
  const newSale = useRef<HTMLButtonElement>(null);
  const saleId = view.sale.id;

  useEffect(() => {
    void store().follow(saleId);
  }, [store, saleId]);

  const state = receipt?.state ?? 'pending';
  useEffect(() => {
    if (active && printing === null) {
      newSale.current?.focus();
    }
  }, [active, printing, state]);

  useKeys(
    {
      'Ctrl+p': () => {
        if (printer) {
          void usePrinterStore.getState().printReceipt(saleId);
        } else if (receipt?.printable) {
          store().openPrint('80');
        }
      },
    },
    active && printing === null,
  );

  const lang = i18n.language === 'en' ? 'en' : 'mn';
  return (
    <section className="receipt" data-testid="receipt-screen" data-state={state}>
      <PaidBanner view={view} />
      <div className="receipt-body">
        <div className="receipt-status">
          <h2 className="section-title">{t('receipt.title')}</h2>
          <p className={`pill pill-receipt-${state}`} data-testid="receipt-state">
            {t(`receipt.states.${state}`)}
          </p>
          {receipt?.error && (
            <p className="inline-error" role="alert" data-testid="receipt-failure">
              {receipt.error.message[lang]} <code className="error-code">{receipt.error.code}</code>
            </p>
          )}
          {receipt && receipt.buyerMasked !== null && (
            <p>
              {t('receipt.buyer')}:{' '}
              <strong data-testid="receipt-buyer">
                {receipt.buyerName ?? t('approval.saleBuyer.customer', { code: receipt.buyerMasked })}
              </strong>{' '}
              <span className="muted">{receipt.buyerMasked}</span>
            </p>
          )}
          {receipt?.organizationTin && (
            <p>
              {t('receipt.organization')}:{' '}
              <strong data-testid="receipt-organization">{receipt.organizationTin}</strong>
              {receipt.buyerName !== null && <> · {receipt.buyerName}</>}
            </p>
          )}
          {receipt && state === 'issued' && (
            <dl className="receipt-totals">
              <dt>{t('sale.total')}</dt>
              <dd data-testid="receipt-total">{receipt.totalText}</dd>
              <dt>{t('sale.vat')}</dt>
              <dd data-testid="receipt-vat">{receipt.vatText}</dd>
              <dt>{t('sale.cityTax')}</dt>
              <dd>{receipt.cityTaxText}</dd>
              {receipt.printable && receipt.printable.lottery !== '' && (
                <>
                  <dt>{t('receipt.lottery')}</dt>
                  <dd className="lottery" data-testid="receipt-lottery">
                    {receipt.printable.lottery}
                  </dd>
                </>
              )}
            </dl>
          )}
          {state === 'issued' && receipt?.printable === null && (
            <p className="muted" data-testid="receipt-no-printable">
              {t('receipt.noPrintable')}
            </p>
          )}
          {receipt?.correctsReceiptId && (
            <p className="muted" data-testid="receipt-corrects">
              {t('receipt.corrects', { id: receipt.correctsReceiptId })}
            </p>
          )}
          {receipt?.resolution && (
            <p className="muted" data-testid="receipt-resolution">
              {t('receipt.resolvedBy', {
                by: receipt.resolution.by,
                reason: receipt.resolution.reason ?? receipt.resolution.action,
              })}
            </p>
          )}
          {(state === 'pending' || state === 'failed') && <BuyerPanel saleId={saleId} />}
          {state === 'unconfirmed' && <ReceiptResolvePanel />}
          <div className="dialog-actions">
            {(state === 'failed' || state === 'unconfirmed') && (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                data-testid="receipt-retry"
                onClick={() => void store().issue()}
              >
                {t('receipt.retry')}
              </button>
            )}
            {receipt?.printable && !printer && (
              <>
                <button
                  type="button"
                  className="button"
                  data-testid="receipt-print-80"
                  onClick={() => {
                    store().openPrint('80');
                  }}
                >
                  {t('receipt.print80')}
                </button>
                <button
                  type="button"
                  className="button"
                  data-testid="receipt-print-58"
                  onClick={() => {
                    store().openPrint('58');
                  }}
                >
                  {t('receipt.print58')}
                </button>
              </>
            )}
            <button
              ref={newSale}
              type="button"
              className="button button-primary big-button"
              data-testid="new-sale"
              onClick={() => void useSaleStore.getState().newSale()}
            >
              {t('payment.newSale')} <kbd>Enter</kbd>
            </button>
          </div>
        </div>
        {receipt?.printable && (
          <div className="receipt-qr" data-testid="receipt-qr">
            <QRCodeSVG value={receipt.printable.qrData} size={240} level="M" marginSize={4} />
          </div>
        )}
      </div>
      {printing !== null && receipt && (
        <div className="print-overlay" data-testid="print-preview">
          <div className="print-toolbar no-print">
            <button
              type="button"
              className="button button-primary"
              data-testid="print-now"
              onClick={() => {
                window.print();
              }}
            >
              {t('receipt.printNow')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="print-close"
              onClick={() => {
                store().closePrint();
              }}
            >
              {t('common.close')}
            </button>
          </div>
          <PrintableReceipt sale={view} receipt={receipt} paper={printing} storeName={storeName} />
        </div>
      )}
    </section>
  );
}
