import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (never a downloaded browser): CHROMIUM_PATH, else /usr/bin/chromium. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

const workers = Number(process.env.KASSA_E2E_WORKERS ?? '1');
if (!Number.isInteger(workers) || workers < 1) {
  throw new Error(`KASSA_E2E_WORKERS must be a whole number ≥ 1; got ${process.env.KASSA_E2E_WORKERS ?? ''}`);
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // One worker unless KASSA_E2E_WORKERS says more. Two workers on the 2-core CI machine roughly halve the
  // CPU headroom each test has, and the scanner specs time key gaps (e2e/fixtures/scanner.ts): measured on a
  // loaded machine, two workers failed timing-sensitive tests, so more than one is opt-in. With more than one,
  // every test still starts its own host in its own temp data dir on a port the host picks itself
  // (e2e/fixtures/host.ts); the workers share only dist/, which start.spec.ts rebuilds (`npm start` runs the
  // build): it then runs alone, after the rest, as the `npm-start` project below.
  fullyParallel: false,
  workers,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.playwright-report.json' }],
  ],
  // A teardown project runs after its project has finished, whether or not that passed. It always runs in full:
  // `npx playwright test --no-deps e2e/x.spec.ts` runs one spec file without it.
  ...(workers > 1
    ? {
        projects: [
          { name: 'till', testIgnore: 'start.spec.ts', teardown: 'npm-start' },
          { name: 'npm-start', testMatch: 'start.spec.ts' },
        ],
      }
    : {}),
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
        '--disable-quic',
      ],
    },
  },
});
