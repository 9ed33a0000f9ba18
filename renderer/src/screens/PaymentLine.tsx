import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../shared/channels/sale';
import type { Payment } from '../../../shared/domain';
import { countdownText, lineView, usePaymentStore } from '../stores/payment';
import { fmt } from './format';

/** One payment of the sale: its method, amount, state, countdown or QR, and what the cashier may do with it. */
export function PaymentLine({
  payment,
  now,
  currency,
}: {
  payment: Payment;
  now: number;
  currency: SaleView['sale']['currency'];
}) {
  const { t } = useTranslation();
  const line = lineView(payment, now);
  const pay = usePaymentStore.getState;
  const busy = usePaymentStore((s) => s.busy);
  return (
    <li
      className={`payment-line state-${line.status}`}
      data-testid="payment-line"
      data-payment-id={payment.id}
      data-method={payment.method}
      data-state={line.status}
    >
      <div className="payment-line-main">
        <span className="payment-line-method">
          {t(`payment.methodNames.${payment.method}`)}
          {payment.attempt > 1 && (
            <span className="muted"> · {t('payment.attempt', { n: payment.attempt })}</span>
          )}
        </span>
        <span className="num strong">{fmt(payment.amount.amount, currency)}</span>
        <span className={`pill pill-${line.status}`} data-testid="payment-line-status">
          {t(`payment.states.${line.status}`)}
        </span>
        {line.secondsLeft !== undefined && (
          <span className="countdown num" data-testid="payment-countdown">
            {countdownText(line.secondsLeft)}
          </span>
        )}
      </div>
      {line.status === 'unknown' && (
        <p className="banner banner-warning" data-testid="payment-unknown-warning">
          {t('payment.unknownWarning')}
        </p>
      )}
      {payment.reason !== undefined && line.status !== 'paid' && (
        <p className="muted" data-testid="payment-line-reason">
          {payment.reason}
        </p>
      )}
      {payment.cash && payment.cash.change > 0 && (
        <p className="muted">
          {t('payment.tenderedShort')}: {fmt(payment.cash.tendered, currency)} · {t('payment.changeDue')}:{' '}
          {fmt(payment.cash.change, currency)}
        </p>
      )}
      {line.status === 'waiting' && payment.qr !== undefined && (
        <div className="payment-qr" data-testid="payment-qr" data-qr={payment.qr}>
          <QRCodeSVG value={payment.qr} size={160} level="M" marginSize={2} />
        </div>
      )}
      {line.status === 'waiting' && payment.qr === undefined && payment.method === 'socialpay.phone' && (
        <p className="muted" data-testid="payment-phone-sent">
          {t('payment.phoneSent')}
        </p>
      )}
      <div className="payment-line-actions">
        {line.canCheck && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid="payment-check"
            onClick={() => void pay().check(payment.id)}
          >
            {t('payment.checkNow')}
          </button>
        )}
        {line.canCancel && (
          <button
            type="button"
            className="button button-small button-danger"
            disabled={busy}
            data-testid="payment-cancel"
            onClick={() => void pay().cancel(payment.id)}
          >
            {t('payment.cancel')}
          </button>
        )}
        {line.canRetry && (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            data-testid="payment-retry"
            onClick={() => void pay().retry(payment.id)}
          >
            {t('payment.retry')}
          </button>
        )}
      </div>
    </li>
  );
}
