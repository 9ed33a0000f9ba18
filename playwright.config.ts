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

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // Two workers, one spec file at a time each (tests within a file stay in order). Every test starts its own
  // host in its own temp data dir on a port the host picks itself (e2e/fixtures/host.ts), so the two workers
  // share nothing but dist/ — which start.spec.ts rebuilds (`npm start` runs the build): it runs alone, after
  // the rest, as the `npm-start` project below.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.playwright-report.json' }],
  ],
  projects: [
    // A teardown project runs after its project has finished, whether or not that passed. It always runs in full:
    // `npx playwright test --no-deps e2e/x.spec.ts` runs one spec file without it.
    { name: 'till', testIgnore: 'start.spec.ts', teardown: 'npm-start' },
    { name: 'npm-start', testMatch: 'start.spec.ts' },
  ],
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
