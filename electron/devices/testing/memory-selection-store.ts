/** Test double for the scanner selection file: the selection kept in memory, inspectable by the test. */
import type { ScannerSelection, ScannerSelectionStore } from '../selection';

export class MemorySelectionStore implements ScannerSelectionStore {
  constructor(public selections: ScannerSelection[] = []) {}
  load(): Promise<ScannerSelection[]> {
    return Promise.resolve(this.selections.map((s) => ({ ...s })));
  }
  save(selections: ScannerSelection[]): Promise<void> {
    this.selections = selections.map((s) => ({ ...s }));
    return Promise.resolve();
  }
}
