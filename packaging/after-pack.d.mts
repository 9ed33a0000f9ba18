// Types of packaging/after-pack.mjs for the TypeScript tests that import it: the part of electron-builder's
// AfterPackContext the hook reads.
export interface AfterPackContextSubset {
  electronPlatformName: string;
  arch: number;
  appOutDir: string;
  packager: { projectDir: string; getResourcesDir(appOutDir: string): string };
}
export default function afterPack(context: AfterPackContextSubset): void;
