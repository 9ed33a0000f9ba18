/**
 * The barcode field as cashiers use it: a code, `3*` then a scan (3 pieces), or `3*code` typed in one go.
 */

/** The barcode field's element id: the wedge hookup keeps its text (useScanStore.entry) right during a scan. */
export const BARCODE_FIELD_ID = 'barcode-input';

/** What the barcode field holds, read the way cashiers type it: `3*` then a scan = quantity 3. */
export interface ParsedEntry {
  code: string;
  quantity: number | undefined;
}

const MULTIPLIER = /^(\d{1,6})\s*[*xX×]\s*(.*)$/;

/** `4860002000011` → code; `3*4860002000011` → quantity 3 and the code; `3*` alone → a pending quantity. */
export function parseEntry(text: string): ParsedEntry | null {
  const trimmed = text.trim();
  const match = MULTIPLIER.exec(trimmed);
  if (match) {
    const quantity = Number(match[1]);
    const code = (match[2] ?? '').trim();
    return { code, quantity: quantity > 0 ? quantity : undefined };
  }
  return trimmed === '' ? null : { code: trimmed, quantity: undefined };
}

/** The N of a field holding only `N*` (waiting for the scan it multiplies), else null. */
export function pendingMultiplier(text: string): number | null {
  const parsed = parseEntry(text);
  return parsed !== null && parsed.code === '' && parsed.quantity !== undefined ? parsed.quantity : null;
}
