import { memo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { BARCODE_FIELD_ID, pendingMultiplier } from '../../scanner/entry';
import { useSaleStore } from '../../stores/sale';
import { useScanStore } from '../../stores/scan';

/**
 * The barcode field: a code typed and Enter goes to main like a scan (scan:submit), `3*` waits for the scan it
 * multiplies (HID or wedge). Scanner keys never land here: the wedge capture keeps them, and what the cashier
 * typed before a scan stays.
 */
export const BarcodeField = memo(function BarcodeField({
  inputRef,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const entry = useScanStore((s) => s.entry);
  const pending = pendingMultiplier(entry);
  return (
    <form
      className="barcode-form"
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        void useScanStore.getState().submitEntry();
      }}
    >
      <label className="barcode-label" htmlFor={BARCODE_FIELD_ID}>
        {t('sale.barcodeLabel')}
      </label>
      <input
        id={BARCODE_FIELD_ID}
        ref={inputRef}
        className="barcode-input"
        type="text"
        inputMode="numeric"
        value={entry}
        placeholder={t('sale.barcodePlaceholder')}
        data-testid="barcode-input"
        onChange={(event) => {
          useScanStore.getState().setEntry(event.target.value);
          if (useSaleStore.getState().lastError) {
            useSaleStore.getState().clearError();
          }
        }}
      />
      {pending !== null && (
        <span className="quantity-pending" data-testid="quantity-pending">
          {t('sale.quantityPending', { quantity: pending })}
        </span>
      )}
    </form>
  );
});
