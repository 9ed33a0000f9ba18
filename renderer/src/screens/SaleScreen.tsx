import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discount } from '../../../shared/domain';
import { useKeys } from '../cashier/keys';
import { parseAmount } from '../stores/payment';
import { parseEntry, useSaleStore } from '../stores/sale';
import { useSettingsStore } from '../stores/settings';
import { CURRENCY_BY_COUNTRY } from '../../../shared/settings';
import type { CurrencyCode } from '../../../shared/money';
import { Dialog } from './Dialog';
import { fmt, quantityText, timeText } from './format';

type SaleDialog = 'search' | 'free' | 'qty' | 'line-discount' | 'sale-discount' | 'recall' | 'void' | null;

/** The keys of the sale screen, in the order the shortcut bar lists them. */
export const SALE_SHORTCUTS = [
  ['F2', 'saleDiscount'],
  ['F3', 'search'],
  ['F4', 'free'],
  ['F5', 'quantity'],
  ['F6', 'lineDiscount'],
  ['F7', 'void'],
  ['F8', 'hold'],
  ['F9', 'recall'],
  ['Delete', 'remove'],
  ['F12', 'pay'],
] as const;

/** "10%" → percent; "500" → an amount of the sale currency. null when it is neither. */
export function parseDiscount(text: string, currency: CurrencyCode): Discount | null {
  const trimmed = text.trim();
  const percent = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%$/.exec(trimmed);
  if (percent) {
    const basisPoints = Number(percent[1]) * 100 + Number((percent[2] ?? '').padEnd(2, '0'));
    return basisPoints <= 10_000 ? { kind: 'percent', basisPoints } : null;
  }
  const amount = parseAmount(trimmed, currency);
  return amount === null ? null : { kind: 'amount', amount };
}

function discountText(discount: Discount | null, currency: CurrencyCode): string {
  if (discount === null) {
    return '';
  }
  return discount.kind === 'percent'
    ? `${String(discount.basisPoints / 100)} %`
    : fmt(discount.amount, currency);
}

export function SaleScreen({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const view = useSaleStore((s) => s.view);
  const selectedLineId = useSaleStore((s) => s.selectedLineId);
  const lastError = useSaleStore((s) => s.lastError);
  const busy = useSaleStore((s) => s.busy);
  const country = useSettingsStore((s) => s.saved?.country ?? 'MN');
  const currency: CurrencyCode = view?.sale.currency ?? CURRENCY_BY_COUNTRY[country];
  const [entry, setEntry] = useState('');
  const [dialog, setDialog] = useState<SaleDialog>(null);
  const barcode = useRef<HTMLInputElement>(null);

  const sale = view?.sale;
  const lines = sale?.lines ?? [];
  const totals = sale?.totals;
  const selected = lines.find((l) => l.id === selectedLineId) ?? null;
  const store = useSaleStore.getState;
  const canPay = lines.length > 0 && !busy;

  const focusBarcode = (): void => {
    barcode.current?.focus();
  };

  // The barcode field has the focus whenever nothing else wants it.
  useEffect(() => {
    if (!active || dialog !== null) {
      return undefined;
    }
    focusBarcode();
    const isField = (el: Element | null): boolean =>
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
    // Focus lost to nothing (Tab off, a row click): back to the field.
    const refocus = (): void => {
      setTimeout(() => {
        const el = document.activeElement;
        if (el === null || el === document.body) {
          focusBarcode();
        }
      }, 0);
    };
    // A mouse click on a button (language, a shortcut) must not leave the scanner typing into nowhere.
    const afterClick = (): void => {
      setTimeout(() => {
        if (!isField(document.activeElement)) {
          focusBarcode();
        }
      }, 0);
    };
    document.addEventListener('focusout', refocus);
    document.addEventListener('click', afterClick);
    return () => {
      document.removeEventListener('focusout', refocus);
      document.removeEventListener('click', afterClick);
    };
  }, [active, dialog]);

  const open = (next: SaleDialog): void => {
    store().clearError();
    setDialog(next);
  };
  const close = (): void => {
    setDialog(null);
  };

  useKeys(
    {
      F2: () => {
        if (lines.length > 0) {
          open('sale-discount');
        }
      },
      F3: () => {
        open('search');
      },
      F4: () => {
        open('free');
      },
      F5: () => {
        if (selected) {
          open('qty');
        }
      },
      F6: () => {
        if (selected) {
          open('line-discount');
        }
      },
      F7: () => {
        if (sale) {
          open('void');
        }
      },
      F8: () => {
        void store().hold();
      },
      F9: () => {
        void store().loadHeld();
        open('recall');
      },
      F12: () => {
        if (canPay) {
          store().goTo('payment');
        }
      },
      Delete: () => {
        if (selected && entry === '') {
          void store().removeLine(selected.id);
        }
      },
      ArrowUp: () => {
        store().moveSelection(-1);
      },
      ArrowDown: () => {
        store().moveSelection(1);
      },
    },
    active && dialog === null,
  );

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const text = entry;
    if (parseEntry(text)?.code === '') {
      return;
    }
    setEntry('');
    void store().submitEntry(text);
  };

  const pendingQuantity = /^\s*(\d{1,6})\s*[*xX×]\s*$/.exec(entry)?.[1];
  const kg = t('sale.kg');

  return (
    <section className="sale" data-testid="sale-screen" data-sale-id={sale?.id ?? ''}>
      <div className="sale-body">
        <div className="cart" data-testid="cart">
          <div className="cart-head">
            <h2 className="section-title">
              {sale ? t('sale.titleNumber', { number: sale.number }) : t('sale.cartTitle')}
            </h2>
            {sale && <span className="muted">{timeText(sale.createdAt)}</span>}
          </div>
          <form className="barcode-form" onSubmit={submit} autoComplete="off">
            <label className="barcode-label" htmlFor="barcode-input">
              {t('sale.barcodeLabel')}
            </label>
            <input
              id="barcode-input"
              ref={barcode}
              className="barcode-input"
              type="text"
              inputMode="numeric"
              value={entry}
              placeholder={t('sale.barcodePlaceholder')}
              data-testid="barcode-input"
              onChange={(event) => {
                setEntry(event.target.value);
                if (lastError) {
                  store().clearError();
                }
              }}
            />
            {pendingQuantity !== undefined && (
              <span className="quantity-pending" data-testid="quantity-pending">
                {t('sale.quantityPending', { quantity: pendingQuantity })}
              </span>
            )}
          </form>
          {lastError && (
            <p className="inline-error" role="alert" data-testid="sale-error" data-code={lastError.code}>
              {lastError.code === 'not_found' ? t('sale.errors.notFound') : t('sale.errors.generic')}{' '}
              <span className="muted">{lastError.message}</span>
            </p>
          )}
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
                {lines.map((line, i) => {
                  const lt = totals?.lines[i];
                  const lineDiscount = (lt?.lineDiscount ?? 0) + (lt?.saleDiscount ?? 0);
                  return (
                    <tr
                      key={line.id}
                      className={line.id === selectedLineId ? 'cart-line selected' : 'cart-line'}
                      aria-selected={line.id === selectedLineId}
                      data-testid="cart-line"
                      data-line-id={line.id}
                      onClick={() => {
                        store().selectLine(line.id);
                      }}
                    >
                      <td className="col-n num">{i + 1}</td>
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
                        {fmt(lt?.total ?? 0, currency)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {lines.length === 0 && (
              <p className="cart-empty" data-testid="cart-empty">
                {t('sale.cartEmpty')}
              </p>
            )}
          </div>
        </div>
        <aside className="totals" data-testid="totals">
          <dl>
            <dt>{t('sale.subtotal')}</dt>
            <dd data-testid="totals-subtotal">{fmt(totals?.subtotal ?? 0, currency)}</dd>
            <dt>{t('sale.discount')}</dt>
            <dd data-testid="totals-discount">
              {(totals?.lineDiscounts ?? 0) + (totals?.saleDiscount ?? 0) > 0 ? '−' : ''}
              {fmt((totals?.lineDiscounts ?? 0) + (totals?.saleDiscount ?? 0), currency)}
            </dd>
            {currency === 'MNT' && (
              <>
                <dt>{t('sale.vat')}</dt>
                <dd data-testid="totals-vat">{fmt(totals?.vat ?? 0, currency)}</dd>
                <dt>{t('sale.cityTax')}</dt>
                <dd data-testid="totals-city-tax">{fmt(totals?.cityTax ?? 0, currency)}</dd>
              </>
            )}
            {sale?.discount && (
              <>
                <dt>{t('sale.saleDiscount')}</dt>
                <dd data-testid="totals-sale-discount">{discountText(sale.discount, currency)}</dd>
              </>
            )}
          </dl>
          <div className="grand-total">
            <span>{t('sale.total')}</span>
            <strong data-testid="total-amount">{fmt(totals?.total ?? 0, currency)}</strong>
          </div>
          <button
            type="button"
            className="button button-primary pay-button"
            disabled={!canPay}
            data-testid="pay-button"
            onClick={() => {
              store().goTo('payment');
            }}
          >
            {t('sale.pay')} <kbd>F12</kbd>
          </button>
          <div className="sale-actions">
            <button
              type="button"
              className="button button-small"
              data-testid="action-hold"
              disabled={lines.length === 0}
              onClick={() => void store().hold()}
            >
              {t('sale.shortcuts.hold')} <kbd>F8</kbd>
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="action-recall"
              onClick={() => {
                void store().loadHeld();
                open('recall');
              }}
            >
              {t('sale.shortcuts.recall')} <kbd>F9</kbd>
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="action-void"
              disabled={!sale}
              onClick={() => {
                open('void');
              }}
            >
              {t('sale.shortcuts.void')} <kbd>F7</kbd>
            </button>
          </div>
        </aside>
      </div>
      <nav className="shortcut-bar" aria-label={t('sale.shortcutsTitle')} data-testid="shortcut-bar">
        {SALE_SHORTCUTS.map(([key, action]) => (
          <button
            type="button"
            key={key}
            className="shortcut"
            data-testid={`shortcut-${key}`}
            onClick={() => {
              window.dispatchEvent(new KeyboardEvent('keydown', { key }));
            }}
          >
            <kbd>{key === 'Delete' ? 'Del' : key}</kbd>
            <span>{t(`sale.shortcuts.${action}`)}</span>
          </button>
        ))}
        <span className="shortcut shortcut-static">
          <kbd>3*</kbd>
          <span>{t('sale.shortcuts.times')}</span>
        </span>
      </nav>
      {dialog === 'search' && <SearchDialog onClose={close} currency={currency} />}
      {dialog === 'free' && <FreeDialog onClose={close} currency={currency} />}
      {dialog === 'qty' && selected && (
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
      )}
      {dialog === 'line-discount' && selected && (
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
      )}
      {dialog === 'sale-discount' && (
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
      )}
      {dialog === 'recall' && <RecallDialog onClose={close} />}
      {dialog === 'void' && sale && (
        <Dialog
          title={t('sale.dialogs.voidTitle', { number: sale.number })}
          testId="dialog-void"
          onClose={close}
        >
          <p>{t('sale.dialogs.voidBody', { total: fmt(totals?.total ?? 0, currency) })}</p>
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
      )}
    </section>
  );
}

function NumberDialog({
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

function SearchDialog({ onClose, currency }: { onClose: () => void; currency: CurrencyCode }) {
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

function FreeDialog({ onClose, currency }: { onClose: () => void; currency: CurrencyCode }) {
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

function RecallDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const held = useSaleStore((s) => s.held);
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
                  {timeText(h.updatedAt)} · {t('sale.dialogs.lines', { count: h.lineCount })}
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
