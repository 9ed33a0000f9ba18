/**
 * The sandbox profile's demo catalog, one per country. Barcodes are real-format EAN-13 with valid check digits
 * (GS1 prefixes 865 Mongolia, 486 Georgia, 478 Uzbekistan; 20… = in-store weight items, stored as the lookup
 * code with the weight digits zeroed, as shared/codes.ts produces it). Prices are tax-inclusive minor units.
 */
import type { Product } from '../../shared/channels/sale';
import type { Country } from '../../shared/settings';

const MN: Product[] = [
  {
    sku: 'MN-MILK-1L',
    barcode: '8650001000015',
    name: 'Сүү 1 л',
    price: 4_500,
    currency: 'MNT',
    measure: 'each',
    vatBasisPoints: 1000,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'MN-BREAD',
    barcode: '8650001000022',
    name: 'Талх',
    price: 2_800,
    currency: 'MNT',
    measure: 'each',
    vatBasisPoints: 1000,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'MN-WATER-05',
    barcode: '8650001000039',
    name: 'Ус 0.5 л',
    price: 1_200,
    currency: 'MNT',
    measure: 'each',
    vatBasisPoints: 1000,
    cityTaxBasisPoints: 0,
  },
  // Alcohol carries the Ulaanbaatar city tax (НХАТ) on top of VAT.
  {
    sku: 'MN-VODKA-05',
    barcode: '8650001000046',
    name: 'Архи 0.5 л',
    price: 32_000,
    currency: 'MNT',
    measure: 'each',
    vatBasisPoints: 1000,
    cityTaxBasisPoints: 100,
  },
  {
    sku: 'MN-BUUZ',
    barcode: '8650001000053',
    name: 'Бууз',
    price: 1_500,
    currency: 'MNT',
    measure: 'each',
    vatBasisPoints: 1000,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'MN-APPLE-KG',
    barcode: '2000001000007',
    name: 'Алим (кг)',
    price: 6_500,
    currency: 'MNT',
    measure: 'weight',
    vatBasisPoints: 1000,
    cityTaxBasisPoints: 0,
  },
];

const GE: Product[] = [
  {
    sku: 'GE-KHACH',
    barcode: '4860002000011',
    name: 'ხაჭაპური',
    price: 850,
    currency: 'GEL',
    measure: 'each',
    vatBasisPoints: 1800,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'GE-BORJOMI',
    barcode: '4860002000028',
    name: 'ბორჯომი 0.5 ლ',
    price: 250,
    currency: 'GEL',
    measure: 'each',
    vatBasisPoints: 1800,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'GE-CHURCH',
    barcode: '4860002000035',
    name: 'ჩურჩხელა',
    price: 400,
    currency: 'GEL',
    measure: 'each',
    vatBasisPoints: 1800,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'GE-SAPERAVI',
    barcode: '4860002000042',
    name: 'საფერავი 0.75 ლ',
    price: 2_200,
    currency: 'GEL',
    measure: 'each',
    vatBasisPoints: 1800,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'GE-TOMATO-KG',
    barcode: '2000002000006',
    name: 'პომიდორი (კგ)',
    price: 480,
    currency: 'GEL',
    measure: 'weight',
    vatBasisPoints: 1800,
    cityTaxBasisPoints: 0,
  },
];

const UZ: Product[] = [
  {
    sku: 'UZ-NON',
    barcode: '4780003000011',
    name: 'Non',
    price: 4_000,
    currency: 'UZS',
    measure: 'each',
    vatBasisPoints: 1200,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'UZ-PLOV',
    barcode: '4780003000028',
    name: 'Osh (plov)',
    price: 35_000,
    currency: 'UZS',
    measure: 'each',
    vatBasisPoints: 1200,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'UZ-TEA',
    barcode: '4780003000035',
    name: "Ko'k choy",
    price: 12_000,
    currency: 'UZS',
    measure: 'each',
    vatBasisPoints: 1200,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'UZ-WATER-15',
    barcode: '4780003000042',
    name: 'Suv 1.5 l',
    price: 5_000,
    currency: 'UZS',
    measure: 'each',
    vatBasisPoints: 1200,
    cityTaxBasisPoints: 0,
  },
  {
    sku: 'UZ-MELON-KG',
    barcode: '2000003000005',
    name: 'Qovun (kg)',
    price: 9_000,
    currency: 'UZS',
    measure: 'weight',
    vatBasisPoints: 1200,
    cityTaxBasisPoints: 0,
  },
];

export const DEMO_CATALOG: Readonly<Record<Country, readonly Product[]>> = { MN, GE, UZ };
