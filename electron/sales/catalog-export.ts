/**
 * The live catalog as a CSV file the importer reads back to the same products (`kassa catalog export FILE`):
 * every column of catalog-row.ts, comma-separated, UTF-8 with a BOM so spreadsheet programs open Cyrillic names
 * correctly. Written to a temp file beside the target and renamed, so a failed export never leaves half a file
 * where a price list was.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { productBarcodes, type Product } from '../../shared/channels/sale';
import { toMajorString, money } from '../../shared/money';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type Column } from './catalog-row';

export const EXPORT_COLUMNS: readonly Column[] = [
  ...REQUIRED_COLUMNS,
  ...OPTIONAL_COLUMNS.filter((c) => c !== 'city_tax'),
];

function percent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const frac = basisPoints % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** RFC 4180 quoting: a cell holding a comma, a quote or a line break is quoted, quotes doubled. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportRow(p: Product): string {
  const barcodes = productBarcodes(p);
  const cells: Record<Column, string> = {
    sku: p.sku,
    name: p.name,
    price: toMajorString(money(p.price, p.currency)),
    barcode: barcodes[0] ?? '',
    barcodes: barcodes.slice(1).join('|'),
    unit: p.measure === 'weight' ? 'kg' : 'each',
    vat_percent: percent(p.vatBasisPoints),
    city_tax_percent: percent(p.cityTaxBasisPoints),
    city_tax: '',
    tax_type: p.taxType ?? '',
    classification_code: p.classificationCode ?? '',
    tax_product_code: p.taxProductCode ?? '',
    category: p.category ?? '',
    favourite: p.favourite === true ? 'yes' : '',
  };
  return EXPORT_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

/** Writes every product to `path`; resolves with how many. */
export async function exportCatalogFile(path: string, products: Iterable<Product>): Promise<number> {
  const temp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let count = 0;
  try {
    const write = async (text: string): Promise<void> => {
      if (!out.write(text)) {
        await once(out, 'drain');
      }
    };
    await write(`\uFEFF${EXPORT_COLUMNS.join(',')}\n`);
    for (const product of products) {
      await write(`${exportRow(product)}\n`);
      count++;
    }
    out.end();
    await once(out, 'finish');
    await rename(temp, path);
    return count;
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
