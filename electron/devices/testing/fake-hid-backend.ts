/** Test double for the HID seam: an in-memory bus standing in for node-hid and the hardware behind it. */
import { KassaError } from '../../kernel/errors';
import type { HidBackend, HidDevice, HidDeviceInfo } from '../hid';

interface FakeHandle {
  data: Set<(report: Uint8Array) => void>;
  error: Set<(error: Error) => void>;
  closed: boolean;
}

/** In-memory HID bus: plug and unplug devices, push input reports, read back output reports. */
export class FakeHidBackend implements HidBackend {
  readonly #devices = new Map<string, HidDeviceInfo>();
  readonly #handles = new Map<string, FakeHandle[]>();
  readonly #writes = new Map<string, Uint8Array[]>();
  readonly #openErrors = new Map<string, Error>();
  #listError: Error | undefined;
  /** How many times list() ran (tests check that hot-plug does not poll). */
  listCalls = 0;

  plug(
    device: Partial<HidDeviceInfo> & Pick<HidDeviceInfo, 'path' | 'vendorId' | 'productId'>,
  ): HidDeviceInfo {
    const info: HidDeviceInfo = {
      usagePage: undefined,
      usage: undefined,
      product: undefined,
      manufacturer: undefined,
      serialNumber: undefined,
      interface: 0,
      ...device,
    };
    this.#devices.set(info.path, info);
    return info;
  }

  /** Removes the device; open handles get an 'error' as node-hid reports a read failure. */
  unplug(path: string): void {
    this.#devices.delete(path);
    for (const handle of this.#handles.get(path) ?? []) {
      if (!handle.closed) {
        handle.closed = true;
        for (const listener of handle.error) {
          listener(new Error('could not read from HID device'));
        }
      }
    }
    this.#handles.delete(path);
  }

  /** Delivers an input report to every open handle of `path`. */
  push(path: string, report: Uint8Array | readonly number[]): void {
    const bytes = report instanceof Uint8Array ? report : Uint8Array.from(report);
    for (const handle of this.#handles.get(path) ?? []) {
      if (!handle.closed) {
        for (const listener of handle.data) {
          listener(bytes);
        }
      }
    }
  }

  /** Output reports written to `path`, oldest first. */
  writes(path: string): Uint8Array[] {
    return this.#writes.get(path) ?? [];
  }

  isOpen(path: string): boolean {
    return (this.#handles.get(path) ?? []).some((h) => !h.closed);
  }

  /** Makes open(path) fail until cleared with `undefined`. */
  failOpen(path: string, error: Error | undefined): void {
    if (error) {
      this.#openErrors.set(path, error);
    } else {
      this.#openErrors.delete(path);
    }
  }

  failList(error: Error | undefined): void {
    this.#listError = error;
  }

  list(): Promise<HidDeviceInfo[]> {
    this.listCalls++;
    if (this.#listError) {
      return Promise.reject(this.#listError);
    }
    return Promise.resolve([...this.#devices.values()].map((d) => ({ ...d })));
  }

  open(path: string): Promise<HidDevice> {
    const failure = this.#openErrors.get(path);
    if (failure) {
      return Promise.reject(failure);
    }
    if (!this.#devices.has(path)) {
      return Promise.reject(new KassaError('device.unavailable', `Could not open ${path}: no such device`));
    }
    const handle: FakeHandle = { data: new Set(), error: new Set(), closed: false };
    this.#handles.set(path, [...(this.#handles.get(path) ?? []), handle]);
    const device: HidDevice = {
      on: (event: 'data' | 'error', listener: ((report: Uint8Array) => void) | ((error: Error) => void)) => {
        if (event === 'data') {
          handle.data.add(listener as (report: Uint8Array) => void);
        } else {
          handle.error.add(listener as (error: Error) => void);
        }
      },
      write: (report) => {
        if (handle.closed) {
          return Promise.reject(new Error('could not write to HID device'));
        }
        const bytes = Uint8Array.from(report);
        this.#writes.set(path, [...this.writes(path), bytes]);
        return Promise.resolve(bytes.length);
      },
      close: () => {
        handle.closed = true;
        return Promise.resolve();
      },
    };
    return Promise.resolve(device);
  }
}
