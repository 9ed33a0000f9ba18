import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Line, LineTotals } from '../../../../shared/domain';
import type { CurrencyCode } from '../../../../shared/money';
import { useSaleStore } from '../../stores/sale';
import { fmt, quantityText } from '../format';

interface RowProps {
  line: Line;
  index: number;
  totals: LineTotals | undefined;
  selected: boolean;
  currency: CurrencyCode;
  kg: string;
}

/** Every sale:updated brings new line objects: a row re-renders only when what it shows changed. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.selected === b.selected &&
    a.index === b.index &&
    a.currency === b.currency &&
    a.kg === b.kg &&
    a.line.id === b.line.id &&
    a.line.name === b.line.name &&
    a.line.quantity === b.line.quantity &&
    a.line.measure === b.line.measure &&
    a.line.unitPrice.amount === b.line.unitPrice.amount &&
    a.totals?.total === b.totals?.total &&
    a.totals?.lineDiscount === b.totals?.lineDiscount &&
    a.totals?.saleDiscount === b.totals?.saleDiscount
  );
}

const CartRow = memo(function CartRow({ line, index, totals, selected, currency, kg }: RowProps) {
  const lineDiscount = (totals?.lineDiscount ?? 0) + (totals?.saleDiscount ?? 0);
  return (
    <tr
      className={selected ? 'cart-line selected' : 'cart-line'}
      aria-selected={selected}
      data-testid="cart-line"
      data-line-id={line.id}
      onClick={() => {
        useSaleStore.getState().selectLine(line.id);
      }}
    >
      <td className="col-n num">{index + 1}</td>
      <td data-testid="line-name">{line.name}</td>
      <td className="num" data-testid="line-qty">
        {quantityText(line, kg)}
      </td>
      <td className="num" data-testid="line-price">
        {fmt(line.unitPrice.amount, currency)}
      </td>
      <td className="num" data-testid="line-discount">
        {lineDiscount > 0 ? `−${fmt(lineDiscount, currency)}` : ''}
      </td>
      <td className="num strong" data-testid="line-total">
        {fmt(totals?.total ?? 0, currency)}
      </td>
    </tr>
  );
}, sameRow);

/** The sale's lines; the selected one is what F5 / F6 / Del act on. */
export const CartTable = memo(function CartTable({ currency }: { currency: CurrencyCode }) {
  const { t } = useTranslation();
  const sale = useSaleStore((s) => s.view?.sale);
  const selectedLineId = useSaleStore((s) => s.selectedLineId);
  const lines = sale?.lines ?? [];
  const kg = t('sale.kg');
  return (
    <div className="cart-scroll">
      <table className="cart-table">
        <thead>
          <tr>
            <th className="col-n">#</th>
            <th>{t('sale.columns.item')}</th>
            <th className="num">{t('sale.columns.qty')}</th>
            <th className="num">{t('sale.columns.price')}</th>
            <th className="num">{t('sale.columns.discount')}</th>
            <th className="num">{t('sale.columns.total')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <CartRow
              key={line.id}
              line={line}
              index={i}
              totals={sale?.totals.lines[i]}
              selected={line.id === selectedLineId}
              currency={currency}
              kg={kg}
            />
          ))}
        </tbody>
      </table>
      {lines.length === 0 && (
        <p className="cart-empty" data-testid="cart-empty">
          {t('sale.cartEmpty')}
        </p>
      )}
    </div>
  );
});
