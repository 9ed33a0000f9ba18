/**
 * Streaming CSV catalog import (docs/architecture.md §5, "Catalog"). The file is read from disk in chunks
 * (an upload's temp file, or a path the CLI names), parsed by csv-parse, every row checked (catalog-row.ts), and
 * the valid products written into a new catalog generation in batches while the rest of the file is still being
 * read — so a 100 000-row list never sits in memory or in one IPC frame. All or nothing: if any row is wrong the
 * new generation is dropped and every problem is reported with its line number (KassaError 'validation' with
 * issues `line N`), so the file can be fixed in one pass; otherwise the generation is flipped in one
 * transaction. Warnings (a product a Mongolian receipt would refuse) do not stop the import; they are listed.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Product } from '../../shared/channels/sale';
import { KassaError } from '../kernel/errors';
import type { CatalogStore, GenerationWriter } from '../storage/catalog-store';
import { codesOf, readHeader, readRow, type Column, type RowRules } from './catalog-row';

/** How many problems and warnings are listed (all are counted). */
export const MAX_LISTED = 200;
const BATCH = 1000;
const PROGRESS_EVERY_ROWS = 5000;

export interface LineNote {
  line: number;
  message: string;
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  done: boolean;
}

export interface ImportOutcome {
  /** Products in the file (and in the catalog now, unless this was a dry run). */
  imported: number;
  dryRun: boolean;
  /** The first MAX_LISTED warnings, by line. */
  warnings: LineNote[];
  warningCount: number;
}

export interface ImportFileOptions {
  /** A file on disk (an upload's temp file, a path the CLI names), or CSV text (catalog:import-csv). */
  source: { path: string } | { text: string };
  store: CatalogStore;
  rules: RowRules;
  /** Check every row, change nothing. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Comma or semicolon (ru/mn Excel exports use ';'), or a tab, from the header line: csv-parse takes one
 * delimiter (its delimiter_auto scores candidates over the data; the header is the one line whose cells are
 * known names, so it decides alone), and the header's cells never contain any of them.
 */
export function delimiterOf(start: string): ',' | ';' | '\t' {
  const header = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string): number => header.replace(/"[^"]*"/g, '').split(ch).length - 1;
  let best: ',' | ';' | '\t' = ',';
  for (const ch of [';', '\t'] as const) {
    if (count(ch) > count(best)) {
      best = ch;
    }
  }
  return best;
}

/** The first 64 KiB of the file, where its header line is. */
async function startOf(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n')) {
      breaks += cell.split('\n').length - 1;
    }
  }
  return breaks;
}

function importError(problems: LineNote[], total: number): KassaError {
  const first = problems[0];
  const summary = first ? `line ${first.line}: ${first.message}` : '';
  return new KassaError(
    'validation',
    `Nothing was imported: ${total} problem${total === 1 ? '' : 's'} in the CSV (${summary}${total > 1 ? ' …' : ''}).`,
    { issues: problems.map((p) => ({ path: `line ${p.line}`, message: p.message })) },
  );
}

/** Imports the CSV file at `path` into a new catalog generation (see the file comment). */
export async function importCatalogFile(options: ImportFileOptions): Promise<ImportOutcome> {
  const { store, rules } = options;
  const dryRun = options.dryRun === true;
  const { source } = options;
  const totalBytes = 'path' in source ? (await stat(source.path)).size : Buffer.byteLength(source.text);
  const delimiter = delimiterOf('path' in source ? await startOf(source.path) : source.text.slice(0, 65_536));
  const input = 'path' in source ? createReadStream(source.path) : Readable.from([source.text]);
  let bytes = 0;
  input.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  const parser = input.pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }),
  );

  const problems: LineNote[] = [];
  let problemCount = 0;
  const warnings: LineNote[] = [];
  let warningCount = 0;
  const problem = (line: number, message: string): void => {
    problemCount++;
    if (problems.length < MAX_LISTED) {
      problems.push({ line, message });
    }
  };
  const seen = new Map<string, number>();
  let columns: Column[] | undefined;
  let at = new Map<Column, number>();
  let headerLine = 1;
  let rows = 0;
  let lastLine = 0;
  let batch: Product[] = [];
  let writer: GenerationWriter | undefined;
  const flush = async (): Promise<void> => {
    if (batch.length > 0 && problemCount === 0 && !dryRun) {
      writer ??= store.begin('import');
      await writer.add(batch);
    }
    batch = [];
  };

  try {
    try {
      for await (const cells of parser as AsyncIterable<string[]>) {
        // A record starts on the line after the previous one and spans one line more per line break inside
        // its quoted cells (blank lines are records of one empty cell). Counted here rather than with
        // csv-parse's `info`, which costs about a tenth of the import.
        const line = lastLine + 1;
        lastLine = line + lineBreaksIn(cells);
        if (cells.every((c) => c.trim() === '')) {
          continue;
        }
        if (columns === undefined) {
          const header = readHeader(cells);
          if ('problems' in header) {
            throw importError(
              header.problems.map((message) => ({ line, message })),
              header.problems.length,
            );
          }
          columns = header.columns;
          at = new Map(columns.map((c, i) => [c, i]));
          headerLine = line;
          continue;
        }
        rows++;
        const get = (column: Column): string => {
          const i = at.get(column);
          return i === undefined ? '' : (cells[i] ?? '');
        };
        const result = readRow(get, rules);
        const messages = [...result.problems];
        if (cells.length !== columns.length) {
          messages.unshift(`has ${cells.length} cells, the header has ${columns.length}`);
        }
        if (result.product) {
          for (const code of codesOf(result.product)) {
            const first = seen.get(code);
            if (first !== undefined) {
              messages.push(`"${code}" is already used on line ${first}`);
            } else {
              seen.set(code, line);
            }
          }
        }
        if (messages.length > 0) {
          problem(line, messages.join('; '));
        } else if (result.product) {
          batch.push(result.product);
        }
        if (result.warnings.length > 0) {
          warningCount++;
          if (warnings.length < MAX_LISTED) {
            warnings.push({ line, message: result.warnings.join('; ') });
          }
        }
        if (batch.length >= BATCH) {
          await flush();
        }
        if (rows % PROGRESS_EVERY_ROWS === 0) {
          options.onProgress?.({ rows, bytes, totalBytes, done: false });
        }
      }
    } catch (error) {
      if (error instanceof KassaError) {
        throw error;
      }
      // csv-parse's own errors (an unclosed quote …) name the line they stopped at.
      const stoppedAt = (error as { lines?: unknown }).lines;
      problem(
        typeof stoppedAt === 'number' ? stoppedAt : lastLine + 1,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (problemCount > 0) {
      throw importError(problems, problemCount);
    }
    if (columns === undefined) {
      throw new KassaError('validation', 'The CSV file has no header row.');
    }
    if (rows === 0) {
      throw new KassaError('validation', `The CSV file has a header (line ${headerLine}) but no products.`);
    }
    await flush();
    const imported = rows;
    if (!dryRun && writer) {
      await writer.commit();
    }
    options.onProgress?.({ rows, bytes: totalBytes, totalBytes, done: true });
    return { imported, dryRun, warnings, warningCount };
  } catch (error) {
    await writer?.abort();
    input.destroy();
    throw error;
  }
}
