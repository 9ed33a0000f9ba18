/**
 * The sandbox scanner (handed in by the host, electron/sandbox/hid-scanner.ts) seen by the device service as a HID
 * device that exists only in software, and only while the till is in the sandbox profile: the composition root
 * joins the sandbox and devices domains here (docs/architecture.md §10).
 */
import { hidDeviceKey, type HidBackend, type HidDevice } from '../devices/hid';
import type { CreateSandboxScanner, SandboxScanner } from '../sandbox/types';

export interface SandboxScannerDevices {
  /** The scanner as a HID backend (for DeviceServiceDeps.softwareDevices); undefined outside the sandbox. */
  backend(): HidBackend | undefined;
  /** The scanner and its device key (for the sandbox:scan channel); undefined outside the sandbox. */
  scanner(): { scanner: SandboxScanner; deviceId: string } | undefined;
}

function asHidDevice(scanner: SandboxScanner): HidDevice {
  const handle = scanner.open();
  return {
    on(event: 'data' | 'error', listener: ((report: Uint8Array) => void) | ((error: Error) => void)): void {
      // A virtual device never fails to read: only report listeners are kept.
      if (event === 'data') {
        handle.onReport(listener as (report: Uint8Array) => void);
      }
    },
    write: (report) => Promise.resolve(report.length),
    close: () => {
      handle.close();
      return Promise.resolve();
    },
  };
}

export function sandboxScannerDevices(deps: {
  create: CreateSandboxScanner | undefined;
  isSandbox(): boolean;
}): SandboxScannerDevices {
  let created: SandboxScanner | undefined;
  const current = (): SandboxScanner | undefined => {
    if (deps.create === undefined || !deps.isSandbox()) {
      return undefined;
    }
    created ??= deps.create();
    return created;
  };
  return {
    scanner() {
      const scanner = current();
      if (scanner === undefined) {
        return undefined;
      }
      const { vendorId, productId, usagePage } = scanner.info;
      return { scanner, deviceId: hidDeviceKey(vendorId, productId, usagePage) };
    },
    backend() {
      const scanner = current();
      if (scanner === undefined) {
        return undefined;
      }
      return {
        list: () => Promise.resolve([{ ...scanner.info }]),
        open: (path) =>
          path === scanner.info.path
            ? Promise.resolve(asHidDevice(scanner))
            : Promise.reject(new Error(`no software device at ${path}`)),
      };
    },
  };
}
