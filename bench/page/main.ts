/**
 * The page figures as their own process (bench/run.ts starts it): they drive Chromium, and this file and its
 * page-side code are type-checked with the DOM (tsconfig.e2e.json). The last line printed is the figures' JSON.
 */
import { wedgeScanFigures } from './wedge-scan';

const figures = await wedgeScanFigures();
process.stdout.write(`${JSON.stringify(figures)}\n`);
