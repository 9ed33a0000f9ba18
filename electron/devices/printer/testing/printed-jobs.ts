/**
 * What a printer received, as a cashier would read the paper: the stream (status queries already left out, e.g.
 * FakeNetworkPrinter.printedBytes()) cut into print jobs at each `ESC @`, every job decoded (its text lines in
 * the code page, its QR payloads from `GS ( k`), and the drawer kicks counted apart. For core tests and e2e.
 */
import type { CodePageName } from '../escpos/profile';
import { decodeEscPos, type DecodedJob } from '../escpos/testing/decode';
import { splitEscPos } from './escpos-commands';

export interface PrintedStream {
  jobs: DecodedJob[];
  drawerKicks: { pin: 2 | 5 }[];
}

export function printedJobs(stream: Uint8Array, page: CodePageName): PrintedStream {
  const drawerKicks: { pin: 2 | 5 }[] = [];
  const jobs: number[][] = [];
  for (const command of splitEscPos(stream)) {
    if (command.kind === 'drawer-kick') {
      drawerKicks.push({ pin: command.pin });
      continue;
    }
    if (command.kind === 'init' || jobs.length === 0) {
      jobs.push([]);
    }
    jobs.at(-1)?.push(...command.bytes);
  }
  return { jobs: jobs.map((bytes) => decodeEscPos(Uint8Array.from(bytes), page)), drawerKicks };
}
