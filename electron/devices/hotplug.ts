/**
 * USB plug/unplug notifications, so the device manager re-enumerates HID devices only when something changed
 * (every enumeration is a bus scan, so nothing polls). The real source lazily loads the `usb` package: v3 exposes
 * WebUSB-style `connect`/`disconnect` events, v2 an emitter with `attach`/`detach`; both are mapped to
 * `attach`/`detach` here. Tests use `testing/fake-hotplug-source.ts` instead.
 */

export interface HotplugEvent {
  vendorId: number | undefined;
  productId: number | undefined;
}

export interface HotplugSource {
  on(event: 'attach' | 'detach', listener: (event: HotplugEvent) => void): void;
  close(): Promise<void>;
}

type Listener = (event: HotplugEvent) => void;

// --- Real source: the `usb` package -------------------------------------------------------------------------------

interface WebUsbLike {
  getDevices?: () => Promise<unknown>;
  addEventListener(type: 'connect' | 'disconnect', listener: (event: unknown) => void): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: (event: unknown) => void): void;
}

interface EmitterUsbLike {
  on(event: 'attach' | 'detach', listener: (device: unknown) => void): unknown;
  removeListener(event: 'attach' | 'detach', listener: (device: unknown) => void): unknown;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isWebUsb(value: unknown): value is WebUsbLike {
  return isObject(value) && 'addEventListener' in value && typeof value.addEventListener === 'function';
}

function isEmitterUsb(value: unknown): value is EmitterUsbLike {
  return isObject(value) && 'on' in value && typeof value.on === 'function' && 'removeListener' in value;
}

function numberField(value: unknown, ...path: string[]): number | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (!isObject(current) || !(key in current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'number' ? current : undefined;
}

/** v3 events carry `device.vendorId`; v2 devices carry `deviceDescriptor.idVendor`. */
function idsOf(value: unknown): HotplugEvent {
  const device = isObject(value) && 'device' in value ? value.device : value;
  return {
    vendorId: numberField(device, 'vendorId') ?? numberField(device, 'deviceDescriptor', 'idVendor'),
    productId: numberField(device, 'productId') ?? numberField(device, 'deviceDescriptor', 'idProduct'),
  };
}

function pickUsb(mod: unknown): unknown {
  const candidates = [mod, isObject(mod) && 'default' in mod ? mod.default : undefined];
  for (const candidate of candidates) {
    if (isObject(candidate) && 'usb' in candidate) {
      return candidate.usb;
    }
  }
  return undefined;
}

/**
 * Subscribes to the `usb` package. Rejects with the load error when the native module is unavailable; the caller
 * then falls back to rescan() on demand (a "Rescan" button) and reports that hot-plug is off.
 */
export async function createUsbHotplugSource(
  load: () => Promise<unknown> = () => import('usb'),
): Promise<HotplugSource> {
  const usb = pickUsb(await load());
  const listeners = { attach: new Set<Listener>(), detach: new Set<Listener>() };
  const fire = (event: 'attach' | 'detach') => (raw: unknown) => {
    const ids = idsOf(raw);
    for (const listener of listeners[event]) {
      listener(ids);
    }
  };
  const onAttach = fire('attach');
  const onDetach = fire('detach');
  let unsubscribe: () => void;
  if (isWebUsb(usb)) {
    // usb v3 enumerates on the first addEventListener and leaves that promise unhandled: where USB is not
    // reachable (no /sys/bus/usb in a container) that would crash the process. Enumerate once here, where the
    // failure can be caught and turned into "hot-plug off".
    if (usb.getDevices) {
      await usb.getDevices();
    }
    usb.addEventListener('connect', onAttach);
    usb.addEventListener('disconnect', onDetach);
    unsubscribe = () => {
      usb.removeEventListener('connect', onAttach);
      usb.removeEventListener('disconnect', onDetach);
    };
  } else if (isEmitterUsb(usb)) {
    usb.on('attach', onAttach);
    usb.on('detach', onDetach);
    unsubscribe = () => {
      usb.removeListener('attach', onAttach);
      usb.removeListener('detach', onDetach);
    };
  } else {
    throw new Error('the usb package has neither connect/disconnect nor attach/detach events');
  }
  return {
    on(event, listener) {
      listeners[event].add(listener);
    },
    close() {
      unsubscribe();
      listeners.attach.clear();
      listeners.detach.clear();
      return Promise.resolve();
    },
  };
}
