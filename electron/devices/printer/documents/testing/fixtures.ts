/**
 * Documents for the golden tests, one per receipt language, with names and sellers in that language. The
 * amounts are minor units of the sample's currency (3500 is 3 500 MNT or 35.00 GEL). The qrData here is a made-up 200-digit number shaped like eBarimt's (providers-mongolia.md §1.5), not a real one.
 */
import { money, type CurrencyCode } from '../../../../../shared/money';
import type { ReceiptLocale } from '../catalog';
import type { RefundSlip, SaleReceipt, Seller, ShiftReport } from '../model';

export const AT = Date.UTC(2026, 10, 30, 16, 5, 9);

export const QR_DATA = Array.from({ length: 200 }, (_, i) => String((i * 7 + 3) % 10)).join('');
export const RECEIPT_ID = '030012345678901234567890123456789';
export const LOTTERY = 'AB 12345678';

interface LocaleSample {
  seller: Seller;
  timeZone: string;
  currency: CurrencyCode;
  items: [string, string, string];
  cashier: string;
  ebarimt: boolean;
}

export const SAMPLES: Readonly<Record<ReceiptLocale, LocaleSample>> = {
  mn: {
    seller: { name: 'Өглөөний Дэлгүүр ХХК', tin: '5012345', address: 'УБ, СБД, 1-р хороо, Өнөр 12' },
    timeZone: 'Asia/Ulaanbaatar',
    currency: 'MNT',
    items: ['Сүү 1л', 'Талх, үйлдвэрийн цагаан, 500 гр', 'Өндөг'],
    cashier: 'Болд',
    ebarimt: true,
  },
  en: {
    seller: { name: 'Morning Store LLC', tin: '5012345', address: 'Ulaanbaatar, Sukhbaatar 1, Onor 12' },
    timeZone: 'Asia/Ulaanbaatar',
    currency: 'MNT',
    items: ['Milk 1l', 'White bread, factory made, 500 g', 'Eggs'],
    cashier: 'Bold',
    ebarimt: true,
  },
  ka: {
    seller: { name: 'დილის მაღაზია', tin: '404123456', address: 'თბილისი, რუსთაველის 12' },
    timeZone: 'Asia/Tbilisi',
    currency: 'GEL',
    items: ['რძე 1ლ', 'თეთრი პური, 500 გ', 'კვერცხი'],
    cashier: 'ნინო',
    ebarimt: false,
  },
  uz: {
    seller: { name: 'Tong Do‘koni MChJ', tin: '301234567', address: 'Toshkent, Amir Temur 12' },
    timeZone: 'Asia/Tashkent',
    currency: 'UZS',
    items: ['Sut 1l', 'Оқ нон, ғишт, 500 г', 'Tuxum'],
    cashier: 'Ҳилола',
    ebarimt: false,
  },
  ru: {
    seller: { name: 'Утренний магазин ООО', tin: '5012345', address: 'Улан-Батор, Сухэ-Батор 1, д. 12' },
    timeZone: 'Asia/Ulaanbaatar',
    currency: 'MNT',
    items: ['Молоко 1л', 'Хлеб белый заводской, 500 г', 'Яйца'],
    cashier: 'Ёлкина',
    ebarimt: true,
  },
};

export function saleReceiptFor(locale: ReceiptLocale, copy?: 'copy' | 'reprint'): SaleReceipt {
  const s = SAMPLES[locale];
  const m = (n: number) => money(n, s.currency);
  return {
    locale,
    seller: s.seller,
    time: { at: AT, timeZone: s.timeZone },
    saleNumber: 'S-000123',
    cashier: s.cashier,
    lines: [
      { name: s.items[0], quantityThousandths: 2000, unitPrice: m(3500), total: m(7000) },
      { name: s.items[1], quantityThousandths: 1000, unitPrice: m(2800), total: m(2300), discount: m(500) },
      { name: s.items[2], quantityThousandths: 1250, unitPrice: m(12000), total: m(15000) },
    ],
    saleDiscount: m(300),
    vat: m(2182),
    ...(s.currency === 'MNT' ? { cityTax: m(218) } : {}),
    total: m(24000),
    payments: [
      { method: 'cash', amount: m(20000) },
      { method: 'socialpay.qr', amount: m(5000) },
    ],
    change: m(1000),
    ...(s.ebarimt ? { ebarimt: { receiptId: RECEIPT_ID, lottery: LOTTERY, qrData: QR_DATA } } : {}),
    ...(copy === undefined ? {} : { copy }),
  };
}

export function refundSlipFor(locale: ReceiptLocale): RefundSlip {
  const s = SAMPLES[locale];
  const m = (n: number) => money(n, s.currency);
  return {
    locale,
    seller: s.seller,
    time: { at: AT + 3_600_000, timeZone: s.timeZone },
    saleNumber: 'S-000123',
    saleTime: { at: AT, timeZone: s.timeZone },
    refundNumber: 'R-000007',
    cashier: s.cashier,
    lines: [{ name: s.items[0], quantityThousandths: 1000, unitPrice: m(3500), total: m(3500) }],
    amount: m(3500),
    method: 'cash',
    ...(s.ebarimt ? { ebarimtReceiptId: RECEIPT_ID } : {}),
  };
}

export function shiftReportFor(locale: ReceiptLocale, kind: 'x' | 'z' = 'x'): ShiftReport {
  const s = SAMPLES[locale];
  const m = (n: number) => money(n, s.currency);
  return {
    kind,
    locale,
    seller: s.seller,
    time: { at: AT + 7_200_000, timeZone: s.timeZone },
    from: AT - 8 * 3_600_000,
    to: AT + 7_200_000,
    shiftNumber: '#42',
    cashier: s.cashier,
    sales: { count: 57, amount: m(1_254_300) },
    refunds: { count: 2, amount: m(7_000) },
    byMethod: [
      { method: 'cash', count: 40, amount: m(800_300) },
      { method: 'socialpay.qr', count: 15, amount: m(400_000) },
      { method: 'pocket.qr', count: 2, amount: m(47_000) },
    ],
    resolved: { count: 1, amount: m(25_000) },
    vat: m(113_391),
    ...(s.currency === 'MNT' ? { cityTax: m(11_339) } : {}),
    net: m(1_247_300),
  };
}
