/**
 * The Ipoteka-bank card attach dialog (card:attach-start / card:attach-confirm): card → SMS code → attached.
 * The card number lives only in the dialog's own field while it is typed; this store never holds it, only
 * the masked view main answers with.
 */
import { create } from 'zustand';
import type { CardAttachView } from '../../../shared/channels/card';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

export interface CardAttachInput {
  pan: string;
  expiry: string;
  processingType: CardAttachView['processingType'];
  phone: string;
}

export interface CardAttachState {
  open: boolean;
  view: CardAttachView | null;
  busy: boolean;
  lastError: ShownError | null;
  /** Sandbox only: the SMS the simulated bank texted, as the customer's phone shows it. */
  sandboxSms: string | null;
  readSandboxSms: () => Promise<void>;
  show: () => void;
  close: () => void;
  /** Sends the card (also "send the code again"); true when the bank texted a code. */
  start: (input: CardAttachInput) => Promise<boolean>;
  confirm: (code: string) => Promise<boolean>;
}

export const useCardAttachStore = create<CardAttachState>()((set, get) => ({
  open: false,
  view: null,
  busy: false,
  lastError: null,
  sandboxSms: null,
  async readSandboxSms() {
    const view = get().view;
    if (view === null) {
      return;
    }
    const envelope = await call(() => kassa().sandboxCardSms({ attachId: view.attachId }));
    set(envelope.ok ? { sandboxSms: envelope.value.code } : { lastError: shown(envelope.error) });
  },
  show: () => {
    set({ open: true, view: null, lastError: null, sandboxSms: null });
  },
  close: () => {
    set({ open: false, view: null, lastError: null, busy: false, sandboxSms: null });
  },
  async start(input) {
    set({ busy: true });
    const envelope = await call(() => kassa().cardAttachStart(input));
    if (!envelope.ok) {
      set({ busy: false, lastError: shown(envelope.error) });
      return false;
    }
    set({ busy: false, view: envelope.value, lastError: null, sandboxSms: null });
    return true;
  },
  async confirm(code) {
    const view = get().view;
    if (view === null) {
      return false;
    }
    set({ busy: true });
    const envelope = await call(() => kassa().cardAttachConfirm({ attachId: view.attachId, code }));
    if (!envelope.ok) {
      set({ busy: false, lastError: shown(envelope.error) });
      return false;
    }
    set({ busy: false, view: envelope.value, lastError: null });
    return true;
  },
}));
