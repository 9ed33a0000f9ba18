/**
 * A USB printer-class device as a plain object, for the USB transport's tests: one configuration with a class 7
 * interface (bulk OUT 1, bulk IN 2 unless unidirectional), a kernel driver bound until detached, DLE EOT answered
 * on the IN endpoint from a FakePrinterState, and faults: unplugged (transfers reject), out stall, IN timeout.
 */
import { fakeStatusByte, HEALTHY_PRINTER, type FakePrinterState } from './fake-network-printer';
import type {
  UsbConfigurationLike,
  UsbPrinterDevice,
  UsbTransferInResult,
  UsbTransferOutResult,
} from '../transports/usb-device';

export class FakeUsbPrinter implements UsbPrinterDevice {
  readonly vendorId = 0x0416;
  readonly productId = 0x5011;
  readonly serialNumber = 'FAKE-USB-1';
  readonly productName = 'POS58 Printer';
  readonly manufacturerName = 'Fake';
  state: FakePrinterState = { ...HEALTHY_PRINTER };
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly configurations: UsbConfigurationLike[];
  kernelDriverBound = true;
  claimed = false;
  unplugged = false;
  stallOut = false;
  /** IN transfers time out (a printer that does not answer). */
  silent = false;
  /** Bytes received on bulk OUT. */
  readonly received: number[] = [];
  readonly #answers: number[] = [];

  constructor(options: { unidirectional?: boolean } = {}) {
    const endpoints: UsbConfigurationLike['interfaces'][number]['alternates'][number]['endpoints'] = [
      { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 },
    ];
    if (!options.unidirectional) {
      endpoints.push({ endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 });
    }
    this.configurations = [
      {
        configurationValue: 1,
        interfaces: [
          {
            interfaceNumber: 0,
            alternates: [
              {
                alternateSetting: 0,
                interfaceClass: 7,
                interfaceSubclass: 1,
                interfaceProtocol: options.unidirectional ? 1 : 2,
                endpoints,
              },
            ],
          },
        ],
      },
    ];
  }

  #gone(): Promise<never> {
    return Promise.reject(new Error('LIBUSB_ERROR_NO_DEVICE: device disconnected'));
  }

  open(): Promise<void> {
    if (this.unplugged) {
      return this.#gone();
    }
    this.opened = true;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.opened = false;
    this.claimed = false;
    return Promise.resolve();
  }

  selectConfiguration(value: number): Promise<void> {
    this.configuration = this.configurations.find((c) => c.configurationValue === value) ?? null;
    return Promise.resolve();
  }

  detachKernelDriver(): Promise<void> {
    if (!this.kernelDriverBound) {
      return Promise.reject(new Error('LIBUSB_ERROR_NOT_FOUND'));
    }
    this.kernelDriverBound = false;
    return Promise.resolve();
  }

  claimInterface(): Promise<void> {
    if (this.kernelDriverBound) {
      return Promise.reject(new Error('LIBUSB_ERROR_BUSY: interface claimed by usblp'));
    }
    this.claimed = true;
    return Promise.resolve();
  }

  releaseInterface(): Promise<void> {
    this.claimed = false;
    return Promise.resolve();
  }

  selectAlternateInterface(): Promise<void> {
    return Promise.resolve();
  }

  clearHalt(): Promise<void> {
    return Promise.resolve();
  }

  transferOut(endpointNumber: number, data: Uint8Array): Promise<UsbTransferOutResult> {
    if (this.unplugged) {
      return this.#gone();
    }
    if (!this.claimed || endpointNumber !== 1) {
      return Promise.reject(new Error(`transferOut on endpoint ${String(endpointNumber)} not claimed`));
    }
    if (this.stallOut) {
      return Promise.resolve({ status: 'stall', bytesWritten: 0 });
    }
    this.received.push(...data);
    for (let i = 0; i + 2 < data.length; i++) {
      if (data[i] === 0x10 && data[i + 1] === 0x04) {
        this.#answers.push(fakeStatusByte(data[i + 2] ?? 0, this.state));
      }
    }
    return Promise.resolve({ status: 'ok', bytesWritten: data.length });
  }

  transferIn(endpointNumber: number, length: number): Promise<UsbTransferInResult> {
    if (this.unplugged) {
      return this.#gone();
    }
    // A real bulk IN waits for data until its timeout; nothing queued means nothing comes.
    if (this.silent || endpointNumber !== 2 || this.#answers.length === 0) {
      return Promise.reject(new Error('LIBUSB_ERROR_TIMEOUT: Operation timed out'));
    }
    const bytes = Uint8Array.from(this.#answers.splice(0, length));
    return Promise.resolve({ status: 'ok', data: new DataView(bytes.buffer) });
  }
}
