import { defineConfig } from 'vitest/config';

// Unit + simulator contract tests. Playwright specs (e2e/*.spec.ts) are not picked up here.
export default defineConfig({
  test: {
    // A throw-away HOME for every test; the run fails if a test wrote to the default data dir.
    globalSetup: ['electron/testing/global-setup.ts'],
    // Vitest's default on a 2-core build machine is one worker, so files ran one after another while most of them
    // wait on simulators, fsync or child processes: two workers took the unit stage from ~278 s to ~175–200 s.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts'],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
