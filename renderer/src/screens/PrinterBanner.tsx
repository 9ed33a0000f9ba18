import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PrinterStatus } from '../../../shared/channels/printer';
import { usePrinterStore } from '../stores/printer';
import { errorText } from './error-text';

/** States that stop printing: the banner is an alert (read out at once), not a quiet status line. */
const BLOCKING = new Set<PrinterStatus['state']>(['paper-out', 'cover-open', 'offline', 'unreachable']);

/** The sentence for the printer's state, or null when the state itself needs no words (ready, off). */
function stateSentence(t: TFunction, status: PrinterStatus): string | null {
  switch (status.state) {
    case 'paper-out':
    case 'cover-open':
    case 'offline':
      return t(`printer.banner.${status.state}`);
    case 'unreachable':
      return status.label === null
        ? t('printer.banner.unreachableNoLabel')
        : t('printer.banner.unreachable', { label: status.label });
    case 'printing':
      return t('printer.banner.printing');
    case 'ready':
    case 'off':
      return null;
  }
}

/**
 * main labels documents for the log ("receipt #42"); the cashier reads "Баримт #42" in their own language. A
 * label that is not a sale's receipt is shown as main wrote it.
 */
function documentName(t: TFunction, unconfirmed: NonNullable<PrinterStatus['unconfirmed']>): string {
  const number = /#(\d+)/.exec(unconfirmed.label)?.[1];
  return unconfirmed.saleId !== null && number !== undefined
    ? t('printer.banner.receiptNumber', { number })
    : unconfirmed.label;
}

/**
 * The cashier's printer banner on the checkout and journal screens: paper out, cover open, offline, not
 * answering, documents waiting, paper nearly out, and a document that may not have printed (with Reprint). Says
 * nothing while the printer is ready (or there is none) and nothing waits, so the cashier sees a problem before
 * the next receipt runs into it.
 */
export function PrinterBanner() {
  const { t } = useTranslation();
  const status = usePrinterStore((s) => s.status);
  const busy = usePrinterStore((s) => s.busy);
  const lastError = usePrinterStore((s) => s.lastError);
  if (status === null && lastError === null) {
    return null;
  }
  const sentence = status === null ? null : stateSentence(t, status);
  const waiting = status?.waiting.length ?? 0;
  const paperLow = status?.paperLow === true && status.state !== 'paper-out';
  const unconfirmed = status?.unconfirmed ?? null;
  if (sentence === null && waiting === 0 && !paperLow && unconfirmed === null && lastError === null) {
    return null;
  }
  const alarming =
    (status !== null && BLOCKING.has(status.state)) || unconfirmed !== null || lastError !== null;
  return (
    <div
      className={alarming ? 'banner banner-error printer-banner' : 'banner banner-warning printer-banner'}
      role={alarming ? 'alert' : 'status'}
      data-testid="printer-banner"
      data-state={status?.state ?? 'unknown'}
    >
      {sentence !== null && <p data-testid="printer-banner-state">{sentence}</p>}
      {waiting > 0 && (
        <p data-testid="printer-banner-waiting">{t('printer.banner.waiting', { count: waiting })}</p>
      )}
      {paperLow && <p data-testid="printer-banner-paper-low">{t('printer.banner.paperLow')}</p>}
      {unconfirmed !== null && (
        <p data-testid="printer-banner-unconfirmed">
          {t('printer.banner.unconfirmed', { document: documentName(t, unconfirmed) })}{' '}
          {unconfirmed.saleId !== null && (
            <button
              type="button"
              className="button button-small"
              data-testid="printer-reprint"
              disabled={busy}
              onClick={() => {
                const saleId = unconfirmed.saleId;
                if (saleId !== null) {
                  void usePrinterStore.getState().printReceipt(saleId);
                }
              }}
            >
              {t('printer.banner.reprint')}
            </button>
          )}
        </p>
      )}
      {lastError !== null && (
        <p data-testid="printer-error" data-code={lastError.code}>
          {errorText(t, lastError)}{' '}
          <button
            type="button"
            className="button button-small"
            data-testid="printer-error-dismiss"
            onClick={() => {
              usePrinterStore.getState().clearError();
            }}
          >
            {t('common.close')}
          </button>
        </p>
      )}
    </div>
  );
}
