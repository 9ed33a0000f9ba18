import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../../../shared/money';
import { useSaleStore } from '../../stores/sale';
import { Dialog } from '../Dialog';
import { fmt } from '../format';

/** F3: find an item by name, SKU or barcode and add it. */
export function SearchDialog({ onClose, currency }: { onClose: () => void; currency: CurrencyCode }) {
  const { t } = useTranslation();
  const results = useSaleStore((s) => s.searchResults);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const pick = (i: number): void => {
    const product = results[i];
    if (product) {
      void useSaleStore
        .getState()
        .addProduct(product)
        .then((ok) => {
          if (ok) {
            onClose();
          }
        });
    }
  };
  return (
    <Dialog title={t('sale.dialogs.search')} testId="dialog-search" onClose={onClose}>
      <input
        type="text"
        value={query}
        placeholder={t('sale.dialogs.searchPlaceholder')}
        data-testid="search-input"
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(0);
          void useSaleStore.getState().search(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setIndex((i) => Math.min(i + 1, results.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setIndex((i) => Math.max(i - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            pick(index);
          }
        }}
      />
      <ul className="search-results" role="listbox">
        {results.map((p, i) => (
          <li
            key={p.sku}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'search-result selected' : 'search-result'}
            data-testid="search-result"
            onClick={() => {
              pick(i);
            }}
          >
            <span>{p.name}</span>
            <span className="muted">{p.barcode ?? p.sku}</span>
            <span className="num">{fmt(p.price, currency)}</span>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && results.length === 0 && <p className="muted">{t('sale.dialogs.noResults')}</p>}
    </Dialog>
  );
}
