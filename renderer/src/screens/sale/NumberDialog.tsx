import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../Dialog';

/** One number for the selected line or the sale: a quantity (pieces or grams) or a discount. */
export function NumberDialog({
  title,
  testId,
  label,
  initial,
  onClose,
  onSubmit,
}: {
  title: string;
  testId: string;
  label: string;
  initial: string;
  onClose: () => void;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit(text).then((ok) => {
            if (ok) {
              onClose();
            } else {
              setInvalid(true);
            }
          });
        }}
      >
        <label className="field">
          <span>{label}</span>
          <input
            type="text"
            inputMode="decimal"
            className="input-number"
            value={text}
            data-testid="dialog-input"
            aria-invalid={invalid}
            onChange={(event) => {
              setText(event.target.value);
              setInvalid(false);
            }}
            onFocus={(event) => {
              event.target.select();
            }}
          />
        </label>
        {invalid && (
          <p className="inline-error" data-testid="dialog-invalid">
            {t('sale.dialogs.invalid')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" data-testid="dialog-ok">
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
