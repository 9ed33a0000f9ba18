/**
 * Static check of the preload bundles: built in memory with the options scripts/build-node.mjs uses
 * (scripts/build-options.mjs), each must load nothing but `electron`. A sandboxed preload's `require` is Electron's
 * stub, so any other `require(...)` (a package left external, a node builtin) throws when the window loads, and an
 * `import` cannot run in a CommonJS preload at all.
 */
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PRELOADS, preloadOptions } from '../../scripts/build-options.mjs';

/** Every module load in `code` other than `require("electron")`, as it appears in the (comment-free) source. */
function foreignLoads(code: string): string[] {
  const loads: string[] = [];
  for (const match of code.matchAll(/\brequire\s*\(([^)]*)\)/g)) {
    const argument = (match[1] ?? '').trim();
    if (argument !== '"electron"' && argument !== "'electron'") {
      loads.push(`require(${argument})`);
    }
  }
  for (const match of code.matchAll(/\bimport\s*\(([^)]*)\)|^\s*import\s.*$/gm)) {
    loads.push(match[0].trim());
  }
  return loads.sort();
}

interface Bundled {
  /** The minified bundle: no comments, so the text check sees code only (`require` is never renamed). */
  code: string;
  /** What esbuild left external in the output, as `<kind> <path>` (esbuild's metafile). */
  externals: string[];
}

/** Bundles with `options` in memory (no files written, no source map). */
async function bundle(options: BuildOptions): Promise<Bundled> {
  const result = await build({
    ...options,
    write: false,
    sourcemap: false,
    minify: true,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.values(result.metafile.outputs);
  expect(outputs).toHaveLength(1);
  expect(result.outputFiles).toHaveLength(1);
  return {
    code: result.outputFiles[0]!.text,
    externals: outputs[0]!.imports.filter((i) => i.external === true).map((i) => `${i.kind} ${i.path}`),
  };
}

/** A preload that imports a package (zod) and a node builtin, as a future change might; fed to esbuild on stdin. */
function withImports(options: BuildOptions): BuildOptions {
  const { entryPoints: _entryPoints, ...rest } = options;
  return {
    ...rest,
    stdin: {
      contents: [
        "import { contextBridge } from 'electron';",
        "import { z } from 'zod';",
        "import { EventEmitter } from 'node:events';",
        "contextBridge.exposeInMainWorld('probe', { ok: z.string().parse('x'), events: new EventEmitter() });",
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
      sourcefile: 'probe-preload.ts',
    },
    outfile: 'dist/electron/probe.cjs',
    outdir: undefined,
  };
}

describe('preload bundles', () => {
  it('names both preloads, each a CommonJS bundle with only electron external', () => {
    expect(Object.keys(PRELOADS).sort()).toEqual(['preload-cashier', 'preload-display']);
    for (const [name, file] of Object.entries(PRELOADS)) {
      const options = preloadOptions(name, file);
      expect(options.format).toBe('cjs');
      expect(options.bundle).toBe(true);
      expect(options.external).toEqual(['electron']);
      expect(options.packages).toBeUndefined();
    }
  });

  for (const [name, file] of Object.entries(PRELOADS)) {
    it(`${name} requires nothing but electron`, async () => {
      const { code, externals } = await bundle(preloadOptions(name, file));
      expect(externals).toEqual(['require-call electron']);
      expect(code).toContain('require("electron")');
      expect(foreignLoads(code)).toEqual([]);
    });
  }

  it('inlines a package a preload imports, so only a node builtin is left to report', async () => {
    const { code, externals } = await bundle(withImports(preloadOptions('probe', 'unused.ts')));
    expect(externals.sort()).toEqual(['require-call electron', 'require-call node:events']);
    expect(foreignLoads(code)).toEqual(['require("node:events")']);
  });

  it('catches the bundle packages: "external" made: the package import stays a require', async () => {
    const { code, externals } = await bundle({
      ...withImports(preloadOptions('probe', 'unused.ts')),
      packages: 'external',
    });
    expect(externals).toContain('require-call zod');
    expect(foreignLoads(code)).toEqual(['require("node:events")', 'require("zod")']);
  });

  it('reports an import statement or a dynamic import', () => {
    expect(foreignLoads('import x from "y";\nconst z = await import("w");')).toEqual([
      'import x from "y";',
      'import("w")',
    ]);
  });
});
