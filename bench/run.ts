/**
 * `npm run bench`: speed and memory figures of the till's hot paths on this machine, each with its target where
 * the project set one (speed targets live here, never in timed tests). Prints a human table, then one JSON line.
 * The page figures (bench/page/, Chromium against the browser host) run in their own process and need the built
 * renderer, which the npm script builds first.
 */
import { spawnSync } from 'node:child_process';
import { catalogFigures } from './catalog-figures';
import { coreFigures } from './core-figures';
import { report, type Figure } from './figures';
import { hidScanFigures } from './hid-scan';
import { ledgerFigures } from './ledger-figures';

const write = (text: string): void => {
  process.stdout.write(text);
};

function pageFigures(): Figure[] {
  const run = spawnSync('npx', ['tsx', 'bench/page/main.ts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('[')) {
    throw new Error(`the page figures failed (exit ${String(run.status)}): ${run.stdout.slice(-2000)}`);
  }
  // Our own child's output, in the shape bench/page/main.ts writes.
  return JSON.parse(last) as Figure[];
}

write('… core\n');
const figures: Figure[] = await coreFigures();
figures.push(...(await ledgerFigures()));
write('… hid scan\n');
figures.push(...(await hidScanFigures()));
figures.push(...(await catalogFigures()));
write('… wedge scan in Chromium\n');
figures.push(...pageFigures());
report(figures, write);
