/**
 * Catalog import from a CSV price list: all rows or none, every problem reported with its line number. A file
 * picked in Settings is handed to main in chunks (upload.ts) and imported from there (catalog:import-upload),
 * so its size is not limited by one IPC frame.
 */
import { create } from 'zustand';
import type { Envelope, IpcError } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';
import { uploadFile } from './upload';

export interface CatalogState {
  busy: boolean;
  imported: number | null;
  /** One entry per problem row ("line 4: price must be …"), from the host's validation issues. */
  problems: string[];
  lastError: ShownError | null;
  importCsv: (csv: string) => Promise<boolean>;
  /** The file the cashier picked, however large (up to the upload limit). */
  importFile: (file: Blob, name: string) => Promise<boolean>;
}

const problemsOf = (error: IpcError): string[] =>
  (error.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));

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
    set({ busy: false, lastError: shown(envelope.error), problems: problemsOf(envelope.error) });
    return false;
  },
  async importFile(file, name) {
    set({ busy: true, imported: null, problems: [], lastError: null });
    const uploaded = await uploadFile(file, name);
    const envelope: Envelope<{ imported: number }> = uploaded.ok
      ? await call(() => kassa().catalogImportUpload({ uploadId: uploaded.value.uploadId }))
      : uploaded;
    if (envelope.ok) {
      set({ busy: false, imported: envelope.value.imported });
      return true;
    }
    set({ busy: false, lastError: shown(envelope.error), problems: problemsOf(envelope.error) });
    return false;
  },
}));
