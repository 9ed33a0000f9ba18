/**
 * One printer as the print service sees it, whatever reaches it (docs/printing.md): an ESC/POS printer over USB,
 * serial or TCP (escpos-driver.ts, over the PrintQueue), or a printer of the operating system through Electron's
 * `webContents.print` (system-driver.ts). Jobs are print lines (documents/*Lines); each driver renders them its
 * own way. Like the queue, a driver holds jobs in memory only: they carry eBarimt qrData and lottery.
 */
import type { PrintLine } from './escpos/render';
import type { PaperWidth } from './escpos/profile';
import type { PrintJobOutcome, PrinterState } from './print-queue';

export interface DriverJob {
  id: string;
  /** What it is, for the cashier and the log ("receipt #42"); never printed data. */
  label: string;
  lines: readonly PrintLine[];
}

export interface PrinterDriver {
  /** How the printer is reached ("192.168.1.50:9100", "USB 0416:5011", "EPSON TM-T20"). */
  readonly label: string;
  readonly state: PrinterState;
  /** The paper is nearly out (the last status said so); false when the driver cannot tell. */
  readonly paperLow: boolean;
  /** False where the printer has no drawer port (a system printer). */
  readonly drawerSupported: boolean;
  pending(): { id: string; label: string }[];
  onState(listener: (state: PrinterState) => void): () => void;
  onJob(listener: (job: { id: string; label: string }, outcome: PrintJobOutcome) => void): () => void;
  print(job: DriverJob): void;
  /** The drawer pulse; at-most-once, dropped when it cannot be sent soon (print-queue.ts). */
  kickDrawer(id: string, pin: 2 | 5): void;
  /** Asks the printer now (nothing printed). */
  checkStatus(): Promise<PrinterState>;
  /** Resolves once nothing is being sent (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A document for a printer of the operating system (Electron host: electron/windows/system-printer.ts). */
export interface SystemPrintDocument {
  /** The job's label, as the OS print queue shows it. */
  title: string;
  lines: readonly PrintLine[];
  paperWidth: PaperWidth;
}

/**
 * The operating system's printers, given to the core by the Electron host; the browser host and the CLI have
 * none. `print` resolves when the OS spooler accepted the job (it cannot tell whether paper came out).
 */
export interface SystemPrinters {
  list(): Promise<{ name: string; isDefault: boolean }[]>;
  print(deviceName: string, document: SystemPrintDocument): Promise<void>;
}
