import { useTranslation } from 'react-i18next';
import { formatMoney, money } from '../../../shared/money';
import { CURRENCY_BY_COUNTRY } from '../../../shared/settings';
import { useSettingsStore } from '../stores/settings';

const SHORTCUTS = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'] as const;

/**
 * Placeholder for the sale screen: the layout a cashier expects (cart left, totals and a big Pay button right,
 * function keys along the bottom), clearly marked as not working yet.
 */
export function SaleScreen() {
  const { t } = useTranslation();
  const country = useSettingsStore((s) => s.saved?.country ?? 'MN');
  const zero = formatMoney(money(0, CURRENCY_BY_COUNTRY[country]));

  return (
    <section className="sale" data-testid="sale-screen">
      <p className="banner banner-info" data-testid="sale-coming-next">
        {t('sale.comingNext')}
      </p>
      <div className="sale-body">
        <div className="cart" data-testid="cart">
          <h2 className="section-title">{t('sale.cartTitle')}</h2>
          <table className="cart-table">
            <thead>
              <tr>
                <th>{t('sale.columns.item')}</th>
                <th className="num">{t('sale.columns.qty')}</th>
                <th className="num">{t('sale.columns.price')}</th>
                <th className="num">{t('sale.columns.total')}</th>
              </tr>
            </thead>
          </table>
          <p className="cart-empty">{t('sale.cartEmpty')}</p>
        </div>
        <aside className="totals" data-testid="totals">
          <dl>
            <dt>{t('sale.subtotal')}</dt>
            <dd>{zero}</dd>
            <dt>{t('sale.discount')}</dt>
            <dd>{zero}</dd>
          </dl>
          <div className="grand-total">
            <span>{t('sale.total')}</span>
            <strong data-testid="total-amount">{zero}</strong>
          </div>
          <button type="button" className="button pay-button" disabled data-testid="pay-button">
            {t('sale.pay')}
          </button>
        </aside>
      </div>
      <nav className="shortcut-bar" aria-label={t('sale.shortcutsTitle')} data-testid="shortcut-bar">
        {SHORTCUTS.map((key) => (
          <span key={key} className="shortcut" data-testid={`shortcut-${key.toUpperCase()}`}>
            <kbd>{key.toUpperCase()}</kbd>
            <span>{t(`sale.shortcuts.${key}`)}</span>
          </span>
        ))}
      </nav>
    </section>
  );
}
