/**
 * The catalog:* channels over the catalog on disk (storage/catalog-store.ts): search, and imports that stream
 * from a file (catalog-import.ts) — an upload's temp file from Settings, a path named by the CLI, or CSV text —
 * with progress events while they run, and the CSV export the importer reads back.
 */
import type { CatalogImportProgress, CatalogImportResult } from '../../shared/channels/sale';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { CatalogStore } from '../storage/catalog-store';
import { exportCatalogFile } from './catalog-export';
import { importCatalogFile, type ImportFileOptions } from './catalog-import';
import type { RowRules } from './catalog-row';

/** Files handed to main with upload:* (storage/uploads.ts); using one deletes it. */
export interface UploadedFiles {
  consume<T>(
    uploadId: string,
    use: (file: { name: string; size: number; path: string }) => Promise<T>,
  ): Promise<T>;
}

export interface CatalogHandlerDeps {
  store: CatalogStore;
  /** The import rules of the till as it is now (currency, default rates, whether receipt codes are needed). */
  rules(): RowRules;
  uploads?: UploadedFiles;
  progress?(progress: CatalogImportProgress): void;
}

export function createCatalogHandlers(deps: CatalogHandlerDeps): HandlerMap<'catalog'> {
  const run = (
    source: ImportFileOptions['source'],
    dryRun: boolean | undefined,
  ): Promise<CatalogImportResult> =>
    importCatalogFile({
      source,
      store: deps.store,
      rules: deps.rules(),
      dryRun: dryRun === true,
      ...(deps.progress ? { onProgress: (p: CatalogImportProgress) => deps.progress?.(p) } : {}),
    });
  return {
    'catalog:search': ({ query, limit }) => Promise.resolve(deps.store.search(query, limit)),
    'catalog:import-csv': ({ csv, dryRun }) => run({ text: csv }, dryRun),
    'catalog:import-file': ({ path, dryRun }) => run({ path }, dryRun),
    'catalog:import-upload': ({ uploadId, dryRun }) => {
      const uploads = deps.uploads;
      if (!uploads) {
        return Promise.reject(new KassaError('not_found', 'This till takes no file uploads.'));
      }
      return uploads.consume(uploadId, (file) => run({ path: file.path }, dryRun));
    },
    'catalog:export-file': async ({ path }) => ({
      exported: await exportCatalogFile(path, deps.store.products()),
    }),
  };
}
