// Bundles the main-process side with esbuild: the CLI and `npm start` launcher (ESM, Node), the Electron
// main (ESM) and the two preloads (CommonJS: sandboxed preloads cannot be ES modules). The options live in
// scripts/build-options.mjs: main and CLI keep packages external (native modules load from node_modules /
// app.asar.unpacked); the preloads inline everything but `electron`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { PRELOADS, nodeCommon, preloadOptions } from './build-options.mjs';

const jobs = [
  build({
    ...nodeCommon,
    format: 'esm',
    entryPoints: { cli: 'electron/hosts/cli-main.ts', start: 'electron/start.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
  }),
];
if (existsSync('electron/main.ts')) {
  jobs.push(
    build({
      ...nodeCommon,
      format: 'esm',
      entryPoints: { main: 'electron/main.ts' },
      outdir: 'dist/electron',
      outExtension: { '.js': '.mjs' },
      external: ['electron'],
    }),
  );
}
for (const [name, file] of Object.entries(PRELOADS)) {
  if (existsSync(file)) {
    jobs.push(build(preloadOptions(name, file)));
  }
}
await Promise.all(jobs);
