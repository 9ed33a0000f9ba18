// CI packaging check (`npm run package:check`, the `package` check of `npm test`; needs `npm run build` first).
// Runs `electron-builder --linux dir deb` through its JS API with electron-builder.yml, overriding only what a
// machine without downloads needs: a stand-in Electron dist made here, electronVersion 45.4.1, no fuses (they are
// flipped in the real binary), output in a temp dir. The deb target is prepared up to its fpm call (scripts
// rendered, AppArmor profile written, fpm arguments computed) and stopped there: fpm itself is a download. The
// yml's afterPack hook runs as in a release build. Then it checks the packed layout (scripts/package-layout.mjs)
// and the deb (scripts/deb-scripts.mjs). Offline: electron-builder 26 is JavaScript (no app-builder-bin binary),
// and nothing is downloaded when electronDist is given and fpm is not run.
import { build, Platform, Arch } from 'electron-builder';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '@electron/asar';
import { checkDebDepends, checkDebScripts, checkDesktopEntry, checkFpmArgs } from './deb-scripts.mjs';
import { checkApp, checkNative, checkProductionTree, checkUdevRule } from './package-layout.mjs';

const ELECTRON_VERSION = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const keep = process.argv.includes('--keep');
// electron-builder's own default deb depends (the list deb.depends replaces), read from the installed version.
const FpmTarget = createRequire(import.meta.url)('app-builder-lib/out/targets/FpmTarget.js').default;
const DEFAULT_DEB_DEPENDS = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');

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

/** What electron-builder handed to fpm: its arguments, the scripts it rendered and the desktop entry (read while
 * those temp files exist). */
function readFpmInput(args, desktopFile) {
  const file = (flag) => readFileSync(args[args.indexOf(flag) + 1], 'utf8');
  return {
    args,
    rendered: { afterInstall: file('--after-install'), afterRemove: file('--after-remove') },
    desktopEntry: readFileSync(desktopFile, 'utf8'),
  };
}

const work = mkdtempSync(join(tmpdir(), 'kassa-package-'));
const started = Date.now();
let problems = [];
try {
  const dist = join(work, 'electron-dist');
  standInElectron(dist);
  /** @type {Record<string, unknown> | undefined} */
  let effective;
  /** @type {ReturnType<typeof readFpmInput> | undefined} */
  let fpm;
  await build({
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
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
    // electron-builder's hook for its own tests: the deb target calls it with [fpm arguments, desktop file] right
    // before running fpm; answering true skips fpm.
    effectiveOptionComputed: (options) => {
      if (Array.isArray(options) && Array.isArray(options[0])) {
        fpm = readFpmInput(options[0], options[1]);
        return Promise.resolve(true);
      }
      return Promise.resolve(false);
    },
  });
  const appOutDir = join(work, 'out', 'linux-unpacked');
  const resources = join(appOutDir, 'resources');
  problems = [
    ...checkApp(appOutDir, resources),
    ...checkNative(resources, 'linux', ['x64']),
    ...checkProductionTree(resources, process.cwd()),
    ...checkUdevRule(resources, 'packaging/udev/70-kassa-hid.rules'),
  ];
  if (effective === undefined || fpm === undefined) {
    problems.push('electron-builder did not report its configuration or did not prepare the deb');
  } else {
    problems.push(
      ...checkFpmArgs(fpm.args, appOutDir, 'Kassa'),
      ...checkDebDepends(effective, DEFAULT_DEB_DEPENDS),
      ...checkDesktopEntry(
        fpm.args,
        fpm.desktopEntry,
        String(
          JSON.parse(extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')).desktopName,
        ),
      ),
      ...checkDebScripts({
        projectDir: process.cwd(),
        config: effective,
        appOutDir,
        executable: 'kassa',
        productName: 'Kassa',
        rendered: fpm.rendered,
      }),
    );
  }
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
  process.stdout.write(`package check: linux dir and deb (up to fpm) are complete (${seconds} s)\n`);
}
