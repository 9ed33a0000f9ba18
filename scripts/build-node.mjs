// Bundles the main-process side with esbuild: the CLI and `npm start` launcher (ESM, Node), the Electron
// main (ESM) and the two preloads (CommonJS: sandboxed preloads cannot be ES modules).
// Dependencies stay external (native modules must load from node_modules / app.asar.unpacked).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '// Kassa — built file; edit the TypeScript sources instead.' },
};

const jobs = [
  build({
    ...common,
    format: 'esm',
    entryPoints: { cli: 'electron/hosts/cli-main.ts', start: 'electron/start.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
  }),
];
if (existsSync('electron/main.ts')) {
  jobs.push(
    build({
      ...common,
      format: 'esm',
      entryPoints: { main: 'electron/main.ts' },
      outdir: 'dist/electron',
      outExtension: { '.js': '.mjs' },
      external: ['electron'],
    }),
  );
}
for (const [name, file] of [
  ['preload-cashier', 'electron/preload/cashier.ts'],
  ['preload-display', 'electron/preload/display.ts'],
]) {
  if (existsSync(file)) {
    jobs.push(
      build({
        ...common,
        format: 'cjs',
        entryPoints: { [name]: file },
        outdir: 'dist/electron',
        outExtension: { '.js': '.cjs' },
        external: ['electron'],
      }),
    );
  }
}
await Promise.all(jobs);
