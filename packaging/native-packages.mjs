// The native code a packaged Kassa loads, per target platform and architecture, as paths under the package's
// resources/app.asar.unpacked/node_modules. electron-builder.yml sets `npmRebuild: false`, so a package carries
// only what `npm ci` installed on the build machine: the per-platform npm packages (@lmdb/lmdb-<platform>-<arch>,
// @msgpackr-extract/…, @node-usb/…) exist only for the machine's own OS/arch. lmdb is a static import of the main
// bundle, so a package built for another OS/arch would fail while loading main. Used by packaging/after-pack.mjs
// (every release build) and scripts/package-check.mjs (CI).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Node's names for electron-builder's Arch values (builder-util's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3). */
const NODE_ARCH_BY_BUILDER_ARCH = ['ia32', 'x64', 'arm', 'arm64'];

/** @param {number} builderArch electron-builder's Arch value; universal (4, macOS) needs both x64 and arm64. */
export function nodeArchesOf(builderArch) {
  if (builderArch === 4) {
    return ['x64', 'arm64'];
  }
  const arch = NODE_ARCH_BY_BUILDER_ARCH[builderArch];
  if (arch === undefined) {
    throw new Error(`unknown electron-builder arch ${builderArch}`);
  }
  return [arch];
}

// usb 3 publishes its binding as napi-rs packages named by the Rust target's tail (usb/package.json
// optionalDependencies). The tills run glibc Linux distributions, so the -gnu packages are the ones that must be there.
const USB_SUFFIX = {
  'linux-x64': 'linux-x64-gnu',
  'linux-arm64': 'linux-arm64-gnu',
  'linux-arm': 'linux-arm-gnueabihf',
  'win32-x64': 'win32-x64-msvc',
  'win32-ia32': 'win32-ia32-msvc',
  'win32-arm64': 'win32-arm64-msvc',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
};

// The platform packages each parent publishes (their package.json optionalDependencies, lmdb 3.5.6 and
// msgpackr-extract 3.0.4): msgpackr-extract has no win32-arm64 build, msgpackr then falls back to JavaScript.
const LMDB_TARGETS = [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-x64',
  'win32-arm64',
  'win32-x64',
];
const MSGPACKR_EXTRACT_TARGETS = [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-x64',
  'win32-x64',
];

/**
 * What must be present for one target: `what` names it in messages, `path` is relative to node_modules and is a
 * directory that must exist and hold at least one `.node` file.
 * @param {string} platform Node's platform name: linux, win32, darwin
 * @param {string} arch Node's arch name: x64, arm64, arm, ia32
 * @returns {{ what: string, path: string }[]}
 */
export function nativeRequirements(platform, arch) {
  const target = `${platform}-${arch}`;
  /** @type {{ what: string, path: string }[]} */
  const required = [];
  if (LMDB_TARGETS.includes(target)) {
    required.push({ what: `lmdb binding for ${target}`, path: `@lmdb/lmdb-${target}` });
  } else {
    throw new Error(`lmdb publishes no binding for ${target}: Kassa cannot run there`);
  }
  if (MSGPACKR_EXTRACT_TARGETS.includes(target)) {
    required.push({
      what: `msgpackr-extract binding for ${target}`,
      path: `@msgpackr-extract/msgpackr-extract-${target}`,
    });
  }
  const usb = USB_SUFFIX[/** @type {keyof typeof USB_SUFFIX} */ (target)];
  if (usb !== undefined) {
    required.push({ what: `usb binding for ${target}`, path: `@node-usb/usb-${usb}` });
  }
  // node-hid and serialport ship every platform's prebuild inside their own npm package (pkg-prebuilds,
  // node-gyp-build); on Linux Kassa uses node-hid's hidraw backend (HID_hidraw), which is what reports usage pages.
  required.push({ what: `node-hid prebuild for ${target}`, path: `node-hid/prebuilds/HID-${target}` });
  if (platform === 'linux') {
    required.push({
      what: `node-hid hidraw prebuild for ${target}`,
      path: `node-hid/prebuilds/HID_hidraw-${target}`,
    });
  }
  const serialTarget = platform === 'darwin' ? 'darwin-x64+arm64' : target;
  required.push({
    what: `serialport prebuild for ${target}`,
    path: `@serialport/bindings-cpp/prebuilds/${serialTarget}`,
  });
  return required;
}

/** True when `dir` is a directory holding a `.node` file somewhere below it. */
function holdsNativeBinary(dir) {
  try {
    if (!statSync(dir).isDirectory()) {
      return false;
    }
  } catch {
    return false;
  }
  return readdirSync(dir, { recursive: true }).some((name) => String(name).endsWith('.node'));
}

/**
 * The requirements of `nativeRequirements` (for every arch given) that `nodeModulesDir` lacks.
 * @param {string} nodeModulesDir resources/app.asar.unpacked/node_modules of a packed app
 * @param {string} platform Node's platform name
 * @param {string[]} arches Node's arch names
 */
export function missingNative(nodeModulesDir, platform, arches) {
  return arches
    .flatMap((arch) => nativeRequirements(platform, arch))
    .filter((requirement) => !holdsNativeBinary(join(nodeModulesDir, requirement.path)));
}

/**
 * The message a build fails with; names what is missing and what to do. `installed` are the missing ones the
 * project's own node_modules has: those were lost by electron-builder's module collection, not by the build machine.
 */
export function missingNativeMessage(platform, arches, missing, installed = []) {
  const lines = missing.map(
    (m) => `  - ${m.what} (${m.path})${installed.includes(m) ? ' — installed, not packed' : ''}`,
  );
  const advice =
    installed.length > 0
      ? 'Some are installed in node_modules but were not packed: electron-builder takes the modules from `npm list`, ' +
        'which answered wrongly (a symlinked node_modules, or one out of step with package-lock.json: run `npm ci`).'
      : 'Build each platform on its own OS/arch: electron-builder.yml sets npmRebuild: false, so a package carries ' +
        'only the native packages `npm ci` installed on the build machine (docs/deploy.md, "Per-platform builds").';
  return (
    `Kassa package for ${platform}-${arches.join('+')} lacks native code in app.asar.unpacked/node_modules:\n` +
    `${lines.join('\n')}\n${advice}`
  );
}
