/**
 * Whether HID works at all on this machine. node-hid failing to load (libusb missing) only surfaces when a device
 * is enumerated, so this wraps the backend and remembers the last enumeration's outcome for the device views.
 */
import type { DevicesView } from '../../shared/channels/devices';
import { errorText } from '../kernel/error-text';
import { KassaError } from '../kernel/errors';
import type { HidBackend, HidDevice, HidDeviceInfo } from './hid';

export class HidAvailability implements HidBackend {
  readonly #backend: HidBackend;
  /** Why HID is unavailable, for the cashier; null while the last enumeration worked. */
  #message: string | null = null;

  constructor(backend: HidBackend) {
    this.#backend = backend;
  }

  async list(): Promise<HidDeviceInfo[]> {
    try {
      const devices = await this.#backend.list();
      this.#message = null;
      return devices;
    } catch (error) {
      this.#message =
        error instanceof KassaError && error.code === 'device.unavailable'
          ? error.message
          : `HID enumeration failed: ${errorText(error)}`;
      throw error;
    }
  }

  open(path: string): Promise<HidDevice> {
    return this.#backend.open(path);
  }

  view(): DevicesView['hid'] {
    return { available: this.#message === null, message: this.#message };
  }
}
