/**
 * Catalog typing: every translation of a catalog has exactly the source catalog's keys (strings may differ).
 * The compiler checks parity; i18n.test.ts checks it again at run time for anything built dynamically.
 */
export type CatalogOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]>;
};

/** Every leaf key of a nested catalog as a dotted path, sorted. */
export function catalogKeys(catalog: object, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object') {
      keys.push(...catalogKeys(value as object, path));
    } else {
      keys.push(path);
    }
  }
  return keys.sort();
}
