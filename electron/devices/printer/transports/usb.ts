/**
 * A receipt printer on the USB printer class (class 7) through the `usb` package (3.x, WebUSB-shaped): claim the
 * printer interface, send on its bulk OUT endpoint, read DLE EOT answers on its bulk IN endpoint.
 *
 * On Linux the kernel's usblp driver binds printer-class interfaces (and gives /dev/usb/lp0); it must be detached
 * before the interface can be claimed, which the udev rule's group access allows (docs/devices.md). The device is
 * looked up again at every open(), so a printer that was unplugged and plugged back (a new device object) works.
 */
import { findPrinterInterface, type UsbPrinterDevice, type UsbPrinterInterface } from './usb-device';
import { asTransportError, PrinterTransportError, type PrinterTransport } from './transport';

export interface UsbPrinterOptions {
  /** What the settings screen shows (`usb 0416:5011`). */
  label: string;
  /** Finds the device now (by vendor/product id and serial number); undefined when it is not plugged in. */
  find: () => Promise<UsbPrinterDevice | undefined>;
  /** Per bulk OUT transfer. Default 10 000 ms. */
  writeTimeoutMs?: number;
  /** process.platform; the kernel driver is detached on 'linux' only. */
  platform?: NodeJS.Platform;
}

interface Claimed {
  device: UsbPrinterDevice;
  iface: UsbPrinterInterface;
}

/** What a rejected transfer means: libusb/nusb words a timeout and a gone device differently. */
function transferFailure(error: unknown): 'timeout' | 'disconnected' {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /time(d)? ?out/i.test(text) ? 'timeout' : 'disconnected';
}

export class UsbPrinterTransport implements PrinterTransport {
  readonly label: string;
  readonly #find: () => Promise<UsbPrinterDevice | undefined>;
  readonly #writeTimeoutMs: number;
  readonly #platform: NodeJS.Platform;
  #claimed: Claimed | undefined;
  #opening: Promise<void> | undefined;

  constructor(options: UsbPrinterOptions) {
    this.label = options.label;
    this.#find = options.find;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.#platform = options.platform ?? process.platform;
  }

  /** True until an opened printer turns out to have no bulk IN endpoint. */
  get statusSupported(): boolean {
    return this.#claimed === undefined || this.#claimed.iface.inEndpoint !== undefined;
  }

  open(): Promise<void> {
    if (this.#claimed) {
      return Promise.resolve();
    }
    this.#opening ??= this.#claim().finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  async #claim(): Promise<void> {
    let device: UsbPrinterDevice | undefined;
    try {
      device = await this.#find();
    } catch (error) {
      throw asTransportError(error, 'unreachable', `${this.label}: USB is unavailable`);
    }
    if (!device) {
      throw new PrinterTransportError('unreachable', `${this.label}: not plugged in`);
    }
    const iface = findPrinterInterface(device);
    if (!iface) {
      throw new PrinterTransportError('unreachable', `${this.label}: no USB printer-class interface`);
    }
    try {
      if (!device.opened) {
        await device.open();
      }
      if (device.configuration?.configurationValue !== iface.configurationValue) {
        await device.selectConfiguration(iface.configurationValue);
      }
      if (this.#platform === 'linux' && device.detachKernelDriver) {
        // Fails when no driver is bound (usblp blacklisted, or already detached): nothing to do then.
        await device.detachKernelDriver(iface.interfaceNumber).catch(() => undefined);
      }
      await device.claimInterface(iface.interfaceNumber);
      if (iface.alternateSetting !== 0) {
        await device.selectAlternateInterface(iface.interfaceNumber, iface.alternateSetting);
      }
    } catch (error) {
      await device.close().catch(() => undefined);
      const denied = error instanceof Error && /access|permission|EACCES|busy/i.test(error.message);
      throw new PrinterTransportError(
        'unreachable',
        denied
          ? `${this.label}: no access to the device (udev rule and group, docs/devices.md)`
          : `${this.label}: could not claim the printer interface`,
        error,
      );
    }
    this.#claimed = { device, iface };
  }

  async write(bytes: Uint8Array): Promise<void> {
    const claimed = this.#claimed;
    if (!claimed) {
      throw new PrinterTransportError('disconnected', `${this.label}: not open`);
    }
    const endpoint = claimed.iface.outEndpoint;
    let result;
    try {
      result = await claimed.device.transferOut(endpoint, bytes, this.#writeTimeoutMs);
    } catch (error) {
      await this.close();
      const reason = transferFailure(error);
      throw new PrinterTransportError(reason, `${this.label}: bulk OUT ${reason}`, error);
    }
    if (result.status !== 'ok' || result.bytesWritten < bytes.length) {
      await claimed.device.clearHalt('out', endpoint).catch(() => undefined);
      await this.close();
      throw new PrinterTransportError(
        'disconnected',
        `${this.label}: bulk OUT ${result.status}, ${String(result.bytesWritten)} of ${String(bytes.length)} bytes`,
      );
    }
  }

  async readStatus(request: Uint8Array, length: number, timeoutMs: number): Promise<Uint8Array> {
    const claimed = this.#claimed;
    if (!claimed) {
      throw new PrinterTransportError('disconnected', `${this.label}: not open`);
    }
    const input = claimed.iface.inEndpoint;
    if (!input) {
      throw new PrinterTransportError('timeout', `${this.label}: unidirectional printer, no status`);
    }
    await this.write(request);
    const deadline = Date.now() + timeoutMs;
    const answer: number[] = [];
    while (answer.length < length) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new PrinterTransportError(
          'timeout',
          `${this.label}: no status answer in ${String(timeoutMs)} ms`,
        );
      }
      let result;
      try {
        result = await claimed.device.transferIn(input.endpointNumber, input.packetSize, left);
      } catch (error) {
        const reason = transferFailure(error);
        if (reason === 'disconnected') {
          await this.close();
        }
        throw new PrinterTransportError(reason, `${this.label}: bulk IN ${reason}`, error);
      }
      const data = result.data;
      if (data) {
        answer.push(...new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      }
    }
    return Uint8Array.from(answer.slice(0, length));
  }

  async close(): Promise<void> {
    const claimed = this.#claimed;
    this.#claimed = undefined;
    if (!claimed) {
      return;
    }
    await claimed.device.releaseInterface(claimed.iface.interfaceNumber).catch(() => undefined);
    await claimed.device.close().catch(() => undefined);
  }
}
