import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../../shared/channels/receipt';
import type { SaleView } from '../../../shared/channels/sale';
import { dateTimeText, fmt, quantityText } from '../screens/format';
import type { PaperWidth } from '../stores/receipt';
import { useStoreTimeZone } from '../stores/settings';

/**
 * The paper receipt, laid out for a 58 mm or 80 mm roll. On screen it is a preview in an overlay; `@media print`
 * (styles.css) hides everything else, so window.print() puts exactly this on the roll. Lottery and QR come from
 * the host's memory-only `printable` and are never kept anywhere else.
 */
export function PrintableReceipt({
  sale,
  receipt,
  paper,
  storeName,
}: {
  sale: SaleView;
  receipt: ReceiptView;
  paper: PaperWidth;
  storeName: string;
}) {
  const { t } = useTranslation();
  const currency = sale.sale.currency;
  const kg = t('sale.kg');
  const timeZone = useStoreTimeZone();
  return (
    <article className={`print-root paper-${paper}`} data-testid="printable-receipt" data-paper={paper}>
      <header className="print-head">
        <strong>{storeName}</strong>
        <span>{t('sale.titleNumber', { number: sale.sale.number })}</span>
        {/* PosAPI's date when issued, else when the sale was paid: both on the store's clock. */}
        <span data-testid="printable-time">
          {dateTimeText(receipt.issuedAt ?? sale.sale.updatedAt, timeZone)}
        </span>
      </header>
      <table className="print-lines">
        <tbody>
          {sale.sale.lines.map((line, i) => (
            <tr key={line.id}>
              <td>
                {line.name}
                <br />
                {quantityText(line, kg)} × {fmt(line.unitPrice.amount, currency)}
              </td>
              <td className="num">{fmt(sale.sale.totals.lines[i]?.total ?? 0, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="print-totals">
        <dt>{t('sale.total')}</dt>
        <dd>{receipt.totalText}</dd>
        <dt>{t('sale.vat')}</dt>
        <dd>{receipt.vatText}</dd>
        <dt>{t('sale.cityTax')}</dt>
        <dd>{receipt.cityTaxText}</dd>
      </dl>
      {receipt.receiptId !== null && (
        <p className="print-small">
          {t('receipt.id')}: {receipt.receiptId}
        </p>
      )}
      {receipt.buyerMasked !== null && (
        <p className="print-small">
          {t('receipt.buyer')}: {receipt.buyerMasked}
        </p>
      )}
      {receipt.printable && (
        <>
          {receipt.printable.lottery !== '' && (
            <p className="print-lottery">
              {t('receipt.lottery')}: {receipt.printable.lottery}
            </p>
          )}
          <div className="print-qr">
            <QRCodeSVG
              value={receipt.printable.qrData}
              size={paper === '58' ? 150 : 200}
              level="M"
              marginSize={2}
            />
          </div>
        </>
      )}
      <p className="print-small">{t('receipt.thanks')}</p>
    </article>
  );
}
