/**
 * Builds the sale + payment side of the core and wires the two domains together (the checkout, the engine
 * telling the sale service about payment changes), so createKassa only wires events and spreads handler maps:
 *
 *   const till = createTill({ journal: openJournal({ dataDir }), catalog: openCatalogStore({ dataDir }),
 *     clock, scheduler: createRealScheduler(log),
 *     logger, country: () => settings.get().country, provider: (id) => adapters.get(id), events });
 *   await till.recover();                      // after the hosts are ready: re-check every open payment
 *   handlers = { ...till.handlers, ... };      // sale:*, payment:*, journal:* (catalog:* is createKassa's)
 *   close: () => { till.stop(); await journal.close(); }
 */
import type { SaleView } from '../../shared/channels/sale';
import type { Payment, Sale } from '../../shared/domain';
import { CURRENCY_BY_COUNTRY, type Country } from '../../shared/settings';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../log/logger';
import { PaymentEngine, type PaymentEngineDeps } from '../payments/engine';
import { createPaymentHandlers, type PaymentCheckout } from '../payments/handlers';
import type { PaymentProvider } from '../payments/provider';
import { createPaymentRegistry, type PaymentRegistry } from '../payments/registry';
import type { Scheduler } from '../kernel/scheduler';
import type { Journal } from '../storage/journal';
import type { Catalog } from '../sales/catalog';
import { createCheckout } from './checkout';
import { createSaleHandlers } from '../sales/handlers';
import { createJournalHandlers } from '../sales/journal-handlers';
import { SaleService } from '../sales/service';

export interface TillDeps {
  journal: Journal;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  country(): Country;
  /** The configured adapter for 'socialpay' | 'pocket' | 'bog' | 'baas', or undefined. */
  provider(id: string): PaymentProvider | undefined;
  /** Wire to the EventBus: emit('payment:updated', p) / emit('sale:updated', v). */
  events: { payment(payment: Payment): void; sale(view: SaleView): void };
  /** The product catalog (storage/catalog-store.ts); its catalog:* channels are wired by createKassa. */
  catalog: Catalog;
  /** Whether a sale will get a tax receipt: its lines' receipt codes are then checked before payment. */
  receiptsNeeded?: (sale: Sale) => boolean;
  /** The БҮНА code free-amount items are sold under (settings, ebarimt). */
  freeItemClassificationCode?: () => string;
  /**
   * The signed-in manager's name on a page connection (ipc/sessions.ts), for manager resolutions; absent: the
   * role's name is journaled.
   */
  managerName?: (connection: object | undefined) => string | undefined;
  engine?: Partial<Pick<PaymentEngineDeps, 'pollPolicy' | 'defaultExpiryMs' | 'newId'>>;
  newSaleId?: () => string;
}

export interface Till {
  sales: SaleService;
  engine: PaymentEngine;
  registry: PaymentRegistry;
  checkout: PaymentCheckout;
  catalog: Catalog;
  handlers: ReturnType<typeof createSaleHandlers> &
    ReturnType<typeof createPaymentHandlers> &
    ReturnType<typeof createJournalHandlers>;
  /** Re-checks every payment left open by the last run and resumes polling. */
  recover(): Promise<Payment[]>;
  stop(): void;
}

export function createTill(deps: TillDeps): Till {
  const currency = () => CURRENCY_BY_COUNTRY[deps.country()];
  const { catalog } = deps;
  const sales = new SaleService({
    journal: deps.journal,
    clock: deps.clock,
    catalog,
    currency,
    emit: (view) => {
      deps.events.sale(view);
    },
    ...(deps.newSaleId ? { newSaleId: deps.newSaleId } : {}),
    ...(deps.freeItemClassificationCode
      ? { freeItemClassificationCode: deps.freeItemClassificationCode }
      : {}),
  });
  const registry = createPaymentRegistry({
    country: () => deps.country(),
    provider: (id) => deps.provider(id),
  });
  const engine = new PaymentEngine({
    journal: deps.journal,
    registry,
    clock: deps.clock,
    scheduler: deps.scheduler,
    logger: deps.logger.child({ component: 'payments' }),
    emit: (payment) => {
      deps.events.payment(payment);
    },
    // The sale's resulting state is committed in the payment's own transaction (docs/architecture.md §8).
    effects: (payment, from) => sales.effectsOfPayment(payment, from),
    onChange: (payment) => sales.onPaymentChanged(payment),
    ...deps.engine,
  });
  const checkout = createCheckout({ sales, engine, receiptsNeeded: deps.receiptsNeeded });
  return {
    sales,
    engine,
    registry,
    checkout,
    catalog,
    handlers: {
      ...createSaleHandlers({ sales }),
      ...createPaymentHandlers({
        engine,
        registry,
        checkout,
        resolverName: (ctx) => deps.managerName?.(ctx.connection) ?? ctx.role,
      }),
      ...createJournalHandlers({ journal: deps.journal, sales, clock: deps.clock }),
    },
    recover: () => engine.recover(),
    stop: () => {
      engine.stop();
    },
  };
}
