import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../../../shared/money';
import { parseAmount } from '../../stores/payment';
import { useSaleStore } from '../../stores/sale';
import { Dialog } from '../Dialog';

/** F4: an item with no catalog entry, by name and price. */
export function FreeDialog({ onClose, currency }: { onClose: () => void; currency: CurrencyCode }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <Dialog title={t('sale.dialogs.free')} testId="dialog-free" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const amount = parseAmount(price, currency);
          if (amount === null || name.trim() === '') {
            setInvalid(true);
            return;
          }
          void useSaleStore
            .getState()
            .addFree(name.trim(), amount)
            .then((ok) => {
              if (ok) {
                onClose();
              }
            });
        }}
      >
        <label className="field">
          <span>{t('sale.dialogs.freeName')}</span>
          <input
            type="text"
            value={name}
            data-testid="free-name"
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t('sale.dialogs.freePrice', { currency })}</span>
          <input
            type="text"
            inputMode="decimal"
            className="input-number"
            value={price}
            data-testid="free-price"
            aria-invalid={invalid}
            onChange={(event) => {
              setPrice(event.target.value);
              setInvalid(false);
            }}
          />
        </label>
        {invalid && (
          <p className="inline-error" data-testid="dialog-invalid">
            {t('sale.dialogs.invalid')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" data-testid="free-submit">
            {t('common.ok')}
          </button>
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
