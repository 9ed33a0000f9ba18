/**
 * The devices and scan channels (shared/channels/devices.ts) on top of the DeviceService.
 *
 * Typed against the channel definitions themselves, so this file compiles before shared/contract.ts spreads
 * `devicesChannels`; once it does, `DeviceHandlerMap` is exactly `HandlerMap<DeviceChannelName>`.
 */
import type { z } from 'zod';
import type { DeviceChannelName, DeviceChannels } from '../../shared/channels/devices';
import type { CallContext } from '../core/handlers';
import type { DeviceService } from './service';

export type DeviceHandler<C extends DeviceChannelName> = (
  input: z.output<DeviceChannels[C]['input']>,
  ctx: CallContext,
) => Promise<z.output<DeviceChannels[C]['output']>>;

export type DeviceHandlerMap = { [K in DeviceChannelName]: DeviceHandler<K> };

export function createDeviceHandlers(service: DeviceService): DeviceHandlerMap {
  return {
    'devices:list': () => service.list(),
    'devices:select': ({ id, label }) => service.select(id, label),
    'devices:deselect': ({ id }) => service.deselect(id),
    'devices:rescan': () => service.rescan(),
    'scan:submit': ({ text }) => Promise.resolve(service.submitWedgeScan(text)),
    'scan:set-screen': ({ screen, prefer }) => Promise.resolve({ screen: service.setScreen(screen, prefer) }),
  };
}
