/**
 * When the sandbox's demo catalog comes and goes (docs/architecture.md §11). The catalog is on disk now, so:
 *  - a sandbox till starts with the country's demo catalog only when its catalog is empty (an imported price
 *    list survives a restart);
 *  - a till going live drops the demo catalog (never demo items for real money) but keeps an imported one;
 *  - a sandbox till changing country gets the new country's demo catalog, unless a price list was imported.
 */
import type { Settings } from '../../shared/settings';
import { DEMO_CATALOG } from '../sales/demo-catalog';
import type { CatalogStore } from '../storage/catalog-store';

export function loadDemoCatalogIfEmpty(catalog: CatalogStore, settings: Settings): void {
  if (settings.profile === 'sandbox' && catalog.info().size === 0) {
    catalog.replaceSync(DEMO_CATALOG[settings.country], 'demo');
  }
}

export function onProfileOrCountryChange(catalog: CatalogStore, before: Settings, settings: Settings): void {
  const { source } = catalog.info();
  if (settings.profile !== 'sandbox') {
    if (before.profile === 'sandbox' && source === 'demo') {
      catalog.replaceSync([], 'empty');
    }
    return;
  }
  if (settings.country !== before.country && source !== 'import') {
    catalog.replaceSync(DEMO_CATALOG[settings.country], 'demo');
    return;
  }
  loadDemoCatalogIfEmpty(catalog, settings);
}
