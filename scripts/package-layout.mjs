// What a packed Kassa must look like (docs/deploy.md, "What CI checks"): used by scripts/package-check.mjs on
// the `electron-builder --linux dir` output and by electron/hosts/package-layout.test.ts on broken layouts, so the
// assertions are shown to fail. Every function returns a list of problems (empty: the layout is right).
import { extractFile, getRawHeader, uncache } from '@electron/asar';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { missingNative } from '../packaging/native-packages.mjs';

/** Files that must be packed inside app.asar (not unpacked), relative to the app root. */
export const PACKED_FILES = [
  'package.json',
  'dist/electron/main.mjs',
  'dist/electron/preload-cashier.cjs',
  'dist/electron/preload-display.cjs',
  'dist/renderer/cashier.html',
  'dist/renderer/display.html',
];

/** Where the udev rule travels in every Linux package (electron-builder.yml linux.extraResources). */
export const UDEV_RULE = 'udev/70-kassa-hid.rules';

/**
 * Every file of an asar archive (links left out): its path (relative, `/`-separated) → whether it is unpacked.
 * @param {string} archive path of app.asar
 * @returns {Map<string, boolean>}
 */
export function asarEntries(archive) {
  /** @type {Map<string, boolean>} */
  const entries = new Map();
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (child.files !== undefined) {
        walk(child, path);
      } else if (child.link === undefined) {
        entries.set(path, child.unpacked === true);
      }
    }
  };
  walk(getRawHeader(archive).header, '');
  return entries;
}

/** Every file below `dir`, relative to it with `/` separators. */
function filesBelow(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true })
    .map((name) => String(name))
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split('\\').join('/'));
}

/** The assets an HTML page of the renderer loads (`./assets/…` or `assets/…` in src/href). */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]);
}

/**
 * The app inside resources/: app.asar holds main, preloads and the renderer (with every asset its pages load) and
 * its package.json points at main; native code is only in app.asar.unpacked; no source maps anywhere.
 * @param {string} appOutDir e.g. release/linux-unpacked
 * @param {string} resourcesDir appOutDir/resources on Linux and Windows
 */
export function checkApp(appOutDir, resourcesDir) {
  const problems = [];
  const archive = join(resourcesDir, 'app.asar');
  if (!existsSync(archive)) {
    return [`no app.asar in ${resourcesDir}`];
  }
  // @electron/asar caches archives by path; a rebuilt archive at the same path must be read afresh.
  uncache(archive);
  const entries = asarEntries(archive);
  const packed = (path) => entries.get(path) === false;
  const read = (path) => extractFile(archive, path).toString('utf8');
  for (const path of PACKED_FILES) {
    if (!packed(path)) {
      problems.push(`app.asar lacks ${path}${entries.has(path) ? ' (it is unpacked)' : ''}`);
    }
  }
  if (packed('package.json')) {
    const main = JSON.parse(read('package.json')).main;
    if (typeof main !== 'string' || !packed(main.replace(/^\.\//, ''))) {
      problems.push(
        `package.json in app.asar names main ${JSON.stringify(main)}, which app.asar does not hold`,
      );
    }
  }
  for (const page of ['dist/renderer/cashier.html', 'dist/renderer/display.html']) {
    if (packed(page)) {
      const assets = assetsOf(read(page));
      if (assets.length === 0) {
        problems.push(`${page} loads no assets/ file: not the built renderer`);
      }
      for (const asset of assets) {
        if (!packed(`dist/renderer/${asset}`)) {
          problems.push(`app.asar lacks dist/renderer/${asset}, which ${page} loads`);
        }
      }
    }
  }
  for (const [path, unpacked] of entries) {
    if (path.endsWith('.node') && !unpacked) {
      problems.push(`native module packed inside app.asar: ${path}`);
    }
    if (unpacked && !existsSync(join(`${archive}.unpacked`, path))) {
      problems.push(`app.asar marks ${path} unpacked but app.asar.unpacked lacks it`);
    }
    if (path.endsWith('.map')) {
      problems.push(`source map in app.asar: ${path}`);
    }
  }
  for (const path of filesBelow(appOutDir)) {
    if (
      path.endsWith('.node') &&
      !relative(resourcesDir, join(appOutDir, path)).startsWith('app.asar.unpacked/')
    ) {
      problems.push(`native module outside app.asar.unpacked: ${path}`);
    }
    if (path.endsWith('.map')) {
      problems.push(`source map in the package: ${path}`);
    }
  }
  return problems;
}

/**
 * The target's native packages and prebuilds in app.asar.unpacked (packaging/native-packages.mjs).
 * @param {string} resourcesDir
 * @param {string} platform Node's platform name
 * @param {string[]} arches Node's arch names
 */
export function checkNative(resourcesDir, platform, arches) {
  return missingNative(join(resourcesDir, 'app.asar.unpacked', 'node_modules'), platform, arches).map(
    (m) => `app.asar.unpacked lacks the ${m.what} (node_modules/${m.path} with a .node file)`,
  );
}

/**
 * The udev rule in resources/ (for every Linux package), identical to the one in the repository.
 * @param {string} resourcesDir
 * @param {string} source packaging/udev/70-kassa-hid.rules
 */
export function checkUdevRule(resourcesDir, source) {
  const packed = join(resourcesDir, UDEV_RULE);
  if (!existsSync(packed)) {
    return [`resources/${UDEV_RULE} is missing`];
  }
  if (!readFileSync(packed).equals(readFileSync(source))) {
    return [`resources/${UDEV_RULE} differs from ${source}`];
  }
  return [];
}

/**
 * Every production package npm installed (package-lock.json entries that are not dev-only, optional ones only
 * where the project has them) is in the package as name@version, packed or unpacked. electron-builder takes the
 * module list from `npm list` and lays the tree out again (its own hoisting, so paths differ from npm's); a wrong
 * answer from npm (e.g. for a node_modules it reads as links, where every package is "extraneous") silently packs
 * only the direct dependencies.
 * @param {string} resourcesDir
 * @param {string} projectDir holds package-lock.json and node_modules
 */
export function checkProductionTree(resourcesDir, projectDir) {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8'));
  const expected = new Set(
    Object.entries(lock.packages ?? {})
      .filter(
        ([path, entry]) =>
          path.startsWith('node_modules/') && entry.dev !== true && entry.devOptional !== true,
      )
      .filter(
        ([path, entry]) =>
          entry.link !== true && (entry.optional !== true || existsSync(join(projectDir, path))),
      )
      .map(
        ([path, entry]) =>
          `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`,
      ),
  );
  const archive = join(resourcesDir, 'app.asar');
  uncache(archive);
  const packed = new Set();
  for (const path of asarEntries(archive).keys()) {
    const name = path.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/)?.[1];
    if (name !== undefined) {
      packed.add(`${name}@${JSON.parse(extractFile(archive, path).toString('utf8')).version}`);
    }
  }
  const missing = [...expected].filter((id) => !packed.has(id)).sort();
  return missing.length === 0
    ? []
    : [
        `the package lacks ${missing.length} production package(s) of package-lock.json (${missing.slice(0, 5).join(', ')}` +
          `${missing.length > 5 ? ', …' : ''}): electron-builder's module collection (npm list) was incomplete`,
      ];
}
