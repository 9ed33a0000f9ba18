/**
 * The assertions of the CI packaging check (scripts/package-check.mjs) on small package layouts made here: a
 * complete one passes, and each way a package can be broken is reported. Also the per-target native requirements
 * and the afterPack hook (packaging/after-pack.mjs) that fails a build missing them.
 */
import { createPackageWithOptions } from '@electron/asar';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack from '../../packaging/after-pack.mjs';
import { nativeRequirements, nodeArchesOf } from '../../packaging/native-packages.mjs';
import { checkApp, checkNative, checkProductionTree, checkUdevRule } from '../../scripts/package-layout.mjs';

const RULE = 'packaging/udev/70-kassa-hid.rules';
const dirs: string[] = [];

function put(root: string, path: string, contents = ''): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), contents);
}

interface LayoutOptions {
  /** App files to leave out or replace (path → contents, or null to leave it out). */
  app?: Record<string, string | null>;
  /** Native requirement paths (nativeRequirements) to leave out. */
  withoutNative?: string[];
  /** asar's `unpack` glob; electron-builder's asarUnpack puts every .node outside the archive. */
  unpack?: string;
  /** Packages to pack: path under node_modules → version (written as its package.json). */
  packages?: Record<string, string>;
}

/** A linux-x64 package as electron-builder lays it out: appOutDir/resources/{app.asar, app.asar.unpacked, udev}. */
async function layout(
  options: LayoutOptions = {},
): Promise<{ appOutDir: string; resources: string; app: string }> {
  const root = mkdtempSync(join(tmpdir(), 'kassa-layout-'));
  dirs.push(root);
  const app = join(root, 'app');
  const files: Record<string, string | null> = {
    'package.json': JSON.stringify({ name: 'kassa', main: 'dist/electron/main.mjs' }),
    'dist/electron/main.mjs': 'export {};',
    'dist/electron/preload-cashier.cjs': 'require("electron");',
    'dist/electron/preload-display.cjs': 'require("electron");',
    'dist/renderer/cashier.html': '<script type="module" src="./assets/cashier-1.js"></script>',
    'dist/renderer/display.html': '<link rel="stylesheet" href="./assets/styles-2.css">',
    'dist/renderer/assets/cashier-1.js': '',
    'dist/renderer/assets/styles-2.css': '',
    ...options.app,
  };
  for (const [path, contents] of Object.entries(files)) {
    if (contents !== null) {
      put(app, path, contents);
    }
  }
  for (const requirement of nativeRequirements('linux', 'x64')) {
    if (!options.withoutNative?.includes(requirement.path)) {
      put(app, `node_modules/${requirement.path}/binding.node`, 'ELF');
    }
  }
  for (const [path, version] of Object.entries(options.packages ?? {})) {
    put(app, `node_modules/${path}/package.json`, JSON.stringify({ version }));
  }
  const appOutDir = join(root, 'linux-unpacked');
  const resources = join(appOutDir, 'resources');
  mkdirSync(resources, { recursive: true });
  await createPackageWithOptions(app, join(resources, 'app.asar'), { unpack: options.unpack ?? '*.node' });
  mkdirSync(join(resources, 'udev'));
  copyFileSync(RULE, join(resources, 'udev', '70-kassa-hid.rules'));
  return { appOutDir, resources, app };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('package layout check', () => {
  it('passes a complete linux-x64 package', async () => {
    const { appOutDir, resources } = await layout();
    expect(checkApp(appOutDir, resources)).toEqual([]);
    expect(checkNative(resources, 'linux', ['x64'])).toEqual([]);
    expect(checkUdevRule(resources, RULE)).toEqual([]);
  });

  it('reports a missing preload, a main that package.json names but the archive lacks, and a missing asset', async () => {
    const { appOutDir, resources } = await layout({
      app: {
        'dist/electron/preload-display.cjs': null,
        'package.json': JSON.stringify({ main: 'dist/electron/index.mjs' }),
        'dist/renderer/assets/cashier-1.js': null,
      },
    });
    expect(checkApp(appOutDir, resources)).toEqual([
      'app.asar lacks dist/electron/preload-display.cjs',
      'package.json in app.asar names main "dist/electron/index.mjs", which app.asar does not hold',
      'app.asar lacks dist/renderer/assets/cashier-1.js, which dist/renderer/cashier.html loads',
    ]);
  });

  it('reports a renderer page that loads no assets (not the built renderer)', async () => {
    const { appOutDir, resources } = await layout({ app: { 'dist/renderer/display.html': '<p>dev</p>' } });
    expect(checkApp(appOutDir, resources)).toEqual([
      'dist/renderer/display.html loads no assets/ file: not the built renderer',
    ]);
  });

  it('reports native modules packed inside app.asar', async () => {
    const { appOutDir, resources } = await layout({ unpack: 'nothing' });
    const problems = checkApp(appOutDir, resources);
    expect(problems).toContain(
      'native module packed inside app.asar: node_modules/@lmdb/lmdb-linux-x64/binding.node',
    );
    expect(problems).toHaveLength(nativeRequirements('linux', 'x64').length);
    // …and, the same package seen from app.asar.unpacked, every native requirement missing.
    expect(checkNative(resources, 'linux', ['x64'])).toHaveLength(nativeRequirements('linux', 'x64').length);
  });

  it('reports a native module outside app.asar.unpacked and source maps inside and outside the archive', async () => {
    const { appOutDir, resources } = await layout({ app: { 'dist/electron/main.mjs.map': '{}' } });
    put(resources, 'stray.node');
    put(resources, 'app.asar.unpacked/node_modules/lmdb/index.cjs.map', '{}');
    expect(checkApp(appOutDir, resources).sort()).toEqual([
      'native module outside app.asar.unpacked: resources/stray.node',
      'source map in app.asar: dist/electron/main.mjs.map',
      'source map in the package: resources/app.asar.unpacked/node_modules/lmdb/index.cjs.map',
    ]);
  });

  it('reports a missing native package of the target', async () => {
    const { resources } = await layout({
      withoutNative: ['@lmdb/lmdb-linux-x64', '@node-usb/usb-linux-x64-gnu'],
    });
    expect(checkNative(resources, 'linux', ['x64'])).toEqual([
      'app.asar.unpacked lacks the lmdb binding for linux-x64 (node_modules/@lmdb/lmdb-linux-x64 with a .node file)',
      'app.asar.unpacked lacks the usb binding for linux-x64 (node_modules/@node-usb/usb-linux-x64-gnu with a .node file)',
    ]);
  });

  it('reports a missing or changed udev rule', async () => {
    const { resources } = await layout();
    writeFileSync(join(resources, 'udev', '70-kassa-hid.rules'), '# edited\n');
    expect(checkUdevRule(resources, RULE)).toEqual([
      `resources/udev/70-kassa-hid.rules differs from ${RULE}`,
    ]);
    rmSync(join(resources, 'udev'), { recursive: true });
    expect(checkUdevRule(resources, RULE)).toEqual(['resources/udev/70-kassa-hid.rules is missing']);
  });
});

describe('native requirements per target', () => {
  it('names the per-platform packages and prebuilds of linux-x64', () => {
    expect(nativeRequirements('linux', 'x64').map((r) => r.path)).toEqual([
      '@lmdb/lmdb-linux-x64',
      '@msgpackr-extract/msgpackr-extract-linux-x64',
      '@node-usb/usb-linux-x64-gnu',
      'node-hid/prebuilds/HID-linux-x64',
      'node-hid/prebuilds/HID_hidraw-linux-x64',
      '@serialport/bindings-cpp/prebuilds/linux-x64',
    ]);
  });

  it('asks only for what each package publishes: no msgpackr-extract on win32-arm64, one serialport build on macOS', () => {
    expect(nativeRequirements('win32', 'arm64').map((r) => r.path)).not.toContain(
      '@msgpackr-extract/msgpackr-extract-win32-arm64',
    );
    expect(nativeRequirements('darwin', 'arm64').map((r) => r.path)).toContain(
      '@serialport/bindings-cpp/prebuilds/darwin-x64+arm64',
    );
    expect(() => nativeRequirements('linux', 'ia32')).toThrow('lmdb publishes no binding for linux-ia32');
  });

  it("maps electron-builder's Arch values to Node's, a macOS universal build to both", () => {
    expect([0, 1, 2, 3].map((arch) => nodeArchesOf(arch))).toEqual([['ia32'], ['x64'], ['arm'], ['arm64']]);
    expect(nodeArchesOf(4)).toEqual(['x64', 'arm64']);
  });
});

describe('production tree check', () => {
  /** A project whose package-lock.json lists `packages` (path → entry) and whose node_modules has `installed`. */
  function project(packages: Record<string, object>, installed: string[] = []): string {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-project-'));
    dirs.push(dir);
    put(dir, 'package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }));
    for (const path of installed) {
      put(dir, `${path}/package.json`, '{}');
    }
    return dir;
  }
  const lock = {
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/pino/node_modules/sonic-boom': { version: '4.2.1' },
    'node_modules/vitest': { version: '4.1.12', dev: true },
    'node_modules/@lmdb/lmdb-darwin-x64': { version: '3.5.6', optional: true },
    'node_modules/@lmdb/lmdb-linux-x64': { version: '3.5.6', optional: true },
  };

  it('passes when every production package is packed as name@version, wherever electron-builder hoisted it', async () => {
    const { resources } = await layout({
      packages: { zod: '4.6.7', 'sonic-boom': '4.2.1', '@lmdb/lmdb-linux-x64': '3.5.6' },
    });
    expect(checkProductionTree(resources, project(lock, ['node_modules/@lmdb/lmdb-linux-x64']))).toEqual([]);
  });

  it('reports production packages left out or packed at another version; dev and uninstalled optional ones are not asked for', async () => {
    const { resources } = await layout({
      packages: { 'sonic-boom': '5.0.2', '@lmdb/lmdb-linux-x64': '3.5.6' },
    });
    expect(checkProductionTree(resources, project(lock, ['node_modules/@lmdb/lmdb-linux-x64']))).toEqual([
      "the package lacks 2 production package(s) of package-lock.json (sonic-boom@4.2.1, zod@4.6.7): electron-builder's module collection (npm list) was incomplete",
    ]);
  });
});

describe('afterPack hook', () => {
  it('passes the build machine’s own target and fails another arch, saying to build on that OS/arch', async () => {
    const { appOutDir, app } = await layout();
    const context = (arch: number) => ({
      electronPlatformName: 'linux',
      arch,
      appOutDir,
      packager: { projectDir: app, getResourcesDir: (dir: string) => join(dir, 'resources') },
    });
    expect(() => {
      afterPack(context(1));
    }).not.toThrow();
    expect(() => {
      afterPack(context(3));
    }).toThrow(/linux-arm64[\s\S]*@lmdb\/lmdb-linux-arm64[\s\S]*Build each platform on its own OS\/arch/);
  });

  it('says when a missing native package is installed but was not packed (npm list answered wrongly)', async () => {
    const { appOutDir } = await layout({ withoutNative: ['@lmdb/lmdb-linux-x64'] });
    const projectDir = mkdtempSync(join(tmpdir(), 'kassa-project-'));
    dirs.push(projectDir);
    put(projectDir, 'node_modules/@lmdb/lmdb-linux-x64/binding.node');
    const context = {
      electronPlatformName: 'linux',
      arch: 1,
      appOutDir,
      packager: { projectDir, getResourcesDir: (dir: string) => join(dir, 'resources') },
    };
    expect(() => {
      afterPack(context);
    }).toThrow(/@lmdb\/lmdb-linux-x64\) — installed, not packed[\s\S]*`npm list`, which answered wrongly/);
  });
});
