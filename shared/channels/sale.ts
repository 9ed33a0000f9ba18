import { z } from 'zod';
import { channel, event, MANAGER_ONLY, OPERATOR_ONLY } from '../channel';
import {
  DiscountSchema,
  EntityIdSchema,
  MeasureSchema,
  PaymentSchema,
  SaleIdSchema,
  SaleSchema,
} from '../domain';
import { AmountInputSchema, CurrencyCodeSchema, MinorUnitsSchema } from '../money';
import { ClassificationCodeSchema, TaxProductCodeSchema, TaxTypeSchema } from '../product-codes';
import { freeText } from '../text';
import { UploadIdSchema } from './upload';

const BarcodeSchema = z.string().regex(/^\d{8,14}$/);

/**
 * A catalog product. Prices are tax-inclusive minor units of the store currency (per kg for 'weight'). The
 * receipt fields (taxType, classificationCode, taxProductCode) are optional so older catalogs still read; a
 * Mongolian receipt refuses a product without them (shared/product-codes.ts).
 */
export const ProductSchema = z
  .strictObject({
    sku: z.string().min(1).max(64),
    /** The primary barcode (what screens show); also the first of `barcodes`. */
    barcode: BarcodeSchema.optional(),
    /** Every barcode of the product, the primary first (one product may have several). */
    barcodes: z.array(BarcodeSchema).min(1).max(16).optional(),
    name: z.string().min(1).max(120),
    price: MinorUnitsSchema.min(0),
    currency: CurrencyCodeSchema,
    /** Piece or kilogram: the receipt's measureUnit (ш / кг). */
    measure: MeasureSchema,
    vatBasisPoints: z.number().int().min(0).max(10_000),
    /** City tax (НХАТ) rate; above 0 marks the product as city-taxed on a Mongolian receipt. */
    cityTaxBasisPoints: z.number().int().min(0).max(10_000),
    taxType: TaxTypeSchema.optional(),
    classificationCode: ClassificationCodeSchema.optional(),
    taxProductCode: TaxProductCodeSchema.optional(),
    category: z.string().min(1).max(60).optional(),
    favourite: z.boolean().optional(),
  })
  .refine(
    (p) => p.barcodes === undefined || p.barcodes[0] === p.barcode,
    'the primary barcode must be the first of barcodes',
  );
export type Product = z.infer<typeof ProductSchema>;

/** Every barcode of a product, the primary first. */
export function productBarcodes(product: Product): readonly string[] {
  return product.barcodes ?? (product.barcode === undefined ? [] : [product.barcode]);
}

/** What an import did: products read (and now in the catalog unless dryRun), and warnings by line. */
export const CatalogImportResultSchema = z.object({
  imported: z.number().int(),
  dryRun: z.boolean(),
  /** The first warnings (e.g. a product a Mongolian receipt would refuse), by line; warningCount counts all. */
  warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
  warningCount: z.number().int(),
});
export type CatalogImportResult = z.infer<typeof CatalogImportResultSchema>;

export const CatalogImportProgressSchema = z.object({
  rows: z.number().int(),
  bytes: z.number().int(),
  totalBytes: z.number().int(),
  done: z.boolean(),
});
export type CatalogImportProgress = z.infer<typeof CatalogImportProgressSchema>;

/**
 * The whole sale as every screen needs it: the sale, its payment attempts and the money summary, computed once
 * in main (minor units of the sale currency).
 */
/** How much of a paid sale was refunded (docs/architecture.md §8.2); the sale's status stays `paid`. */
export const SaleRefundSchema = z.enum(['none', 'partly', 'full']);
export type SaleRefund = z.infer<typeof SaleRefundSchema>;

export const SaleViewSchema = z.object({
  sale: SaleSchema,
  payments: z.array(PaymentSchema),
  /** Captured by paid payments, minus refunds. */
  paid: z.number().int(),
  /** Held by payments whose outcome is not known yet. */
  pending: z.number().int(),
  /** total − paid, never below zero. */
  due: z.number().int(),
  /** What may still be started: total − paid − pending. */
  available: z.number().int(),
  /** Cash change to hand back (sum over cash payments). */
  change: z.number().int(),
  /** Refunded so far over all payments (minor units). */
  refunded: z.number().int(),
  /** Derived: `full` once every captured amount was refunded, `partly` after any refund, else `none`. */
  refund: SaleRefundSchema,
});
export type SaleView = z.infer<typeof SaleViewSchema>;

export const HeldSaleSchema = z.object({
  id: SaleIdSchema,
  number: z.number().int(),
  total: z.number().int(),
  currency: CurrencyCodeSchema,
  lineCount: z.number().int(),
  updatedAt: z.number().int(),
});
export type HeldSale = z.infer<typeof HeldSaleSchema>;

/** Pieces, or grams for goods sold by weight. */
export const QuantitySchema = z
  .number()
  .int('the quantity is a whole number (grams for goods sold by weight)')
  .positive('the quantity must be more than zero')
  .max(1_000_000, 'the quantity is too large');
/** When given, the sale the cashier is looking at; a stale screen gets state.conflict instead of editing another sale. */
const SaleRef = { saleId: SaleIdSchema.optional() };

export const saleChannels = {
  'sale:current': channel({
    input: z.strictObject({}),
    output: SaleViewSchema.nullable(),
    summary: 'The sale on the till now (null when there is none).',
  }),
  'sale:new': channel({
    input: z.strictObject({}),
    output: SaleViewSchema,
    summary:
      'Start a new sale (an empty open sale is reused; a sale with lines must be held, paid or voided first).',
  }),
  'sale:add-line': channel({
    input: z.discriminatedUnion('kind', [
      z.strictObject({
        ...SaleRef,
        kind: z.literal('catalog'),
        /** SKU or barcode (for in-store weight/price barcodes: the lookup code with the value digits zeroed). */
        code: z.string().trim().min(1, 'scan or type a code').max(64),
        quantity: QuantitySchema.optional(),
      }),
      z.strictObject({
        ...SaleRef,
        kind: z.literal('free'),
        name: freeText({ min: 1, max: 120, minMessage: 'give the item a name' }),
        /** Tax-inclusive price in minor units (the currency's own limit is checked by the sale service). */
        unitPrice: AmountInputSchema.min(1, 'the price must be more than zero'),
        quantity: QuantitySchema.optional(),
        vatBasisPoints: z.number().int().min(0).max(10_000).optional(),
      }),
    ]),
    output: SaleViewSchema,
    summary: 'Add a catalog item (by SKU or barcode) or a free-amount item to the current sale.',
  }),
  'sale:set-quantity': channel({
    input: z.strictObject({ ...SaleRef, lineId: EntityIdSchema, quantity: QuantitySchema }),
    output: SaleViewSchema,
    summary: 'Change a line quantity (pieces, or grams for weighed goods).',
  }),
  'sale:set-line-discount': channel({
    input: z.strictObject({ ...SaleRef, lineId: EntityIdSchema, discount: DiscountSchema.nullable() }),
    output: SaleViewSchema,
    summary: 'Set or clear a line discount (amount in minor units, or percent in basis points).',
  }),
  'sale:set-discount': channel({
    input: z.strictObject({ ...SaleRef, discount: DiscountSchema.nullable() }),
    output: SaleViewSchema,
    summary: 'Set or clear the sale discount (spread over the lines).',
  }),
  'sale:remove-line': channel({
    input: z.strictObject({ ...SaleRef, lineId: EntityIdSchema }),
    output: SaleViewSchema,
    summary: 'Remove a line from the current sale.',
  }),
  'sale:hold': channel({
    input: z.strictObject({ ...SaleRef }),
    output: SaleViewSchema,
    summary: 'Park the current sale (returns the held sale); the till then has no current sale.',
  }),
  'sale:recall': channel({
    input: z.strictObject({ saleId: SaleIdSchema }),
    output: SaleViewSchema,
    summary: 'Make a held sale current again.',
  }),
  'sale:held': channel({
    input: z.strictObject({}),
    output: z.array(HeldSaleSchema),
    summary: 'Parked sales, oldest first.',
  }),
  'sale:void': channel({
    input: z.strictObject({ ...SaleRef, reason: freeText({ max: 200 }).optional() }),
    output: SaleViewSchema,
    // Open to the cashier; a sale that ever had money taken (paid, then refunded) needs a manager — the handler
    // decides, since only the sale knows (docs/architecture.md §3.1).
    summary:
      'Void the current sale (refused while a payment is paid or still waiting; after a payment, managers only).',
  }),
  'catalog:search': channel({
    input: z.strictObject({
      query: z.string().trim().max(64),
      limit: z.number().int().min(1).max(100).optional(),
    }),
    output: z.array(ProductSchema),
    summary: 'Find products by name, SKU or barcode.',
  }),
  'catalog:import-upload': channel({
    input: z.strictObject({ uploadId: UploadIdSchema, dryRun: z.boolean().optional() }),
    output: CatalogImportResultSchema,
    summary:
      'Replace the catalog from a CSV file handed over with upload:* (same format and rules as catalog:import-csv); the upload is used up.',
    roles: MANAGER_ONLY,
  }),
  'catalog:import-csv': channel({
    input: z.strictObject({
      csv: z.string().min(1, 'the file is empty').max(5_000_000, 'the file is larger than 5 MB'),
      dryRun: z.boolean().optional(),
    }),
    output: CatalogImportResultSchema,
    summary:
      'Replace the catalog from CSV text (header: sku,name,price[,barcode,barcodes,unit,vat_percent,city_tax_percent,city_tax,tax_type,classification_code,tax_product_code,category,favourite]; comma or semicolon); all rows or none. Large files: catalog:import-upload.',
    roles: MANAGER_ONLY,
  }),
  'catalog:import-file': channel({
    input: z.strictObject({ path: z.string().min(1).max(4096), dryRun: z.boolean().optional() }),
    output: CatalogImportResultSchema,
    summary: 'Replace the catalog from a CSV file on this machine (kassa catalog import FILE [--dry-run]).',
    roles: OPERATOR_ONLY,
  }),
  'catalog:export-file': channel({
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.object({ exported: z.number().int() }),
    summary:
      'Write the catalog to a CSV file on this machine that catalog:import-file reads back (kassa catalog export FILE).',
    roles: OPERATOR_ONLY,
  }),
} as const;

export const saleEvents = {
  /** The whole sale view after every change (lines, status, or one of its payments). */
  'sale:updated': event(SaleViewSchema, ['cashier']),
  /** A running catalog import: rows checked so far and bytes read of the file (Settings shows a progress line). */
  'catalog:import-progress': event(CatalogImportProgressSchema, ['cashier']),
} as const;
