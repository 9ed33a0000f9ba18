/**
 * The HID seam. `HidBackend` is what the device manager and the HID pole transport use; the real one wraps
 * node-hid's async API (`devicesAsync`, `HIDAsync`), loaded lazily so that a machine without libusb, or a build
 * where the native module is missing, gets a device status message instead of a crash at start-up.
 * Tests use `testing/fake-hid-backend.ts` instead.
 */
import type * as NodeHidModule from 'node-hid';
import { KassaError } from '../kernel/errors';
import { errorText } from '../kernel/error-text';

export interface HidDeviceInfo {
  /** OS path (hidraw node on Linux); unique per interface of a plugged device. */
  path: string;
  vendorId: number;
  productId: number;
  usagePage: number | undefined;
  usage: number | undefined;
  product: string | undefined;
  manufacturer: string | undefined;
  serialNumber: string | undefined;
  interface: number | undefined;
}

export interface HidDevice {
  /** Input reports; byte 0 is the report ID for devices that use numbered reports. */
  on(event: 'data', listener: (report: Uint8Array) => void): void;
  /** node-hid reports a read failure here — in practice, the device was unplugged. */
  on(event: 'error', listener: (error: Error) => void): void;
  /** Output report; byte 0 is the report ID (0x00 for devices without report IDs). */
  write(report: Uint8Array | readonly number[]): Promise<number>;
  close(): Promise<void>;
}

export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDevice>;
}

/** The usage page of HID POS barcode scanners. */
export const HID_POS_USAGE_PAGE = 0x8c;

/** `vid:pid[:usagePage]` in lower-case hex, the key scanners are selected and persisted by. */
export function hidDeviceKey(vendorId: number, productId: number, usagePage?: number): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const base = `${hex(vendorId, 4)}:${hex(productId, 4)}`;
  return usagePage === undefined ? base : `${base}:${hex(usagePage, 2)}`;
}

// --- Real backend: node-hid, loaded lazily -------------------------------------------------------------------

interface NodeHidDeviceLike {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

interface NodeHidHandleLike {
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(values: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

/** The part of node-hid this file uses. */
export interface NodeHidApi {
  devicesAsync(): Promise<NodeHidDeviceLike[]>;
  HIDAsync: { open(path: string): Promise<NodeHidHandleLike> };
}

// Compile-time check that node-hid's own declarations still provide that part.
type _NodeHidProvidesApi =
  Pick<typeof NodeHidModule, 'devicesAsync'> extends Pick<NodeHidApi, 'devicesAsync'> ? true : never;
const _nodeHidProvidesApi: _NodeHidProvidesApi = true;

function isNodeHidApi(value: unknown): value is NodeHidApi {
  return (
    typeof value === 'object' &&
    value !== null &&
    'devicesAsync' in value &&
    typeof value.devicesAsync === 'function' &&
    'HIDAsync' in value &&
    typeof value.HIDAsync === 'function'
  );
}

/** Picks the API from an ESM namespace or its CommonJS `default` (bundlers differ). */
function pickNodeHid(mod: unknown): NodeHidApi | undefined {
  if (isNodeHidApi(mod)) {
    return mod;
  }
  const fallback = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
  return isNodeHidApi(fallback) ? fallback : undefined;
}

export const LIBUSB_HINT =
  'HID devices are unavailable: the node-hid native module could not load. On Linux install libusb ' +
  '(sudo apt install libusb-1.0-0) and restart Kassa.';
export const PERMISSION_HINT =
  'Permission denied opening the HID device. Install the Kassa udev rules (packaging/udev/70-kassa-hid.rules, ' +
  'see docs/devices.md) and re-plug the device.';

function toInfo(d: NodeHidDeviceLike): HidDeviceInfo | undefined {
  if (d.path === undefined) {
    return undefined;
  }
  return {
    path: d.path,
    vendorId: d.vendorId,
    productId: d.productId,
    usagePage: d.usagePage,
    usage: d.usage,
    product: d.product,
    manufacturer: d.manufacturer,
    serialNumber: d.serialNumber,
    interface: d.interface,
  };
}

/**
 * node-hid behind `HidBackend`. `load` is the dynamic import (injectable so tests can simulate a missing libusb);
 * it runs on first use, never at module load.
 */
export function createNodeHidBackend(load: () => Promise<unknown> = () => import('node-hid')): HidBackend {
  let api: Promise<NodeHidApi> | undefined;
  const getApi = (): Promise<NodeHidApi> => {
    api ??= load().then(
      (mod) => {
        const picked = pickNodeHid(mod);
        if (!picked) {
          throw new KassaError('device.unavailable', LIBUSB_HINT, {
            cause: new Error('node-hid has no devicesAsync/HIDAsync'),
          });
        }
        return picked;
      },
      (error: unknown) => {
        throw new KassaError('device.unavailable', `${LIBUSB_HINT} (${errorText(error)})`, { cause: error });
      },
    );
    // A failed load is retried on the next call (libusb may have been installed meanwhile).
    api.catch(() => {
      api = undefined;
    });
    return api;
  };

  return {
    async list() {
      const hid = await getApi();
      const devices = await hid.devicesAsync();
      return devices.flatMap((d) => toInfo(d) ?? []);
    },
    async open(path) {
      const hid = await getApi();
      let handle: NodeHidHandleLike;
      try {
        handle = await hid.HIDAsync.open(path);
      } catch (error) {
        const message = errorText(error);
        const denied = /permission|EACCES|cannot open device/i.test(message);
        throw new KassaError(
          'device.unavailable',
          denied ? PERMISSION_HINT : `Could not open ${path}: ${message}`,
          {
            cause: error,
          },
        );
      }
      return {
        on(event: 'data' | 'error', listener: ((report: Uint8Array) => void) | ((error: Error) => void)) {
          if (event === 'data') {
            handle.on('data', listener as (report: Uint8Array) => void);
          } else {
            handle.on('error', listener as (error: Error) => void);
          }
        },
        write: (report) => handle.write(Array.from(report)),
        close: () => handle.close(),
      };
    },
  };
}
