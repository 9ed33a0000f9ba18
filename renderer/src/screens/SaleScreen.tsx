/**
 * The sale step of the checkout, keyboard-first: the barcode field has the focus whenever nothing else wants it,
 * F-keys open the small dialogs, and scans — HID or wedge — are carried out by main and arrive as the sale view
 * and the line to select (docs/architecture.md §10). The parts live in screens/sale/.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCY_BY_COUNTRY } from '../../../shared/settings';
import type { CurrencyCode } from '../../../shared/money';
import { useKeys } from '../cashier/keys';
import { useSaleStore } from '../stores/sale';
import { useScanStore } from '../stores/scan';
import { useSettingsStore, useStoreTimeZone } from '../stores/settings';
import { timeText } from './format';
import { BarcodeField } from './sale/BarcodeField';
import { CartTable } from './sale/CartTable';
import { SaleDialogs, type SaleDialog } from './sale/SaleDialogs';
import { SaleTotals } from './sale/SaleTotals';
import { ShortcutBar } from './sale/ShortcutBar';

export { SALE_SHORTCUTS } from './sale/ShortcutBar';

const isField = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/** The barcode field has the focus whenever nothing else wants it (a dialog, another field). */
function useBarcodeFocus(barcode: RefObject<HTMLInputElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const focusBarcode = (): void => {
      barcode.current?.focus();
    };
    focusBarcode();
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
  }, [barcode, enabled]);
}

/** The sale's number and start time; follows only those two, not every line change. */
function SaleHeading() {
  const { t } = useTranslation();
  const number = useSaleStore((s) => s.view?.sale.number);
  const createdAt = useSaleStore((s) => s.view?.sale.createdAt);
  const timeZone = useStoreTimeZone();
  return (
    <div className="cart-head">
      <h2 className="section-title">
        {number === undefined ? t('sale.cartTitle') : t('sale.titleNumber', { number })}
      </h2>
      {createdAt !== undefined && <span className="muted">{timeText(createdAt, timeZone)}</span>}
    </div>
  );
}

/**
 * The screen itself follows only what its own layout needs (the currency, the last error, the sale id); the cart,
 * the totals and the barcode field follow the store themselves, and the keys read the sale when pressed. So a scan
 * re-renders the cart rows that changed and the totals, not the whole screen.
 */
export function SaleScreen({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const saleId = useSaleStore((s) => s.view?.sale.id);
  const saleCurrency = useSaleStore((s) => s.view?.sale.currency);
  const lastError = useSaleStore((s) => s.lastError);
  const country = useSettingsStore((s) => s.saved?.country ?? 'MN');
  const currency: CurrencyCode = saleCurrency ?? CURRENCY_BY_COUNTRY[country];
  const [dialog, setDialog] = useState<SaleDialog>(null);
  const barcode = useRef<HTMLInputElement>(null);
  const store = useSaleStore.getState;

  useBarcodeFocus(barcode, active && dialog === null);

  const open = useCallback((next: SaleDialog): void => {
    useSaleStore.getState().clearError();
    setDialog(next);
  }, []);
  const openRecall = useCallback((): void => {
    void useSaleStore.getState().loadHeld();
    open('recall');
  }, [open]);
  const openVoid = useCallback((): void => {
    open('void');
  }, [open]);
  const close = useCallback((): void => {
    setDialog(null);
  }, []);

  /** Read when a key is pressed: the sale as it is then. */
  const current = () => {
    const { view, selectedLineId, busy } = store();
    const lines = view?.sale.lines ?? [];
    return { sale: view?.sale, lines, busy, selected: lines.find((l) => l.id === selectedLineId) };
  };

  useKeys(
    {
      F2: () => {
        if (current().lines.length > 0) {
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
        if (current().selected) {
          open('qty');
        }
      },
      F6: () => {
        if (current().selected) {
          open('line-discount');
        }
      },
      F7: () => {
        if (current().sale) {
          open('void');
        }
      },
      F8: () => {
        void store().hold();
      },
      F9: openRecall,
      F12: () => {
        const { lines, busy } = current();
        if (lines.length > 0 && !busy) {
          store().goTo('payment');
        }
      },
      Delete: () => {
        const { selected } = current();
        if (selected && useScanStore.getState().entry === '') {
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

  return (
    <section className="sale" data-testid="sale-screen" data-sale-id={saleId ?? ''}>
      <div className="sale-body">
        <div className="cart" data-testid="cart">
          <SaleHeading />
          <BarcodeField inputRef={barcode} />
          {lastError && (
            <p className="inline-error" role="alert" data-testid="sale-error" data-code={lastError.code}>
              {lastError.code === 'not_found' ? t('sale.errors.notFound') : t('sale.errors.generic')}{' '}
              <span className="muted">{lastError.message}</span>
            </p>
          )}
          <CartTable currency={currency} />
        </div>
        <SaleTotals currency={currency} onRecall={openRecall} onVoid={openVoid} />
      </div>
      <ShortcutBar />
      <SaleDialogs dialog={dialog} currency={currency} onClose={close} />
    </section>
  );
}
