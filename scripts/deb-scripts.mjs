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

/**
 * The deb scripts the effective configuration names: present, rendering with electron-builder's macros, valid
 * bash, carrying every required step, and naming only files the package has under /opt/<product> (with the deb
 * target prepared: electron-builder writes resources/apparmor-profile then). `rendered`, when given, is what
 * electron-builder itself rendered for fpm: it must be this rendering, byte for byte.
 * @param {{ projectDir: string, config: { deb?: { afterInstall?: unknown, afterRemove?: unknown } },
 *   appOutDir: string, executable: string, productName: string,
 *   rendered?: { afterInstall?: string, afterRemove?: string } }} options
 */
export function checkDebScripts({ projectDir, config, appOutDir, executable, productName, rendered }) {
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
    if (rendered?.[key] !== undefined && rendered[key] !== script) {
      problems.push(
        `electron-builder rendered ${file} differently from renderDebScript (or took another file)`,
      );
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
      if (!existsSync(join(appOutDir, path))) {
        problems.push(`${file} uses ${appDir}${path}, which the package does not have`);
      }
    }
  }
  return problems;
}

/** What Kassa adds to electron-builder's default deb depends (docs/deploy.md, "The Linux deb"). */
export const KASSA_DEPENDS = ['libusb-1.0-0', 'libudev1'];

/**
 * deb.depends replaces electron-builder's defaults: it must hold every one of them (`defaults`, read from the
 * installed app-builder-lib), Kassa's additions and a keyring alternative with gnome-keyring.
 * @param {{ deb?: { depends?: unknown } }} config
 * @param {string[]} defaults
 */
export function checkDebDepends(config, defaults) {
  const depends = Array.isArray(config.deb?.depends) ? config.deb.depends : [];
  const problems = [...defaults, ...KASSA_DEPENDS]
    .filter((name) => !depends.includes(name))
    .map((name) => `deb.depends lacks ${name}`);
  if (
    !depends.some((d) => typeof d === 'string' && d.split('|').some((alt) => alt.trim() === 'gnome-keyring'))
  ) {
    problems.push('deb.depends has no keyring (gnome-keyring | …)');
  }
  return problems;
}

/**
 * The fpm arguments electron-builder computed for the deb: the packed app goes to /opt/<product>, our scripts are
 * the maintainer scripts, and the package has a homepage (fpm --url; electron-builder refuses a deb without one).
 * @param {string[]} args
 * @param {string} appOutDir
 * @param {string} productName
 */
export function checkFpmArgs(args, appOutDir, productName) {
  const problems = [];
  const value = (flag) => {
    const index = args.indexOf(flag);
    return index === -1 ? undefined : args[index + 1];
  };
  for (const flag of ['--after-install', '--after-remove', '--url']) {
    if (!value(flag)) {
      problems.push(`fpm gets no ${flag}`);
    }
  }
  if (value('--architecture') !== 'amd64') {
    problems.push(`fpm --architecture is ${JSON.stringify(value('--architecture'))}, not amd64`);
  }
  if (!args.includes(`${appOutDir}/=/opt/${productName}`)) {
    problems.push(`fpm does not map the packed app to /opt/${productName}`);
  }
  return problems;
}

/**
 * The deb's desktop entry: it starts the installed app, and its file name and StartupWMClass match the packed
 * package.json's desktopName, from which Electron takes the window's app_id / WM_CLASS (electron-builder.yml
 * extraMetadata.desktopName, linux.syncDesktopName).
 * @param {string[]} args fpm arguments
 * @param {string} entry the desktop file's text
 * @param {string} desktopName package.json desktopName in app.asar
 */
export function checkDesktopEntry(args, entry, desktopName) {
  const problems = [];
  const base = desktopName.replace(/\.desktop$/, '');
  if (!args.some((arg) => arg.endsWith(`=/usr/share/applications/${base}.desktop`))) {
    problems.push(`the deb does not install /usr/share/applications/${base}.desktop`);
  }
  // --ozone-platform=x11: the customer display can only be placed under X11 (electron-builder.yml executableArgs).
  for (const line of ['Exec=/opt/Kassa/kassa --ozone-platform=x11 %U', `StartupWMClass=${base}`]) {
    if (!entry.split('\n').includes(line)) {
      problems.push(`the desktop entry lacks ${line}`);
    }
  }
  return problems;
}
