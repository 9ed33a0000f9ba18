// esbuild options for the main-process side, shared by scripts/build-node.mjs (the build) and
// electron/hosts/preload-bundle.test.ts (the static check of the preload bundles), so the check cannot drift
// from what is built.

const banner = { js: '// Kassa — built file; edit the TypeScript sources instead.' };

/**
 * The CLI, the `npm start` launcher and the Electron main: ESM for Node with every package left external
 * (native modules must load from node_modules / app.asar.unpacked, and electron-builder packs the runtime
 * dependencies from package.json).
 * @type {import('esbuild').BuildOptions}
 */
export const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner,
};

/** The two preloads: entry name (dist/electron/<name>.cjs) → source. */
export const PRELOADS = {
  'preload-cashier': 'electron/preload/cashier.ts',
  'preload-display': 'electron/preload/display.ts',
};

/**
 * One preload bundle. Preloads run sandboxed (sandbox: true): their `require` is Electron's stub that loads only
 * `electron` and a few polyfilled modules, and they cannot be ES modules. So the bundle is CommonJS with
 * everything inlined except `electron`: a package import left external would become a `require` that fails
 * when the window loads (docs/architecture.md §12, Packaging).
 * @param {string} name entry name, a key of PRELOADS
 * @param {string} file the TypeScript source
 * @returns {import('esbuild').BuildOptions}
 */
export function preloadOptions(name, file) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    banner,
    entryPoints: { [name]: file },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  };
}
