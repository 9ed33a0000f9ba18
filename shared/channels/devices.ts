/**
 * Devices (docs/architecture.md §10): the Settings → Devices page lists HID devices and selects scanners, and
 * follows their status. What scans do is shared/channels/scan.ts.
 */
import { z } from 'zod';
import { channel, event } from '../channel';
import { freeText } from '../text';
import type { Symbology } from '../codes';

// --- Symbologies ------------------------------------------------------------------------------------------------

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
    input: z.strictObject({ id: DeviceKeySchema, label: freeText({ max: 80 }).optional() }),
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
} as const;

export const devicesEvents = {
  'devices:status': event(DevicesStatusSchema, ['cashier']),
} as const;

export type DeviceChannels = typeof devicesChannels;
export type DeviceChannelName = keyof DeviceChannels;
export type DeviceEventName = keyof typeof devicesEvents;
