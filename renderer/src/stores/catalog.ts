/**
 * Catalog import from a CSV price list: all rows or none, every problem reported with its line number. A file
 * picked in Settings is handed to main in chunks (upload.ts) and imported from there (catalog:import-upload),
 * so its size is not limited by one IPC frame.
 */
import { create } from 'zustand';
import type { CatalogImportProgress, CatalogImportResult } from '../../../shared/channels/sale';
import type { Envelope, IpcError } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';
import { uploadFile } from './upload';

export interface CatalogState {
  busy: boolean;
  imported: number | null;
  /** The running import, from main's catalog:import-progress events (null when none is running). */
  progress: CatalogImportProgress | null;
  /** Products imported that a Mongolian receipt would refuse ("line 4: …"), and how many there are in all. */
  warnings: string[];
  warningCount: number;
  /** One entry per problem row ("line 4: price must be …"), from the host's validation issues. */
  problems: string[];
  lastError: ShownError | null;
  importCsv: (csv: string) => Promise<boolean>;
  /** The file the cashier picked, however large (up to the upload limit). */
  importFile: (file: Blob, name: string) => Promise<boolean>;
}

const problemsOf = (error: IpcError): string[] =>
  (error.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));

const STARTED = {
  busy: true,
  imported: null,
  progress: null,
  warnings: [],
  warningCount: 0,
  problems: [],
  lastError: null,
};

export const useCatalogStore = create<CatalogState>()((set) => {
  /** Shows main's progress events while `run` is on its way, then its outcome. */
  const importing = async (run: () => Promise<Envelope<CatalogImportResult>>): Promise<boolean> => {
    set(STARTED);
    const off = kassa().on('catalog:import-progress', (progress) => {
      set({ progress: progress.done ? null : progress });
    });
    try {
      const envelope = await run();
      if (envelope.ok) {
        set({
          busy: false,
          progress: null,
          imported: envelope.value.imported,
          warnings: envelope.value.warnings.map((w) => `line ${w.line}: ${w.message}`),
          warningCount: envelope.value.warningCount,
        });
        return true;
      }
      set({
        busy: false,
        progress: null,
        lastError: shown(envelope.error),
        problems: problemsOf(envelope.error),
      });
      return false;
    } finally {
      off();
    }
  };
  return {
    busy: false,
    imported: null,
    progress: null,
    warnings: [],
    warningCount: 0,
    problems: [],
    lastError: null,
    importCsv: (csv) => importing(() => call(() => kassa().catalogImportCsv({ csv }))),
    importFile: (file, name) =>
      importing(async () => {
        const uploaded = await uploadFile(file, name);
        return uploaded.ok
          ? await call(() => kassa().catalogImportUpload({ uploadId: uploaded.value.uploadId }))
          : uploaded;
      }),
  };
});
