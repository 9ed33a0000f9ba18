/** Catalog import from a CSV price list: all rows or none, every problem reported with its line number. */
import { create } from 'zustand';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

export interface CatalogState {
  busy: boolean;
  imported: number | null;
  /** One entry per problem row ("line 4: price must be …"), from the host's validation issues. */
  problems: string[];
  lastError: ShownError | null;
  importCsv: (csv: string) => Promise<boolean>;
}

export const useCatalogStore = create<CatalogState>()((set) => ({
  busy: false,
  imported: null,
  problems: [],
  lastError: null,
  async importCsv(csv) {
    set({ busy: true, imported: null, problems: [], lastError: null });
    const envelope = await call(() => kassa().catalogImportCsv({ csv }));
    if (envelope.ok) {
      set({ busy: false, imported: envelope.value.imported });
      return true;
    }
    set({
      busy: false,
      lastError: shown(envelope.error),
      problems: (envelope.error.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
    });
    return false;
  },
}));
