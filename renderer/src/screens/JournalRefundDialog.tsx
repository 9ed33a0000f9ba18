import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/domain';
import { refundable, useJournalStore } from '../stores/journal';
import { parseAmount } from '../stores/payment';
import { Dialog } from './Dialog';
import { fmt } from './format';

/** A refund of a paid payment: the whole rest, or (where the provider allows) a part, confirmed with its amount. */
export function RefundDialog({
  payment,
  partial,
  onClose,
}: {
  payment: Payment;
  partial: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const busy = useJournalStore((s) => s.busy);
  const currency = payment.amount.currency;
  const left = refundable(payment);
  const [text, setText] = useState('');
  const typed = text.trim() === '' ? left : parseAmount(text, currency);
  const valid = typed !== null && typed > 0 && typed <= left;
  return (
    <Dialog title={t('journal.refundTitle')} testId="refund-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) {
            return;
          }
          void useJournalStore
            .getState()
            .refund(payment.id, typed === left ? undefined : typed)
            .then((ok) => {
              if (ok) {
                onClose();
              }
            });
        }}
      >
        <p>
          {t(`payment.methodNames.${payment.method}`)} · {t('journal.refundable')}: {fmt(left, currency)}
        </p>
        {partial && (
          <label className="field">
            <span>{t('journal.refundAmount', { currency })}</span>
            <input
              type="text"
              inputMode="decimal"
              className="input-number"
              value={text}
              placeholder={fmt(left, currency)}
              data-testid="refund-amount"
              aria-invalid={!valid}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          </label>
        )}
        <p className="strong" data-testid="refund-confirm-text">
          {valid
            ? t('journal.refundConfirmText', { amount: fmt(typed, currency) })
            : t('sale.dialogs.invalid')}
        </p>
        <div className="dialog-actions">
          <button
            type="submit"
            className="button button-danger"
            disabled={!valid || busy}
            data-testid="refund-confirm"
          >
            {t('journal.refundConfirm')}
          </button>
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
