/**
 * The receipt printer and its cash drawer (docs/printing.md, docs/printing-transports.md): where the printer is,
 * what it can print (paper, code page, Georgian), in which language receipts are printed, and when the drawer
 * opens. A trust boundary: read from the settings file and from settings:set.
 */
import { z } from 'zod';
import { freeText } from '../text';

export const PRINTER_BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;
export const RECEIPT_LOCALES = ['mn', 'en', 'ka', 'uz', 'ru'] as const;
export const ReceiptLocaleSchema = z.enum(RECEIPT_LOCALES);
export type ReceiptLocale = z.infer<typeof ReceiptLocaleSchema>;

const hostName = z
  .string()
  .trim()
  .min(1, 'the printer’s IP address or host name')
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'an IP address or host name (letters, digits, dots, dashes)');

const usbId = z.number().int().min(0).max(0xffff);

/** Where the printer is. `none`: no printer; `system`: a printer of the operating system (Electron only). */
export const PrinterConnectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('tcp'),
    host: hostName,
    port: z.number().int().min(1).max(65_535).default(9100),
  }),
  z.strictObject({
    kind: z.literal('serial'),
    path: z.string().trim().min(1, 'the serial port, e.g. /dev/ttyUSB0 or COM3').max(260),
    baudRate: z
      .number()
      .int()
      .refine((n) => (PRINTER_BAUD_RATES as readonly number[]).includes(n), 'not a standard baud rate')
      .default(19200),
  }),
  z.strictObject({
    kind: z.literal('usb'),
    vendorId: usbId,
    productId: usbId,
    serialNumber: z.string().trim().min(1).max(126).optional(),
  }),
  z.strictObject({
    kind: z.literal('system'),
    deviceName: freeText({ min: 1, max: 200, minMessage: 'choose a printer' }),
  }),
]);
export type PrinterConnectionSetting = z.infer<typeof PrinterConnectionSchema>;

/** What the documents need to know about the printer (electron/devices/printer/escpos/profile.ts). */
export const PrinterProfileSchema = z.strictObject({
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  /** The Cyrillic code page the printer has (its self-test page lists them). */
  codePage: z.enum(['cp866', 'wpc1251']),
  /** 'raster': Georgian lines are drawn as a bitmap (GS v 0); 'transliterate': written in Latin letters. */
  georgian: z.enum(['raster', 'transliterate']),
  /**
   * Mongolian Ө Ү and Uzbek Қ Ғ Ҳ, which neither code page has: 'substitute' (default) prints the nearest letter
   * (О У К Г Х) as text; 'raster' draws the lines holding them as an image, letter-true but slower and larger.
   */
  cyrillicExtras: z.enum(['substitute', 'raster']).optional(),
  /**
   * The `ESC t n` number of the code page when the printer's table differs from Epson's (PC866 = 17,
   * WPC1251 = 46). Many clones use other numbers; the self-test page of the printer lists them.
   */
  codePageNumber: z.number().int().min(0).max(255).optional(),
});
export type PrinterProfileSetting = z.infer<typeof PrinterProfileSchema>;

export const CashDrawerSettingsSchema = z
  .strictObject({
    /** Open the drawer when a cash payment is taken (and for a cash refund). */
    kickOnCash: z.boolean().default(true),
    /** The printer's drawer connector pin the drawer is wired to (most: pin 2). */
    pin: z.union([z.literal(2), z.literal(5)]).default(2),
  })
  .prefault({});

export const PrinterSettingsSchema = z
  .strictObject({
    connection: PrinterConnectionSchema.default({ kind: 'none' }),
    profile: PrinterProfileSchema.default({ paperWidth: 80, codePage: 'cp866', georgian: 'raster' }),
    /** The receipt's language; `auto`: the country's (mn, ka, uz). */
    locale: z.union([z.literal('auto'), ReceiptLocaleSchema]).default('auto'),
    /** Print the receipt by itself once a sale is paid (and its eBarimt receipt issued); refund slips too. */
    autoPrint: z.boolean().default(true),
    drawer: CashDrawerSettingsSchema,
  })
  .prefault({});
export type PrinterSettings = z.infer<typeof PrinterSettingsSchema>;
