/**
 * Devices and scans (docs/architecture.md §10): the Settings → Devices page lists HID devices and selects
 * scanners; every scan — HID POS (read in main) or keyboard wedge (decoded in the renderer, sent with
 * scan:submit) — goes through the one router in main, which tells the cashier page with `scan:routed` which
 * screen handles it.
 *
 * qrData: a receipt QR scanned on the sale/idle screen is routed to 'approval' and the event carries the digits,
 * because the approval screen must show/submit it from memory (approval:start / approval:scan-receipt). It is
 * never logged, stored, or echoed in a channel output.
 */
import { z } from 'zod';
import { channel, event } from '../channel';
import type { ClassifiedCode, Symbology } from '../codes';

// --- Classified codes (shared/codes.ts as a schema) -------------------------------------------------------------

export const SYMBOLOGIES = [
  'ean13',
  'ean8',
  'upca',
  'upce',
  'code128',
  'gs1-128',
  'code39',
  'itf',
  'qr',
  'datamatrix',
  'pdf417',
  'gs1-databar',
  'other',
] as const satisfies readonly Symbology[];
export const SymbologySchema = z.enum(SYMBOLOGIES);

const PhoneCountrySchema = z.enum(['MN', 'GE', 'UZ']);

export const ClassifiedCodeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ean13'), code: z.string() }),
  z.object({ kind: z.literal('ean8'), code: z.string() }),
  z.object({ kind: z.literal('upca'), code: z.string(), gtin13: z.string() }),
  z.object({
    kind: z.enum(['weight', 'price']),
    code: z.string(),
    prefix: z.string(),
    itemCode: z.string(),
    value: z.number().int(),
    lookupCode: z.string(),
  }),
  z.object({
    kind: z.literal('invalid-checksum'),
    code: z.string(),
    symbology: z.enum(['ean13', 'ean8', 'upca']),
    expected: z.number().int(),
    actual: z.number().int(),
  }),
  z.object({ kind: z.literal('ebarimt-qr'), qrData: z.string() }),
  z.object({ kind: z.literal('customer-no'), customerNo: z.string() }),
  z.object({ kind: z.literal('regno'), regNo: z.string() }),
  z.object({ kind: z.literal('phone'), country: PhoneCountrySchema, national: z.string(), e164: z.string() }),
  z.object({ kind: z.literal('unknown'), text: z.string() }),
]);

// The schema and shared/codes.ts must describe the same union, both ways.
type SchemaCode = z.infer<typeof ClassifiedCodeSchema>;
type _CodeToSchema = ClassifiedCode extends SchemaCode ? true : never;
type _SchemaToCode = SchemaCode extends ClassifiedCode ? true : never;
const _codeMatchesSchema: [_CodeToSchema, _SchemaToCode] = [true, true];

// --- Screens and routing ----------------------------------------------------------------------------------------

/** The cashier screens the router knows. 'idle' = nothing open that takes scans. */
export const SCAN_SCREENS = ['sale', 'payment', 'approval', 'settings', 'idle'] as const;
export const ScanScreenSchema = z.enum(SCAN_SCREENS);
export type ScanScreen = z.infer<typeof ScanScreenSchema>;

export const ScanRoutedSchema = z.object({
  /** The screen that should handle the scan. 'approval' with `via: 'open-approval'` means: open it now. */
  screen: ScanScreenSchema,
  /**
   * active: the screen the renderer said is active (scan:set-screen) · idle: no screen takes scans ·
   * open-approval: a receipt QR on a screen that does not take receipts (sale, idle) — the cashier page opens the
   * approval screen with this receipt (approval:start { qrData }).
   */
  via: z.enum(['active', 'idle', 'open-approval']),
  code: ClassifiedCodeSchema,
  source: z.enum(['hid', 'wedge']),
  symbology: SymbologySchema.nullable(),
  /** Selection key of the HID scanner, or 'keyboard' for wedge scans. */
  deviceId: z.string(),
  /** Epoch ms. */
  at: z.number(),
});
export type ScanRouted = z.infer<typeof ScanRoutedSchema>;

/** Printable ASCII: what a wedge decode (US map) can produce. No control characters, no terminator. */
export const WedgeScanTextSchema = z
  .string()
  .min(1, 'empty scan')
  .max(4096, 'a scan is at most 4096 characters')
  .regex(/^[\x20-\x7e]+$/, 'a wedge scan is printable ASCII only');

// --- Device list and status -------------------------------------------------------------------------------------

/** `vid:pid[:usagePage]` in lower-case hex (electron/devices/hid.ts hidDeviceKey). */
export const DeviceKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{4}:[0-9a-f]{4}(:[0-9a-f]{2,4})?$/, 'a device key is vid:pid or vid:pid:usagePage in hex');

export const DeviceStatusSchema = z.object({
  state: z.enum(['connected', 'disconnected', 'error']),
  /** Why it is disconnected / in error, for the cashier (libusb missing, permissions, unplugged). */
  message: z.string().nullable(),
});
export type DeviceStatusView = z.infer<typeof DeviceStatusSchema>;

export const DeviceEntrySchema = z.object({
  /** Selection key; devices:select / devices:deselect take it. */
  id: z.string(),
  /** Product name from the device, or the label saved with the selection, or the key. */
  name: z.string(),
  manufacturer: z.string().nullable(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  usagePage: z.number().int().nullable(),
  /** OS path when present. */
  path: z.string().nullable(),
  /** scanner: HID POS usage page or a selected scanner · pole: the configured HID pole display. */
  kind: z.enum(['scanner', 'pole', 'other']),
  selected: z.boolean(),
  /** Plugged in now (as of this enumeration). */
  present: z.boolean(),
  /** Selected scanners only; null for devices Kassa does not use. */
  status: DeviceStatusSchema.nullable(),
});
export type DeviceEntry = z.infer<typeof DeviceEntrySchema>;

export const HidAvailabilitySchema = z.object({
  /** False when node-hid cannot load (libusb missing) or enumeration fails. */
  available: z.boolean(),
  /** What to do about it (e.g. sudo apt install libusb-1.0-0), null when fine. */
  message: z.string().nullable(),
});

export const DevicesViewSchema = z.object({
  hid: HidAvailabilitySchema,
  /** USB plug/unplug events are followed; false → use devices:rescan after plugging a scanner. */
  hotplug: z.boolean(),
  devices: z.array(DeviceEntrySchema),
});
export type DevicesView = z.infer<typeof DevicesViewSchema>;

/** Pushed when a selected scanner's status changes; no enumeration behind it (selected scanners only). */
export const DevicesStatusSchema = z.object({
  hid: HidAvailabilitySchema,
  hotplug: z.boolean(),
  scanners: z.array(DeviceEntrySchema),
});
export type DevicesStatus = z.infer<typeof DevicesStatusSchema>;

// --- Channels ---------------------------------------------------------------------------------------------------

const Empty = z.strictObject({});

export const devicesChannels = {
  'devices:list': channel({
    input: Empty,
    output: DevicesViewSchema,
    summary: 'HID devices present and selected scanners with their status (and whether HID works at all).',
  }),
  'devices:select': channel({
    input: z.strictObject({ id: DeviceKeySchema, label: z.string().trim().max(80).optional() }),
    output: DevicesViewSchema,
    summary: 'Use a HID device as a scanner (key vid:pid[:usagePage]); remembered across restarts.',
  }),
  'devices:deselect': channel({
    input: z.strictObject({ id: DeviceKeySchema }),
    output: DevicesViewSchema,
    summary: 'Stop using a HID scanner.',
  }),
  'devices:rescan': channel({
    input: Empty,
    output: DevicesViewSchema,
    summary: 'Enumerate HID devices now (when hot-plug is unavailable, after plugging a scanner).',
  }),
  'scan:submit': channel({
    input: z.strictObject({ text: WedgeScanTextSchema, source: z.literal('wedge') }),
    // Never echoes the text (it may be a receipt QR); the routed scan arrives as scan:routed.
    output: z.object({ screen: ScanScreenSchema, via: ScanRoutedSchema.shape.via, kind: z.string() }),
    summary: 'A keyboard-wedge scan decoded by the cashier page; routed like a HID scan (scan:routed).',
  }),
  'scan:set-screen': channel({
    input: z.strictObject({
      screen: ScanScreenSchema,
      /** How to read 8/12-digit codes; default 'identity' on approval, 'product' elsewhere. */
      prefer: z.enum(['product', 'identity']).optional(),
    }),
    output: z.object({ screen: ScanScreenSchema }),
    summary: 'Which cashier screen is active; the scan router delivers scans to it.',
  }),
} as const;

export const devicesEvents = {
  'scan:routed': event(ScanRoutedSchema, ['cashier']),
  'devices:status': event(DevicesStatusSchema, ['cashier']),
} as const;

export type DeviceChannels = typeof devicesChannels;
export type DeviceChannelName = keyof DeviceChannels;
export type DeviceEventName = keyof typeof devicesEvents;
