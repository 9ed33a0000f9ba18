import { useTranslation } from 'react-i18next';
import type { ScanError } from '../../../shared/channels/scan';
import type { TFunction } from 'i18next';
import { useScanStore, type ScanNotice as Notice } from '../stores/scan';

/** A refusal in the cashier's language: main sends the stable code and its parameters, never the words. */
export function scanErrorText(t: TFunction, error: ScanError): string {
  switch (error.code) {
    case 'product-not-found':
    case 'invalid-checksum':
    case 'label-without-value':
      return t(`scan.errors.${error.code}`, { barcode: error.barcode });
    case 'unknown-code':
      return t('scan.errors.unknown-code', { text: error.text });
    case 'sold-by-weight':
    case 'not-sold-by-weight':
    case 'wrong-currency':
      return t(`scan.errors.${error.code}`, { product: error.product });
    case 'scanner-test':
      return t('scan.errors.scanner-test', { kind: t(`scan.kinds.${error.kind}`), length: error.length });
    case 'quantity-too-large':
    case 'payment-in-progress':
    case 'receipt-during-payment':
    case 'buyer-code-outside-approval':
    case 'dialog-open':
    case 'not-on-this-screen':
    case 'approval-busy':
    case 'sale-not-editable':
    case 'failed':
      return t(`scan.errors.${error.code}`);
  }
}

function noticeText(t: TFunction, notice: Notice): string {
  return notice.kind === 'refused' ? scanErrorText(t, notice.error) : t('scan.unsent', { code: notice.code });
}

/**
 * Why the last scan changed nothing, over whatever is on screen (dialogs included), until the next scan goes in,
 * the cashier types in the barcode field, or dismisses it. A scanner test on the settings screen is information.
 */
export function ScanNotice() {
  const { t } = useTranslation();
  const notice = useScanStore((s) => s.notice);
  if (notice === null) {
    return null;
  }
  const info = notice.kind === 'refused' && notice.error.code === 'scanner-test';
  const code = notice.kind === 'refused' ? notice.error.code : notice.code;
  return (
    <div
      className={`scan-notice ${info ? 'banner banner-info' : 'banner banner-error'}`}
      role={info ? 'status' : 'alert'}
      data-testid="scan-notice"
      data-code={code}
    >
      <span data-testid="scan-notice-text">{noticeText(t, notice)}</span>
      <button
        type="button"
        className="button button-small"
        data-testid="scan-notice-dismiss"
        onClick={() => {
          useScanStore.getState().clearNotice();
        }}
      >
        {t('scan.dismiss')}
      </button>
    </div>
  );
}
