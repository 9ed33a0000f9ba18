import { z } from 'zod';
import type { EmbeddedRule } from '../codes';

/**
 * Device settings (docs/architecture.md §10, docs/devices.md): keyboard-wedge timing, in-store weight/price
 * barcodes and the pole display. Which HID scanners are selected is *not* here: that list lives in its own
 * file in the data dir (electron/devices/selection-store.ts), so saving the Settings screen can never drop a
 * scanner selection.
 */

/** Keyboard-wedge decoder tuning (shared/keyboard/wedge.ts); the renderer reads it through settings:get. */
export const WedgeSettingsSchema = z
  .strictObject({
    /** Capture wedge scans at all (off: every key reaches the page as typed). */
    enabled: z.boolean().default(true),
    /** Largest gap between two keys of one scan, ms. Scanners type at 1–20 ms; people at 80 ms and more. */
    maxGapMs: z.number().int().min(10).max(200).default(50),
    /** Shortest scan, in characters. */
    minLength: z.number().int().min(2).max(64).default(6),
  })
  .prefault({});
export type WedgeSettings = z.infer<typeof WedgeSettingsSchema>;

/** One in-store EAN-13 rule with an embedded weight or price (shared/codes.ts `EmbeddedRule`). */
export const EmbeddedRuleSchema = z
  .strictObject({
    /** The EAN-13 prefix, e.g. '20'–'29' (GS1 restricted circulation numbers) or '2'. */
    prefix: z.string().regex(/^\d{1,3}$/, 'one to three digits'),
    kind: z.enum(['weight', 'price']),
    itemCodeDigits: z.number().int().min(1).max(10),
    valueDigits: z.number().int().min(1).max(10),
  })
  .refine(
    (r) => r.prefix.length + r.itemCodeDigits + r.valueDigits <= 12,
    'prefix + item code + value digits must fit in the 12 data digits of an EAN-13',
  ) satisfies z.ZodType<EmbeddedRule>;

export const BarcodeSettingsSchema = z
  .strictObject({
    /** Tried in order; none by default (every EAN-13 is then a plain EAN-13). */
    embedded: z.array(EmbeddedRuleSchema).max(20).default([]),
  })
  .prefault({});
export type BarcodeSettings = z.infer<typeof BarcodeSettingsSchema>;

export const POLE_BAUD_RATES = [2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const PoleSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** The display's emulation (DIP switches): Epson ESC/POS display mode or CD5220. */
    commandSet: z.enum(['epson', 'cd5220']).default('epson'),
    /** Most "USB" pole displays are USB-serial; a few are vendor HID devices. */
    transport: z.enum(['serial', 'hid']).default('serial'),
    /** Serial port (/dev/ttyUSB0, COM3) or HID path (/dev/hidraw4); empty until the installer sets it. */
    path: z.string().trim().max(260).default(''),
    baudRate: z
      .number()
      .int()
      .refine((n) => (POLE_BAUD_RATES as readonly number[]).includes(n), 'not a standard baud rate')
      .default(9600),
    /** Cyrillic as code page 866 (display must support it) or written in Latin letters. */
    cyrillic: z.enum(['cp866', 'transliterate']).default('transliterate'),
  })
  .prefault({});
export type PoleSettings = z.infer<typeof PoleSettingsSchema>;

export const DeviceSettingsSchema = z
  .strictObject({
    wedge: WedgeSettingsSchema,
    barcodes: BarcodeSettingsSchema,
    pole: PoleSettingsSchema,
  })
  .prefault({});
export type DeviceSettings = z.infer<typeof DeviceSettingsSchema>;

export function defaultDeviceSettings(): DeviceSettings {
  return DeviceSettingsSchema.parse(undefined);
}
