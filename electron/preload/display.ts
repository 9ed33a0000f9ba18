/**
 * The customer display's preload: `window.kassaDisplay` with only what the display role may use — say it is
 * ready, and receive display:update. Its own file so the display page cannot even name cashier channels
 * (main refuses them by role as well).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChannelOutput, EventPayload, KassaDisplayApi } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

const api = {
  displayReady: (input) =>
    ipcRenderer.invoke('display:ready', input) as Promise<Envelope<ChannelOutput<'display:ready'>>>,
  onUpdate: (listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload as EventPayload<'display:update'>);
    };
    ipcRenderer.on('display:update', wrapped);
    return () => {
      ipcRenderer.removeListener('display:update', wrapped);
    };
  },
} satisfies KassaDisplayApi;

contextBridge.exposeInMainWorld('kassaDisplay', api);
