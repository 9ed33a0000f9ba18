// Types of scripts/package-layout.mjs for the TypeScript tests that import it.
export declare const PACKED_FILES: readonly string[];
export declare const UDEV_RULE: string;
export declare function asarEntries(archive: string): Map<string, boolean>;
export declare function checkApp(appOutDir: string, resourcesDir: string): string[];
export declare function checkNative(resourcesDir: string, platform: string, arches: string[]): string[];
export declare function checkUdevRule(resourcesDir: string, source: string): string[];
export declare function checkProductionTree(resourcesDir: string, projectDir: string): string[];
