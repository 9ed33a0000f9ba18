// Types of packaging/native-packages.mjs for the TypeScript tests that import it.
export interface NativeRequirement {
  what: string;
  path: string;
}
export declare function nodeArchesOf(builderArch: number): string[];
export declare function nativeRequirements(platform: string, arch: string): NativeRequirement[];
export declare function missingNative(
  nodeModulesDir: string,
  platform: string,
  arches: string[],
): NativeRequirement[];
export declare function missingNativeMessage(
  platform: string,
  arches: string[],
  missing: NativeRequirement[],
): string;
