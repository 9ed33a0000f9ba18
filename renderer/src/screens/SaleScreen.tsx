/**
 * The sale step of the checkout, keyboard-first: the barcode field has the focus whenever nothing else wants it,
 * F-keys open the small dialogs, and scans — HID or wedge — are carried out by main and arrive as the sale view
 * and the line to select (docs/architecture.md §10). The parts live in screens/sale/.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCY_BY_COUNTRY } from '../../../shared/settings';
import type { CurrencyCode } from '../../../shared/money';
import { useKeys } from '../cashier/keys';
import { useSaleStore } from '../stores/sale';
import { useScanStore } from '../stores/scan';
import { useSettingsStore } from '../stores/settings';
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

export function SaleScreen({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const view = useSaleStore((s) => s.view);
  const selectedLineId = useSaleStore((s) => s.selectedLineId);
  const lastError = useSaleStore((s) => s.lastError);
  const busy = useSaleStore((s) => s.busy);
  const country = useSettingsStore((s) => s.saved?.country ?? 'MN');
  const currency: CurrencyCode = view?.sale.currency ?? CURRENCY_BY_COUNTRY[country];
  const [dialog, setDialog] = useState<SaleDialog>(null);
  const barcode = useRef<HTMLInputElement>(null);

  const sale = view?.sale;
  const lines = sale?.lines ?? [];
  const selected = lines.find((l) => l.id === selectedLineId) ?? null;
  const store = useSaleStore.getState;

  useBarcodeFocus(barcode, active && dialog === null);

  const open = (next: SaleDialog): void => {
    store().clearError();
    setDialog(next);
  };
  const openRecall = (): void => {
    void store().loadHeld();
    open('recall');
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
      F9: openRecall,
      F12: () => {
        if (lines.length > 0 && !busy) {
          store().goTo('payment');
        }
      },
      Delete: () => {
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
    <section className="sale" data-testid="sale-screen" data-sale-id={sale?.id ?? ''}>
      <div className="sale-body">
        <div className="cart" data-testid="cart">
          <div className="cart-head">
            <h2 className="section-title">
              {sale ? t('sale.titleNumber', { number: sale.number }) : t('sale.cartTitle')}
            </h2>
            {sale && <span className="muted">{timeText(sale.createdAt)}</span>}
          </div>
          <BarcodeField inputRef={barcode} />
          {lastError && (
            <p className="inline-error" role="alert" data-testid="sale-error" data-code={lastError.code}>
              {lastError.code === 'not_found' ? t('sale.errors.notFound') : t('sale.errors.generic')}{' '}
              <span className="muted">{lastError.message}</span>
            </p>
          )}
          <CartTable currency={currency} />
        </div>
        <SaleTotals
          currency={currency}
          onRecall={openRecall}
          onVoid={() => {
            open('void');
          }}
        />
      </div>
      <ShortcutBar />
      <SaleDialogs
        dialog={dialog}
        selected={selected}
        currency={currency}
        onClose={() => {
          setDialog(null);
        }}
      />
    </section>
  );
}
