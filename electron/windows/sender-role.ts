/**
 * Which page is calling: the page of an IPC sender, decided from the sender itself and never from the payload
 * (the person on it is the core's session, docs/architecture.md §3.1).
 * Only the main frame of one of our two windows, showing one of our app:// pages, gets a role; sub-frames,
 * other web contents and navigated-away pages get none (the IPC layer answers them with `forbidden`).
 * Pure (structural types, no electron) so the rules are unit-tested.
 */
import type { Page } from '../../shared/channel';
import { isAppUrl } from './renderer-path';

export interface FrameLike {
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
}

export interface SenderLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
}

export class RoleRegistry {
  readonly #roles = new Map<number, Page>();

  register(webContentsId: number, role: Page): void {
    this.#roles.set(webContentsId, role);
  }

  unregister(webContentsId: number): void {
    this.#roles.delete(webContentsId);
  }

  /** The role of this sender, or null when it must be refused. */
  roleOf(sender: SenderLike, senderFrame: FrameLike | null): Page | null {
    const role = this.#roles.get(sender.id);
    if (role === undefined || senderFrame === null) {
      return null;
    }
    const main = sender.mainFrame;
    if (senderFrame.processId !== main.processId || senderFrame.routingId !== main.routingId) {
      return null;
    }
    return isAppUrl(senderFrame.url) ? role : null;
  }
}
