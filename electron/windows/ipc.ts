/**
 * ipcMain wiring: one `ipcMain.handle` per contract channel (the IPC channel name is the contract's channel
 * name), the role taken from the sender (sender-role.ts), and core events forwarded only to windows whose
 * role may receive them. The core does the role check, input parsing and envelope (kassa.invoke); this file
 * only decides who is asking.
 */
import type { Page } from '../../shared/channel';
import { CHANNEL_NAMES, EVENT_NAMES, pageMayReceive, type EventName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Kassa } from '../core/kassa';
import type { Logger } from '../log/logger';
import type { ContentsApi, ElectronApi, InvokeEvent } from './electron-api';
import { RoleRegistry } from './sender-role';

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window may not use Kassa.' },
};

interface Attached {
  contents: ContentsApi;
  role: Page;
  /**
   * The display page has not said display:ready yet. Until it does, display:update pushes are held back: its
   * listener may not exist yet, and the display:ready reply carries the whole current view-model, which
   * supersedes every held push (view-models are whole states), so the held ones are dropped at ready.
   */
  waitingForReady: boolean;
}

export interface IpcWiring {
  /** Give a window its role; IPC from anything else is refused. Detaches itself when the contents go away. */
  attach(contents: ContentsApi, role: Page): void;
  dispose(): void;
}

export function wireIpc(ipcMain: ElectronApi['ipcMain'], kassa: Kassa, logger: Logger): IpcWiring {
  const registry = new RoleRegistry();
  const attached = new Map<number, Attached>();

  const roleOf = (event: InvokeEvent): Page | null => registry.roleOf(event.sender, event.senderFrame);

  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input): Promise<Envelope<unknown>> => {
      const role = roleOf(event);
      if (role === null) {
        logger.warn(
          { channel, webContentsId: event.sender.id },
          'ipc: refused a call from an unknown sender',
        );
        return FORBIDDEN;
      }
      const entry = attached.get(event.sender.id);
      if (channel === 'display:ready' && entry) {
        // Flag first: any update emitted from here on is newer than (or equal to) the reply's view-model.
        entry.waitingForReady = false;
      }
      // The WebContents is the connection: a manager's session lives on this window until it reloads.
      return kassa.invoke(role, channel, input, event.sender);
    });
  }

  const forward = (name: EventName, payload: unknown): void => {
    for (const entry of attached.values()) {
      if (!pageMayReceive(entry.role, name) || entry.contents.isDestroyed()) {
        continue;
      }
      if (entry.role === 'display' && entry.waitingForReady) {
        continue;
      }
      entry.contents.send(name, payload);
    }
  };
  const unsubscribers = EVENT_NAMES.map((name) =>
    kassa.on(name, (payload) => {
      forward(name, payload);
    }),
  );

  return {
    attach(contents, role) {
      const id = contents.id;
      registry.register(id, role);
      const entry: Attached = { contents, role, waitingForReady: role === 'display' };
      attached.set(id, entry);
      // A reload (or crash and reload) starts a fresh page that has to say display:ready again.
      contents.on('did-start-loading', () => {
        entry.waitingForReady = role === 'display';
        // A reloaded page starts as a cashier again: it cannot know a manager signed in before.
        kassa.endSession(contents);
      });
      contents.once('destroyed', () => {
        registry.unregister(id);
        attached.delete(id);
      });
    },
    dispose() {
      for (const channel of CHANNEL_NAMES) {
        ipcMain.removeHandler(channel);
      }
      for (const off of unsubscribers) {
        off();
      }
    },
  };
}
