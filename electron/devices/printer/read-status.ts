/**
 * Asks a printer the four DLE EOT queries over its transport and parses the answers (./status.ts). Four round
 * trips of one byte each: a few milliseconds on a LAN or USB, ~5 ms at 9600 baud.
 */
import { parsePrinterStatus, statusRequest, type PrinterStatus, type StatusOptions } from './status';
import type { PrinterTransport } from './transports/transport';

export async function readPrinterStatus(
  transport: PrinterTransport,
  timeoutMs: number,
  options: StatusOptions = {},
): Promise<PrinterStatus> {
  const answer = async (n: 1 | 2 | 3 | 4): Promise<number> =>
    (await transport.readStatus(statusRequest(n), 1, timeoutMs))[0] ?? 0;
  const printer = await answer(1);
  const offlineCause = await answer(2);
  const errorCause = await answer(3);
  const paperSensor = await answer(4);
  return parsePrinterStatus({ printer, offlineCause, errorCause, paperSensor }, options);
}
