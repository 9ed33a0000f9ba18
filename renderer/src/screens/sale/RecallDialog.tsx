import { useTranslation } from 'react-i18next';
import { useSaleStore } from '../../stores/sale';
import { useStoreTimeZone } from '../../stores/settings';
import { Dialog } from '../Dialog';
import { fmt, timeText } from '../format';

/** F9: the held sales; one is made current again. */
export function RecallDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const held = useSaleStore((s) => s.held);
  const timeZone = useStoreTimeZone();
  return (
    <Dialog title={t('sale.dialogs.recall')} testId="dialog-recall" onClose={onClose}>
      {held.length === 0 ? (
        <p className="muted" data-testid="held-empty">
          {t('sale.dialogs.noHeld')}
        </p>
      ) : (
        <ul className="held-list">
          {held.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className="button held-sale"
                data-testid="held-sale"
                data-sale-id={h.id}
                onClick={() => {
                  void useSaleStore
                    .getState()
                    .recall(h.id)
                    .then((ok) => {
                      if (ok) {
                        onClose();
                      }
                    });
                }}
              >
                <span>{t('sale.titleNumber', { number: h.number })}</span>
                <span className="muted">
                  {timeText(h.updatedAt, timeZone)} · {t('sale.dialogs.lines', { count: h.lineCount })}
                </span>
                <span className="num">{fmt(h.total, h.currency)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
