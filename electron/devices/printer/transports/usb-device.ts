/**
 * The part of a `usb` 3.x device (WebUSB-shaped, usb/index.d.ts `UsbDevice`) the printer transport uses, and how to
 * find the USB printer-class interface on it. Declared here so tests drive the transport with a plain object
 * (testing/fake-usb-printer.ts) and the native module loads only where a USB printer is chosen (./usb-devices.ts).
 */

export interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}

export interface UsbAlternateLike {
  alternateSetting: number;
  interfaceClass: number;
  interfaceSubclass: number;
  interfaceProtocol: number;
  endpoints: UsbEndpointLike[];
}

export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternates: UsbAlternateLike[];
}

export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: UsbInterfaceLike[];
}

export interface UsbTransferOutResult {
  status: string;
  bytesWritten: number;
}

export interface UsbTransferInResult {
  status: string;
  data?: DataView;
}

export interface UsbPrinterDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber?: string | null;
  readonly productName?: string | null;
  readonly manufacturerName?: string | null;
  readonly opened: boolean;
  readonly configuration?: UsbConfigurationLike | null;
  readonly configurations: UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  selectAlternateInterface(interfaceNumber: number, alternateSetting: number): Promise<void>;
  /** Linux only (usb 3.x extension). */
  detachKernelDriver?(interfaceNumber: number): Promise<void>;
  clearHalt(direction: 'in' | 'out', endpointNumber: number): Promise<void>;
  /** usb 3.x takes a timeout in ms as a third argument (default 1000), beyond WebUSB. */
  transferOut(endpointNumber: number, data: Uint8Array, timeoutMs?: number): Promise<UsbTransferOutResult>;
  transferIn(endpointNumber: number, length: number, timeoutMs?: number): Promise<UsbTransferInResult>;
}

/** USB class 7 (printer), subclass 1; protocol 1 unidirectional, 2 bidirectional, 3 IEEE 1284.4. */
export const USB_PRINTER_CLASS = 7;

export interface UsbPrinterInterface {
  configurationValue: number;
  interfaceNumber: number;
  alternateSetting: number;
  outEndpoint: number;
  /** Absent on a unidirectional printer: no DLE EOT answers. */
  inEndpoint: { endpointNumber: number; packetSize: number } | undefined;
}

/**
 * The printer-class interface to claim: in the active configuration first, then any other; a bidirectional
 * alternate (bulk IN and OUT) before an OUT-only one. Undefined when the device has none.
 */
export function findPrinterInterface(device: UsbPrinterDevice): UsbPrinterInterface | undefined {
  const active = device.configuration ?? undefined;
  const configurations = [
    ...(active ? [active] : []),
    ...device.configurations.filter((c) => c.configurationValue !== active?.configurationValue),
  ];
  let outOnly: UsbPrinterInterface | undefined;
  for (const configuration of configurations) {
    for (const iface of configuration.interfaces) {
      for (const alternate of iface.alternates) {
        if (alternate.interfaceClass !== USB_PRINTER_CLASS) {
          continue;
        }
        const bulk = (direction: 'in' | 'out') =>
          alternate.endpoints.find((e) => e.type === 'bulk' && e.direction === direction);
        const out = bulk('out');
        if (!out) {
          continue;
        }
        const found: UsbPrinterInterface = {
          configurationValue: configuration.configurationValue,
          interfaceNumber: iface.interfaceNumber,
          alternateSetting: alternate.alternateSetting,
          outEndpoint: out.endpointNumber,
          inEndpoint: undefined,
        };
        const input = bulk('in');
        if (input) {
          return {
            ...found,
            inEndpoint: { endpointNumber: input.endpointNumber, packetSize: input.packetSize },
          };
        }
        outOnly ??= found;
      }
    }
  }
  return outOnly;
}
