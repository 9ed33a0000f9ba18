// The deb's maintainer scripts (electron-builder.yml deb.afterInstall / deb.afterRemove): rendered the way
// electron-builder renders them, and checked by scripts/package-check.mjs and electron/hosts/deb-scripts.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Fills the macros as app-builder-lib 26.17.0 does (FpmTarget writeConfigFile): every dollar-brace name of letters
 * is replaced, and one that is not given fails, as it fails the deb build.
 * @param {string} template
 * @param {{ executable: string, sanitizedProductName: string }} values
 */
export function renderDebScript(template, values) {
  return template.replace(/\$\{([a-zA-Z]+)\}/g, (_match, name) => {
    if (!Object.hasOwn(values, name)) {
      throw new Error(`Macro ${name} is not defined`);
    }
    return values[name];
  });
}

/** The steps each script must carry: electron-builder's template steps, then Kassa's udev rule. */
const REQUIRED_STEPS = {
  afterInstall: [
    /update-alternatives --install /,
    /chmod 4755 "\$APP_DIR\/chrome-sandbox"/,
    /chmod 0755 "\$APP_DIR\/chrome-sandbox"/,
    /update-mime-database /,
    /update-desktop-database /,
    /apparmor_parser --replace /,
    /install -D -m 0644 "\$UDEV_RULE_SOURCE" "\$UDEV_RULE_TARGET"/,
    /UDEV_RULE_TARGET='\/etc\/udev\/rules\.d\/70-kassa-hid\.rules'/,
    /udevadm control --reload-rules/,
    /udevadm trigger /,
  ],
  afterRemove: [
    /update-alternatives --remove /,
    /apparmor_parser --remove /,
    /UDEV_RULE_TARGET='\/etc\/udev\/rules\.d\/70-kassa-hid\.rules'/,
    /rm -f "\$UDEV_RULE_TARGET"/,
  ],
};

// electron-builder writes resources/apparmor-profile while it builds the deb (FpmTarget.build), after packing:
// a dir build does not have it.
const WRITTEN_BY_THE_DEB_TARGET = new Set(['resources/apparmor-profile']);

/**
 * The deb scripts the effective configuration names: present, rendering with electron-builder's macros, valid
 * bash, carrying every required step, and naming only files the packed app has under /opt/<product>.
 * @param {{ projectDir: string, config: { deb?: { afterInstall?: unknown, afterRemove?: unknown } },
 *   appOutDir: string, executable: string, productName: string }} options
 */
export function checkDebScripts({ projectDir, config, appOutDir, executable, productName }) {
  const problems = [];
  for (const key of /** @type {const} */ (['afterInstall', 'afterRemove'])) {
    const file = config.deb?.[key];
    if (typeof file !== 'string' || !existsSync(resolve(projectDir, file))) {
      problems.push(`deb.${key} names no script file (${JSON.stringify(file)})`);
      continue;
    }
    let script;
    try {
      script = renderDebScript(readFileSync(resolve(projectDir, file), 'utf8'), {
        executable,
        sanitizedProductName: productName,
      });
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const syntax = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    if (syntax.status !== 0) {
      problems.push(`${file} is not valid bash: ${syntax.stderr.trim()}`);
    }
    for (const step of REQUIRED_STEPS[key]) {
      if (!step.test(script)) {
        problems.push(`${file} lacks the step ${step.source}`);
      }
    }
    const appDir = `/opt/${productName}/`;
    const appDirLine = script.match(/^APP_DIR='([^']*)'$/m)?.[1];
    if (`${appDirLine}/` !== appDir) {
      problems.push(`${file} sets APP_DIR to ${JSON.stringify(appDirLine)}, not ${appDir}`);
    }
    for (const match of script.matchAll(/"\$APP_DIR\/([^"]+)"/g)) {
      const path = match[1];
      if (!WRITTEN_BY_THE_DEB_TARGET.has(path) && !existsSync(join(appOutDir, path))) {
        problems.push(`${file} uses ${appDir}${path}, which the package does not have`);
      }
    }
  }
  return problems;
}
