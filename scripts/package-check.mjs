// CI packaging check (`npm run package:check`, the `package` check of `npm test`; needs `npm run build` first).
// Runs `electron-builder --linux dir` through its JS API with electron-builder.yml, overriding only what a machine
// without the Electron download needs: a stand-in Electron dist made here, electronVersion 45.4.1, no fuses (they
// are flipped in the real binary), output in a temp dir. The yml's afterPack hook runs as in a release build, so
// a missing native package fails here too. Then it checks the packed layout (scripts/package-layout.mjs) and the
// deb scripts (scripts/deb-scripts.mjs). Offline: electron-builder 26 is JavaScript (no app-builder-bin), and a
// dir build downloads nothing when electronDist is given.
import { build, Platform, Arch } from 'electron-builder';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDebScripts } from './deb-scripts.mjs';
import { checkApp, checkNative, checkProductionTree, checkUdevRule } from './package-layout.mjs';

const ELECTRON_VERSION = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const keep = process.argv.includes('--keep');

/**
 * A stand-in for an unpacked Electron linux-x64 dist. electron-builder 26.17 copies the directory and renames
 * `electron` to the app's executable; it reads nothing else from it (found by building against an empty dir plus
 * that file). chrome-sandbox and LICENSE are there because the real dist has them and the deb scripts use the first.
 */
function standInElectron(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(
    join(dir, 'electron'),
    '#!/bin/sh\necho "stand-in Electron: this package was built for CI"\nexit 1\n',
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
}

const work = mkdtempSync(join(tmpdir(), 'kassa-package-'));
const started = Date.now();
let problems = [];
try {
  const dist = join(work, 'electron-dist');
  standInElectron(dist);
  /** @type {Record<string, unknown> | undefined} */
  let effective;
  await build({
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      electronDist: dist,
      electronVersion: ELECTRON_VERSION,
      electronFuses: null,
      directories: { output: join(work, 'out') },
      // Only to read the configuration electron-builder used (yml + these overrides); it adds no artifacts.
      afterAllArtifactBuild: (result) => {
        effective = result.configuration;
        return [];
      },
    },
  });
  const appOutDir = join(work, 'out', 'linux-unpacked');
  const resources = join(appOutDir, 'resources');
  problems = [
    ...checkApp(appOutDir, resources),
    ...checkNative(resources, 'linux', ['x64']),
    ...checkProductionTree(resources, process.cwd()),
    ...checkUdevRule(resources, 'packaging/udev/70-kassa-hid.rules'),
    ...(effective === undefined
      ? ['electron-builder did not report its configuration']
      : checkDebScripts({
          projectDir: process.cwd(),
          config: effective,
          appOutDir,
          executable: 'kassa',
          productName: 'Kassa',
        })),
  ];
} catch (error) {
  problems.push(`electron-builder failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (keep) {
    process.stdout.write(`package kept in ${work}\n`);
  } else {
    rmSync(work, { recursive: true, force: true });
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  process.stdout.write(`package check: ${problems.length} problem(s) (${seconds} s)\n`);
  for (const problem of problems) {
    process.stdout.write(`  - ${problem}\n`);
  }
  process.exitCode = 1;
} else {
  process.stdout.write(`package check: linux dir package is complete (${seconds} s)\n`);
}
