/**
 * The machine's HID devices joined with devices that exist only in software — the sandbox profile's virtual
 * scanner (electron/sandbox/hid-scanner.ts, handed to the core by the host). The software source is asked at every
 * enumeration, so its devices come and go with the profile. When real HID cannot enumerate (no libusb) the
 * software devices still list; HidAvailability has already recorded why the real ones cannot.
 */
import type { HidBackend, HidDevice, HidDeviceInfo } from './hid';

export class JoinedHidBackend implements HidBackend {
  readonly #hardware: HidBackend;
  readonly #software: () => HidBackend | undefined;

  constructor(hardware: HidBackend, software: () => HidBackend | undefined) {
    this.#hardware = hardware;
    this.#software = software;
  }

  async list(): Promise<HidDeviceInfo[]> {
    const software = this.#software();
    if (software === undefined) {
      return this.#hardware.list();
    }
    const virtual = await software.list();
    try {
      return [...(await this.#hardware.list()), ...virtual];
    } catch {
      return virtual;
    }
  }

  async open(path: string): Promise<HidDevice> {
    const software = this.#software();
    if (software !== undefined && (await software.list()).some((d) => d.path === path)) {
      return software.open(path);
    }
    return this.#hardware.open(path);
  }
}
