/**
 * The words printed on receipts, slips and reports in the five receipt languages. The renderer's i18n catalogs
 * are not reachable from main, so the printer has its own small one (Mongolian terms as on the cashier screen:
 * НӨАТ, НХАТ, Хариулт). Georgian prints as a raster image or transliterated (docs/printing.md).
 */
import type { PaymentMethod } from '../../../../shared/domain';

import { RECEIPT_LOCALES, type ReceiptLocale } from '../../../../shared/settings/printer';

export { RECEIPT_LOCALES, type ReceiptLocale };

export interface ReceiptWords {
  tin: string;
  address: string;
  time: string;
  sale: string;
  cashier: string;
  discount: string;
  saleDiscount: string;
  vat: string;
  cityTax: string;
  total: string;
  change: string;
  receiptId: string;
  lottery: string;
  copy: string;
  reprint: string;
  refundSlip: string;
  refundOf: string;
  refunded: string;
  xReport: string;
  zReport: string;
  period: string;
  sales: string;
  refunds: string;
  net: string;
  payments: string;
  resolved: string;
  count: string;
  methods: Readonly<Record<PaymentMethod, string>>;
}

const METHODS_LATIN: Omit<Record<PaymentMethod, string>, 'cash' | 'baas.microloan'> = {
  'socialpay.qr': 'SocialPay QR',
  'socialpay.deeplink': 'SocialPay app',
  'socialpay.phone': 'SocialPay phone',
  'pocket.qr': 'Pocket QR',
  'bog.qr': 'BOG QR',
};

export const RECEIPT_WORDS: Readonly<Record<ReceiptLocale, ReceiptWords>> = {
  mn: {
    tin: 'ТТД',
    address: 'Хаяг',
    time: 'Огноо',
    sale: 'Борлуулалт',
    cashier: 'Кассчин',
    discount: 'Хөнгөлөлт',
    saleDiscount: 'Нийт хөнгөлөлт',
    vat: 'НӨАТ',
    cityTax: 'НХАТ',
    total: 'Нийт дүн',
    change: 'Хариулт',
    receiptId: 'ДДТД',
    lottery: 'Сугалаа',
    copy: 'ХУУЛБАР',
    reprint: 'ДАХИН ХЭВЛЭСЭН',
    refundSlip: 'Буцаалт',
    refundOf: 'Борлуулалт',
    refunded: 'Буцаасан дүн',
    xReport: 'X тайлан',
    zReport: 'Z тайлан',
    period: 'Хугацаа',
    sales: 'Борлуулалт',
    refunds: 'Буцаалт',
    net: 'Цэвэр дүн',
    payments: 'Төлбөрийн хэлбэр',
    resolved: 'Шийдвэрлэсэн төлбөр',
    count: 'тоо',
    methods: { ...METHODS_LATIN, cash: 'Бэлэн мөнгө', 'baas.microloan': 'Бичил зээл' },
  },
  en: {
    tin: 'TIN',
    address: 'Address',
    time: 'Date',
    sale: 'Sale',
    cashier: 'Cashier',
    discount: 'Discount',
    saleDiscount: 'Sale discount',
    vat: 'VAT',
    cityTax: 'City tax',
    total: 'Total',
    change: 'Change',
    receiptId: 'Receipt ID',
    lottery: 'Lottery',
    copy: 'COPY',
    reprint: 'REPRINT',
    refundSlip: 'Refund',
    refundOf: 'Sale',
    refunded: 'Refunded',
    xReport: 'X report',
    zReport: 'Z report',
    period: 'Period',
    sales: 'Sales',
    refunds: 'Refunds',
    net: 'Net',
    payments: 'Payments',
    resolved: 'Resolved payments',
    count: 'count',
    methods: { ...METHODS_LATIN, cash: 'Cash', 'baas.microloan': 'Microloan' },
  },
  ka: {
    tin: 'ს/კ',
    address: 'მისამართი',
    time: 'თარიღი',
    sale: 'გაყიდვა',
    cashier: 'მოლარე',
    discount: 'ფასდაკლება',
    saleDiscount: 'ჯამური ფასდაკლება',
    vat: 'დღგ',
    cityTax: 'ქალაქის გადასახადი',
    total: 'ჯამი',
    change: 'ხურდა',
    receiptId: 'ჩეკის ID',
    lottery: 'ლატარია',
    copy: 'ასლი',
    reprint: 'ხელახლა ბეჭდვა',
    refundSlip: 'დაბრუნება',
    refundOf: 'გაყიდვა',
    refunded: 'დაბრუნებული',
    xReport: 'X ანგარიში',
    zReport: 'Z ანგარიში',
    period: 'პერიოდი',
    sales: 'გაყიდვები',
    refunds: 'დაბრუნებები',
    net: 'წმინდა',
    payments: 'გადახდები',
    resolved: 'დადასტურებული გადახდები',
    count: 'რაოდ.',
    methods: { ...METHODS_LATIN, cash: 'ნაღდი', 'baas.microloan': 'მიკროსესხი' },
  },
  uz: {
    tin: 'STIR',
    address: 'Manzil',
    time: 'Sana',
    sale: 'Savdo',
    cashier: 'Kassir',
    discount: 'Chegirma',
    saleDiscount: 'Umumiy chegirma',
    vat: 'QQS',
    cityTax: 'Shahar solig‘i',
    total: 'Jami',
    change: 'Qaytim',
    receiptId: 'Chek ID',
    lottery: 'Lotereya',
    copy: 'NUSXA',
    reprint: 'QAYTA CHOP',
    refundSlip: 'Qaytarish',
    refundOf: 'Savdo',
    refunded: 'Qaytarildi',
    xReport: 'X hisobot',
    zReport: 'Z hisobot',
    period: 'Davr',
    sales: 'Savdolar',
    refunds: 'Qaytarishlar',
    net: 'Sof',
    payments: 'To‘lovlar',
    resolved: 'Hal qilingan to‘lovlar',
    count: 'soni',
    methods: { ...METHODS_LATIN, cash: 'Naqd', 'baas.microloan': 'Mikroqarz' },
  },
  ru: {
    tin: 'ИНН',
    address: 'Адрес',
    time: 'Дата',
    sale: 'Продажа',
    cashier: 'Кассир',
    discount: 'Скидка',
    saleDiscount: 'Скидка на чек',
    vat: 'НДС',
    cityTax: 'Городской налог',
    total: 'Итого',
    change: 'Сдача',
    receiptId: 'Номер чека',
    lottery: 'Лотерея',
    copy: 'КОПИЯ',
    reprint: 'ПОВТОРНАЯ ПЕЧАТЬ',
    refundSlip: 'Возврат',
    refundOf: 'Продажа',
    refunded: 'Возвращено',
    xReport: 'X-отчёт',
    zReport: 'Z-отчёт',
    period: 'Период',
    sales: 'Продажи',
    refunds: 'Возвраты',
    net: 'Итого за период',
    payments: 'Оплаты',
    resolved: 'Разрешённые платежи',
    count: 'кол.',
    methods: { ...METHODS_LATIN, cash: 'Наличные', 'baas.microloan': 'Микрозайм' },
  },
};
