/**
 * A shop's price list imported from Settings (docs/architecture.md §5, "Catalog"): a generated 15 000-row CSV
 * is handed over in chunks and streamed into the catalog on disk; after a restart of the host the last item of
 * the file is scanned (wedge) and typed into the barcode field, and its search by Latin letters finds its
 * Cyrillic name.
 */
import type { Page } from '@playwright/test';
import { GENERATED_HEADER, generatedBarcode, generatedRow } from '../electron/sales/testing/price-list';
import { expect, test } from './fixtures/host';
import { pageIpc } from './fixtures/ipc';
import { pickPriceListInSettings } from './fixtures/price-list';
import { scanDigits } from './fixtures/scanner';

const ROWS = 15_000;

/** Typed at a person's speed: keys faster than the wedge decoder's 50 ms gap are a scanner's (docs/devices.md). */
async function typeBarcode(page: Page, code: string): Promise<void> {
  await page.getByTestId('barcode-input').focus();
  await page.keyboard.type(code, { delay: 80 });
  await page.keyboard.press('Enter');
}

test('a 15 000-row price list imported in Settings; after a restart its last item is scanned and typed', async ({
  host,
  page,
}) => {
  const csv = `${[GENERATED_HEADER.join(','), ...Array.from({ length: ROWS }, (_, i) => generatedRow(i))].join('\n')}\n`;
  await pickPriceListInSettings(page, host.cashierUrl, csv);
  await expect(page.getByTestId('catalog-imported')).toHaveText(`${ROWS} products imported.`, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('catalog-warnings')).toHaveCount(0);
  await expect(page.getByTestId('catalog-progress')).toHaveCount(0);

  const again = await host.restart();
  try {
    const last = generatedBarcode(ROWS - 1);
    const name = `Жимс ${ROWS - 1} ширхэг`;
    await page.goto(again.cashierUrl);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-sale').click(); // the page comes back on the tab it was on
    await expect(page.getByTestId('barcode-input')).toBeFocused();
    await scanDigits(page, last);
    await expect(page.getByTestId('line-name')).toHaveText([name]);
    await typeBarcode(page, last);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('line-qty').first()).toHaveText(/2/);
    expect(await pageIpc(page).value('catalog:search', { query: `jims ${ROWS - 1}` })).toMatchObject([
      { sku: `P-${ROWS - 1}`, name },
    ]);
  } finally {
    await again.stop();
  }
});
