/**
 * Test and bench support: a generated price list of `rows` products as CSV, written to a file as it is made
 * (100 000 rows is about 9 MB). Mongolian names, valid EAN-13 barcodes (GS1 prefix 865), every receipt code, a
 * few rows with two barcodes; row i is SKU `P-<i>` with barcode `generatedBarcode(i)`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { gtinCheckDigit } from '../../../shared/codes';

const NAMES = ['Сүү', 'Талх', 'Хлеб', 'Ус', 'Цай', 'Гурил', 'Өндөг', 'Бууз', 'Шүүс', 'Жимс'];

export function generatedBarcode(i: number): string {
  const body = `865${String(i).padStart(9, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

export function generatedRow(i: number, delimiter = ','): string {
  const name = `${NAMES[i % NAMES.length] ?? 'Бараа'} ${i} ширхэг`;
  const price = delimiter === ';' ? `${100 + (i % 9000)},50` : String(100 + (i % 9000));
  const barcodes = i % 10 === 0 ? generatedBarcode(i + 5_000_000) : '';
  return [
    `P-${i}`,
    name,
    price,
    generatedBarcode(i),
    barcodes,
    'each',
    '10',
    '',
    'VAT_ABLE',
    '2211000',
    '',
    '',
  ].join(delimiter);
}

export const GENERATED_HEADER = [
  'sku',
  'name',
  'price',
  'barcode',
  'barcodes',
  'unit',
  'vat_percent',
  'city_tax_percent',
  'tax_type',
  'classification_code',
  'tax_product_code',
  'category',
];

/** Writes the list to `path`; MNT has no minor unit, so the semicolon form ("12,50") is for GEL only. */
export async function writePriceList(path: string, rows: number, delimiter: ',' | ';' = ','): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) {
      await once(out, 'drain');
    }
  };
  await write(`${GENERATED_HEADER.join(delimiter)}\n`);
  for (let i = 0; i < rows; i++) {
    await write(`${generatedRow(i, delimiter)}\n`);
  }
  out.end();
  await once(out, 'finish');
}
