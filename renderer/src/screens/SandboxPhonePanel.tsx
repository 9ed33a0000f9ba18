import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/domain';
import { usePaymentStore } from '../stores/payment';

/**
 * Sandbox only: what the customer would do on their phone for the waiting invoice. Loudly marked so nobody
 * mistakes it for a real control; the host refuses these channels outside the sandbox profile anyway.
 */
export function SandboxPhonePanel({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const busy = usePaymentStore((s) => s.busy);
  const act = (action: 'pay' | 'decline' | 'expire'): void => {
    void usePaymentStore.getState().sandbox(action, payment.id);
  };
  return (
    <aside className="sandbox-phone" data-testid="sandbox-phone" data-payment-id={payment.id}>
      <h3>{t('sandbox.title')}</h3>
      <p className="muted">{t('sandbox.hint')}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          data-testid="sandbox-pay"
          onClick={() => {
            act('pay');
          }}
        >
          {t('sandbox.pay')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="sandbox-decline"
          onClick={() => {
            act('decline');
          }}
        >
          {t('sandbox.decline')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="sandbox-expire"
          onClick={() => {
            act('expire');
          }}
        >
          {t('sandbox.expire')}
        </button>
      </div>
    </aside>
  );
}
