/**
 * A manager resolves a receipt PosAPI did not confirm (receipt:resolve, docs/architecture.md §9.1): it is in
 * PosAPI's web page (its id and date), it is not (issue again under a new bill-id suffix), or the sale gets no
 * receipt. Every choice needs a reason except the first; the till journals who and why. A cashier sees the
 * panel too: the answer then asks for a manager's sign-in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReceiptStore } from '../stores/receipt';

export function ReceiptResolvePanel() {
  const { t } = useTranslation();
  const busy = useReceiptStore((s) => s.busy);
  const [receiptId, setReceiptId] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const store = useReceiptStore.getState;
  const why = reason.trim();
  return (
    <fieldset className="receipt-resolve" data-testid="receipt-resolve">
      <legend>{t('receipt.resolveTitle')}</legend>
      <p className="muted">{t('receipt.resolveHint')}</p>
      <label>
        {t('receipt.resolveId')}
        <input
          data-testid="receipt-resolve-id"
          inputMode="numeric"
          value={receiptId}
          onChange={(e) => {
            setReceiptId(e.target.value.trim());
          }}
        />
      </label>
      <label>
        {t('receipt.resolveDate')}
        <input
          data-testid="receipt-resolve-date"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
          }}
        />
      </label>
      <label>
        {t('receipt.resolveReason')}
        <input
          data-testid="receipt-resolve-reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={busy || receiptId === '' || date.trim() === ''}
          data-testid="receipt-resolve-issued"
          onClick={() =>
            void store().resolve({
              action: 'issued',
              receiptId,
              date: date.trim(),
              ...(why === '' ? {} : { reason: why }),
            })
          }
        >
          {t('receipt.resolveIssued')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || why === ''}
          data-testid="receipt-resolve-reissue"
          onClick={() => void store().resolve({ action: 'reissue', reason: why })}
        >
          {t('receipt.resolveReissue')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || why === ''}
          data-testid="receipt-resolve-none"
          onClick={() => void store().resolve({ action: 'no-receipt', reason: why })}
        >
          {t('receipt.resolveNone')}
        </button>
      </div>
    </fieldset>
  );
}
