// Types of scripts/build-options.mjs for the TypeScript tests that import it.
import type { BuildOptions } from 'esbuild';

export declare const nodeCommon: BuildOptions;
export declare const PRELOADS: Readonly<Record<string, string>>;
export declare function preloadOptions(name: string, file: string): BuildOptions;
