/**
 * The receipt printer and the cash drawer (docs/printing.md): its state for the cashier's banner, printing and
 * reprinting receipts and the X report, a manager's "open drawer", and the settings screen's list and test print.
 * Receipts are built and printed by main; the page only asks and shows.
 */
import { z } from 'zod';
import { MANAGER_ONLY, channel, event } from '../channel';
import { SaleIdSchema } from '../ids';
import { PrinterConnectionSchema, PrinterProfileSchema } from '../settings/printer';
import { freeText } from '../text';

export const PRINTER_STATES = [
  /** No printer is set up (settings: none). */
  'off',
  'ready',
  'printing',
  'paper-out',
  'cover-open',
  /** The printer answers that it is offline (error, paper feed held, …). */
  'offline',
  /** No answer: unplugged, switched off, wrong address. */
  'unreachable',
] as const;
export const PrinterStateSchema = z.enum(PRINTER_STATES);
export type PrinterStateName = z.infer<typeof PrinterStateSchema>;

export const PrinterStatusSchema = z.object({
  state: PrinterStateSchema,
  /** How the printer is reached, for the banner ("USB 0416:5011", "192.168.1.50:9100"); null when off. */
  label: z.string().nullable(),
  /** Documents waiting to be printed, oldest first (what they are, never their content). */
  waiting: z.array(z.object({ id: z.string(), label: z.string() })),
  /** The paper is nearly out (the printer's sensor): print on, but change the roll soon. */
  paperLow: z.boolean(),
  /**
   * The last document that was sent but not confirmed by the printer (the link went silent): the cashier looks
   * at the paper and reprints if it is missing. Null when there is none.
   */
  unconfirmed: z.object({ id: z.string(), label: z.string(), saleId: z.string().nullable() }).nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const PrinterListSchema = z.object({
  /** USB printer-class devices (`usb` package); `available` false when libusb cannot load. */
  usb: z.object({
    available: z.boolean(),
    printers: z.array(
      z.object({
        vendorId: z.number().int(),
        productId: z.number().int(),
        serialNumber: z.string().nullable(),
        name: z.string(),
      }),
    ),
  }),
  /** Serial ports (`serialport`). */
  serial: z.array(z.object({ path: z.string(), name: z.string() })),
  /** The operating system's printers (Electron only; empty elsewhere). */
  system: z.array(z.object({ name: z.string(), isDefault: z.boolean() })),
});
export type PrinterList = z.infer<typeof PrinterListSchema>;

const Empty = z.strictObject({});

export const printerChannels = {
  'printer:status': channel({
    input: Empty,
    output: PrinterStatusSchema,
    summary:
      'The receipt printer’s state (paper out, cover open, offline, unreachable) and what waits to print.',
  }),
  'printer:print-receipt': channel({
    input: z.strictObject({ saleId: SaleIdSchema }),
    output: PrinterStatusSchema,
    summary:
      'Print a paid sale’s receipt again (a copy; with the eBarimt QR and lottery while this run holds them).',
  }),
  'printer:print-report': channel({
    input: z.strictObject({ shiftId: z.string().min(1).max(64).optional() }),
    output: PrinterStatusSchema,
    summary: 'Print the X report of today (or of a shift) on the receipt printer.',
  }),
  'printer:open-drawer': channel({
    input: z.strictObject({ reason: freeText({ min: 1, max: 200, minMessage: 'say why' }) }),
    output: PrinterStatusSchema,
    summary: 'Open the cash drawer without a sale; journaled with who and why.',
    roles: MANAGER_ONLY,
  }),
  'printer:test': channel({
    input: z.strictObject({
      /** The connection and profile on the settings screen, before they are saved; default: the saved ones. */
      connection: PrinterConnectionSchema.optional(),
      profile: PrinterProfileSchema.optional(),
    }),
    output: z.object({ state: PrinterStateSchema, printed: z.boolean() }),
    summary: 'Print a test page (every receipt language, the QR) and report whether the printer took it.',
    roles: MANAGER_ONLY,
  }),
  'printer:list': channel({
    input: Empty,
    output: PrinterListSchema,
    summary: 'USB printers, serial ports and the system’s printers this till can use.',
    roles: MANAGER_ONLY,
  }),
} as const;

export const printerEvents = {
  'printer:status': event(PrinterStatusSchema, ['cashier']),
} as const;
