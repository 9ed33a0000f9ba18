#!/usr/bin/env node
// The `kassa` command. The bundle is built by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  process.stderr.write('kassa: not built yet — run `npm run build` in the Kassa folder first.\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
