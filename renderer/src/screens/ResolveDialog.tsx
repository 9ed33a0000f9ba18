import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/domain';
import { useJournalStore } from '../stores/journal';
import { Dialog } from './Dialog';
import { fmt } from './format';

/**
 * A manager records what the bank's merchant portal shows for a payment the till could not settle
 * (docs/payment-outcomes.md, "Manager resolution"): paid with the portal's approval code, or failed; always
 * with a reason. The host journals who and why.
 */
export function ResolveDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const busy = useJournalStore((s) => s.busy);
  const [outcome, setOutcome] = useState<'paid' | 'failed'>('failed');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const valid = reason.trim() !== '' && (outcome === 'failed' || code.trim() !== '');
  return (
    <Dialog title={t('journal.resolveTitle')} testId="resolve-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) {
            return;
          }
          void useJournalStore
            .getState()
            .resolve({
              paymentId: payment.id,
              outcome,
              ...(outcome === 'paid' ? { approvalCode: code.trim() } : {}),
              reason: reason.trim(),
            })
            .then((ok) => {
              if (ok) {
                onClose();
              }
            });
        }}
      >
        <p>
          {t(`payment.methodNames.${payment.method}`)} · {fmt(payment.amount.amount, payment.amount.currency)}
        </p>
        <p className="muted">{t('journal.resolveHint', { reference: payment.idempotencyKey })}</p>
        {(['failed', 'paid'] as const).map((choice) => (
          <label key={choice} className="field-inline">
            <input
              type="radio"
              name="resolve-outcome"
              value={choice}
              checked={outcome === choice}
              data-testid={`resolve-${choice}`}
              onChange={() => {
                setOutcome(choice);
              }}
            />{' '}
            {choice === 'paid' ? t('journal.resolvePaid') : t('journal.resolveFailed')}
          </label>
        ))}
        {outcome === 'paid' && (
          <label className="field">
            <span>{t('journal.approvalCode')}</span>
            <input
              type="text"
              value={code}
              maxLength={64}
              data-testid="resolve-approval-code"
              onChange={(event) => {
                setCode(event.target.value);
              }}
            />
          </label>
        )}
        <label className="field">
          <span>{t('journal.resolveReason')}</span>
          <input
            type="text"
            value={reason}
            maxLength={200}
            data-testid="resolve-reason"
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </label>
        <div className="dialog-actions">
          <button
            type="submit"
            className="button button-danger"
            disabled={!valid || busy}
            data-testid="resolve-confirm"
          >
            {t('journal.resolveConfirm')}
          </button>
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
