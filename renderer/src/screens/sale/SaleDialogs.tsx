import { useTranslation } from 'react-i18next';
import type { Line } from '../../../../shared/domain';
import type { CurrencyCode } from '../../../../shared/money';
import { useSaleStore } from '../../stores/sale';
import { Dialog } from '../Dialog';
import { fmt } from '../format';
import { parseDiscount } from './discount';
import { FreeDialog } from './FreeDialog';
import { NumberDialog } from './NumberDialog';
import { RecallDialog } from './RecallDialog';
import { SearchDialog } from './SearchDialog';

export type SaleDialog =
  'search' | 'free' | 'qty' | 'line-discount' | 'sale-discount' | 'recall' | 'void' | null;

/** The sale screen's one open dialog, if any (F2–F9). */
export function SaleDialogs({
  dialog,
  currency,
  onClose: close,
}: {
  dialog: SaleDialog;
  currency: CurrencyCode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // Only while a dialog is open does it follow the sale (its line, its total).
  const sale = useSaleStore((s) => (dialog === null ? undefined : s.view?.sale));
  const selected: Line | null = useSaleStore((s) =>
    dialog === null ? null : (s.view?.sale.lines.find((l) => l.id === s.selectedLineId) ?? null),
  );
  const store = useSaleStore.getState;
  switch (dialog) {
    case null:
      return null;
    case 'search':
      return <SearchDialog onClose={close} currency={currency} />;
    case 'free':
      return <FreeDialog onClose={close} currency={currency} />;
    case 'recall':
      return <RecallDialog onClose={close} />;
    case 'qty':
      return selected === null ? null : (
        <NumberDialog
          title={t('sale.dialogs.quantity', { name: selected.name })}
          testId="dialog-qty"
          label={selected.measure === 'weight' ? t('sale.dialogs.grams') : t('sale.dialogs.pieces')}
          initial={String(selected.quantity)}
          onClose={close}
          onSubmit={async (text) => {
            const q = Number(text);
            return Number.isInteger(q) && q > 0 ? store().setQuantity(selected.id, q) : false;
          }}
        />
      );
    case 'line-discount':
      return selected === null ? null : (
        <NumberDialog
          title={t('sale.dialogs.lineDiscount', { name: selected.name })}
          testId="dialog-line-discount"
          label={t('sale.dialogs.discountHint')}
          initial=""
          onClose={close}
          onSubmit={async (text) => {
            if (text.trim() === '' || text.trim() === '0') {
              return store().setLineDiscount(selected.id, null);
            }
            const d = parseDiscount(text, currency);
            return d ? store().setLineDiscount(selected.id, d) : false;
          }}
        />
      );
    case 'sale-discount':
      return (
        <NumberDialog
          title={t('sale.dialogs.saleDiscount')}
          testId="dialog-sale-discount"
          label={t('sale.dialogs.discountHint')}
          initial=""
          onClose={close}
          onSubmit={async (text) => {
            if (text.trim() === '' || text.trim() === '0') {
              return store().setSaleDiscount(null);
            }
            const d = parseDiscount(text, currency);
            return d ? store().setSaleDiscount(d) : false;
          }}
        />
      );
    case 'void':
      return sale === undefined ? null : (
        <Dialog
          title={t('sale.dialogs.voidTitle', { number: sale.number })}
          testId="dialog-void"
          onClose={close}
        >
          <p>{t('sale.dialogs.voidBody', { total: fmt(sale.totals.total, currency) })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-danger"
              data-testid="void-confirm"
              onClick={() => {
                void store().voidSale().then(close);
              }}
            >
              {t('sale.dialogs.voidConfirm')}
            </button>
            <button type="button" className="button" data-testid="dialog-cancel" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      );
  }
}
