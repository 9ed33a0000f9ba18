/** The devices and scan channels (shared/channels/devices.ts) on top of the DeviceService. */
import type { HandlerMap } from '../kernel/handlers';
import type { DeviceService } from './service';

export function createDeviceHandlers(service: DeviceService): HandlerMap<'devices' | 'scan'> {
  return {
    'devices:list': () => service.list(),
    'devices:select': ({ id, label }) => service.select(id, label),
    'devices:deselect': ({ id }) => service.deselect(id),
    'devices:rescan': () => service.rescan(),
    'scan:submit': (scan) => service.submitScan(scan),
    'scan:set-screen': (context) => Promise.resolve(service.setScanContext(context)),
  };
}
