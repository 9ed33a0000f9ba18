// `npm test`: typecheck, lint (eslint, prettier, the layer rules), build, package (electron-builder --linux dir
// against a stand-in Electron), unit + simulator contract tests (vitest), e2e (Playwright in Chromium against the
// browser host). Every stage runs even when an earlier one fails, so one run shows everything; the last line is
// the summary CI reads: `N passed, N failed` summed over all suites (a failed typecheck, lint, build or package
// counts as one failed check each).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const VITEST_REPORT = '.vitest-report.json';
const PLAYWRIGHT_REPORT = '.playwright-report.json';
const only = process.argv.slice(2);

function run(name, command, args, env = {}) {
  if (only.length > 0 && !only.includes(name)) {
    return true;
  }
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });

let passed = 0;
let failed = 0;
const checks = [];

const typecheck =
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']) &&
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
checks.push(['typecheck', typecheck]);
// The layer rules (.dependency-cruiser.cjs, docs/architecture.md §2) are part of lint: a violation fails it.
const lint =
  run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']) &&
  run('lint', 'npx', ['prettier', '--check', '.']) &&
  run('lint', 'npx', [
    'depcruise',
    'electron',
    'shared',
    'renderer',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'err',
  ]);
checks.push(['lint', lint]);
const build = run('e2e', 'npm', ['run', 'build']);
checks.push(['build', build]);
// The packaging check: electron-builder --linux dir against a stand-in Electron, then the packed layout
// (scripts/package-check.mjs, docs/deploy.md "What CI checks"). It packs the build above, so it needs it.
const pack = build && run('package', 'node', ['scripts/package-check.mjs']);
checks.push(['package', pack]);

const unitExit = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST_REPORT}`,
]);
const vitest = readJson(VITEST_REPORT);
if (vitest) {
  passed += vitest.numPassedTests;
  // A file that fails to load has no failed tests of its own: count it so it cannot hide.
  failed += vitest.numFailedTests + (vitest.numFailedTests === 0 ? vitest.numFailedTestSuites : 0);
  process.stdout.write(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numFailedTestSuites} failed files\n`,
  );
  // A failure outside any test (global teardown: a test wrote to the default data dir) only shows in the exit code.
  if (!unitExit && vitest.numFailedTests === 0 && vitest.numFailedTestSuites === 0) {
    failed += 1;
    process.stdout.write('vitest: exited with an error outside the tests (see above)\n');
  }
} else if (only.length === 0 || only.includes('unit')) {
  failed += 1;
  process.stdout.write('vitest: no report (the run crashed)\n');
}

if (build) {
  run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT });
  const pw = readJson(PLAYWRIGHT_REPORT);
  if (pw?.stats) {
    passed += pw.stats.expected + pw.stats.flaky;
    failed += pw.stats.unexpected;
    process.stdout.write(
      `playwright: ${pw.stats.expected} passed, ${pw.stats.flaky} flaky, ${pw.stats.unexpected} failed\n`,
    );
    if (pw.errors?.length) {
      failed += pw.errors.length;
    }
  } else if (only.length === 0 || only.includes('e2e')) {
    failed += 1;
    process.stdout.write('playwright: no report (the run crashed)\n');
  }
}

for (const [name, ok] of checks) {
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    process.stdout.write(`${name}: FAILED\n`);
  }
}
if (!existsSync('node_modules')) {
  failed += 1;
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
