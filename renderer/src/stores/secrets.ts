/**
 * Write-only secrets: the store knows which secrets are set and which vault holds them, never a value.
 * A value passes through `set` on its way to the host and is not kept anywhere in the store.
 */
import { create } from 'zustand';
import type { SecretName, VaultStatus } from '../../../shared/secrets';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

export interface SecretsState {
  status: VaultStatus | null;
  /** The secret whose set/clear is in flight. */
  busy: SecretName | null;
  /** The last error per secret, shown beside its field. */
  errors: Partial<Record<SecretName, string>>;
  lastError: ShownError | null;
  load: () => Promise<void>;
  set: (name: SecretName, value: string) => Promise<boolean>;
  clear: (name: SecretName) => Promise<boolean>;
  clearError: () => void;
}

export const useSecretsStore = create<SecretsState>()((set, get) => {
  const apply = (
    name: SecretName,
    envelope: Awaited<ReturnType<ReturnType<typeof kassa>['secretsStatus']>>,
  ) => {
    const { [name]: _old, ...errors } = get().errors;
    if (envelope.ok) {
      set({ status: envelope.value, busy: null, errors, lastError: null });
      return true;
    }
    set({
      busy: null,
      errors: { ...errors, [name]: envelope.error.message },
      lastError: shown(envelope.error),
    });
    return false;
  };

  return {
    status: null,
    busy: null,
    errors: {},
    lastError: null,

    async load() {
      const envelope = await call(() => kassa().secretsStatus({}));
      if (envelope.ok) {
        set({ status: envelope.value, lastError: null });
      } else {
        set({ lastError: shown(envelope.error) });
      }
    },

    async set(name, value) {
      set({ busy: name });
      return apply(name, await call(() => kassa().secretsSet({ name, value })));
    },

    async clear(name) {
      set({ busy: name });
      return apply(name, await call(() => kassa().secretsClear({ name })));
    },

    clearError() {
      set({ lastError: null });
    },
  };
});
