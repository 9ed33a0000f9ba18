/**
 * The customer display's feed (docs/architecture.md, "Customer display"): what the customer sees follows the
 * till's current sale and nothing else. A change to another sale — a refund of the last customer's sale, a
 * late payment answer for a held one — never reaches the screen of the customer now at the till.
 *
 * The eBarimt receipt QR is held in memory only (receipts/receipt-service.ts) and added to the thank-you
 * screen only while the sale stands as it was when that receipt was issued: once any of its money has been
 * refunded the QR is not shown again (shared/display-model.ts, receiptQrAllowed), and a new sale replaces it.
 */
import type { DisplayViewModel } from '../../shared/channels/display';
import type { SaleView } from '../../shared/channels/sale';
import { displayViewModelFor, receiptQrAllowed } from '../../shared/display-model';
import type { Settings } from '../../shared/settings';
import { welcomeViewModel } from './foundation-handlers';

export interface DisplayFeedDeps {
  settings(): Settings;
  /** The sale the till is on now (the sale service's current one), if any. */
  currentSaleId(): string | undefined;
  /** The receipt QR still in memory for a sale (receipt service). */
  receiptQr(saleId: string): string | undefined;
  /** Pushes a model to every display (event bus and pole display). */
  show(model: DisplayViewModel): void;
}

export interface DisplayFeed {
  /** The model on the display now (display:ready answers with it). */
  current(): DisplayViewModel;
  /** A sale changed: shown when it is the till's current sale (or the one on screen), ignored otherwise. */
  saleChanged(view: SaleView): void;
  /** After a restart: the sale restored from the journal, shown as it is. */
  restore(view: SaleView): void;
  /** Settings changed (locale, store name): the same sale again, or the welcome screen. */
  refresh(): void;
}

/** An empty open sale is the idle till: the customer sees the welcome screen. */
export function isIdle(view: SaleView): boolean {
  return view.sale.status === 'open' && view.sale.lines.length === 0 && view.payments.length === 0;
}

export function createDisplayFeed(deps: DisplayFeedDeps): DisplayFeed {
  let model: DisplayViewModel = welcomeViewModel(deps.settings());
  let last: SaleView | undefined;

  const set = (next: DisplayViewModel): void => {
    model = next;
    deps.show(next);
  };

  const render = (view: SaleView): void => {
    last = view;
    const settings = deps.settings();
    if (isIdle(view)) {
      set(welcomeViewModel(settings));
      return;
    }
    const next = displayViewModelFor(view.sale, view.payments, settings.display.locale);
    const receiptQr =
      next.state === 'thank-you' && receiptQrAllowed(view.sale, view.payments)
        ? deps.receiptQr(view.sale.id)
        : undefined;
    set(receiptQr !== undefined && next.state === 'thank-you' ? { ...next, receiptQr } : next);
  };

  return {
    current: () => model,
    saleChanged: (view) => {
      // Only the current sale is the customer's. A sale just held or voided is no longer current, yet its own
      // change is what the screen must follow (it is the sale on it); another sale's never is.
      const owner = deps.currentSaleId() ?? last?.sale.id;
      if (owner !== view.sale.id) {
        return;
      }
      render(view);
    },
    restore: render,
    refresh: () => {
      if (last === undefined || isIdle(last)) {
        set(welcomeViewModel(deps.settings()));
      } else {
        render(last);
      }
    },
  };
}
