// Types of scripts/deb-scripts.mjs for the TypeScript tests that import it.
export declare function renderDebScript(
  template: string,
  values: { executable: string; sanitizedProductName: string },
): string;
export declare function checkDebScripts(options: {
  projectDir: string;
  config: { deb?: { afterInstall?: unknown; afterRemove?: unknown } };
  appOutDir: string;
  executable: string;
  productName: string;
  rendered?: { afterInstall?: string; afterRemove?: string };
}): string[];
export declare const KASSA_DEPENDS: readonly string[];
export declare function checkDebDepends(
  config: { deb?: { depends?: unknown } },
  defaults: string[],
): string[];
export declare function checkFpmArgs(args: string[], appOutDir: string, productName: string): string[];
export declare function checkDesktopEntry(args: string[], entry: string, desktopName: string): string[];
