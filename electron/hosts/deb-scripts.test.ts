/**
 * The deb's after-install and after-remove scripts (packaging/linux/), rendered as electron-builder renders them and
 * run by bash against stub commands: PATH holds only the stubs, each of which logs its call, so nothing on this
 * machine is touched. What the scripts test with `[ ]` reads the real filesystem: here there is no /usr/bin/kassa
 * and no /etc/apparmor.d/kassa, and /proc/self/ns/user exists (Linux).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkDebDepends,
  checkDebScripts,
  checkDesktopEntry,
  checkFpmArgs,
  renderDebScript,
} from '../../scripts/deb-scripts.mjs';

const AFTER_INSTALL = 'packaging/linux/after-install.sh';
const AFTER_REMOVE = 'packaging/linux/after-remove.sh';
const MACROS = { executable: 'kassa', sanitizedProductName: 'Kassa' };
const BASH = execFileSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-deb-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Commands a dpkg maintainer script finds on any Debian system (coreutils, util-linux). */
const BASE = ['rm', 'ln', 'readlink', 'chmod', 'cp', 'install', 'unshare'];
/** What a desktop Ubuntu adds: alternatives, desktop databases, AppArmor, udev, ischroot (not in a chroot: 1). */
const DESKTOP: Record<string, string> = {
  'update-alternatives': 'exit 0',
  'update-mime-database': 'exit 0',
  'update-desktop-database': 'exit 0',
  apparmor_status: 'exit 0',
  apparmor_parser: 'exit 0',
  udevadm: 'exit 0',
  ischroot: 'exit 1',
};

interface Run {
  status: number | null;
  calls: string[];
  stdout: string;
}

/** Runs the rendered `script` with only `stubs` (command → bash body) on PATH. */
function run(script: string, stubs: Record<string, string>): Run {
  const dir = tempDir();
  const bin = join(dir, 'bin');
  const log = join(dir, 'calls.log');
  mkdirSync(bin);
  writeFileSync(log, '');
  for (const [name, body] of Object.entries(stubs)) {
    // Builtins only: PATH holds nothing but the stubs. ${0##*/} is the command's name.
    writeFileSync(join(bin, name), '#!' + BASH + '\necho "${0##*/} $*" >> "$CALLS"\n' + body + '\n');
    chmodSync(join(bin, name), 0o755);
  }
  const file = join(dir, 'script.sh');
  writeFileSync(file, renderDebScript(readFileSync(script, 'utf8'), MACROS));
  const result = spawnSync(BASH, [file], { env: { PATH: bin, CALLS: log }, encoding: 'utf8' });
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((call) => call.trimEnd());
  return { status: result.status, calls, stdout: result.stdout };
}

const withBase = (stubs: Record<string, string>): Record<string, string> => ({
  ...Object.fromEntries(BASE.map((name) => [name, 'exit 0'])),
  ...stubs,
});

describe('after-install', () => {
  it("does every step of electron-builder's template, then installs the udev rule and reloads udev", () => {
    const { status, calls } = run(AFTER_INSTALL, withBase(DESKTOP));
    expect(calls).toEqual([
      'update-alternatives --install /usr/bin/kassa kassa /opt/Kassa/kassa 100',
      'unshare --user true',
      'chmod 0755 /opt/Kassa/chrome-sandbox',
      'update-mime-database /usr/share/mime',
      'update-desktop-database /usr/share/applications',
      'apparmor_status --enabled',
      'apparmor_parser --skip-kernel-load --debug /opt/Kassa/resources/apparmor-profile',
      'cp -f /opt/Kassa/resources/apparmor-profile /etc/apparmor.d/kassa',
      'ischroot',
      'apparmor_parser --replace --write-cache --skip-read-cache /etc/apparmor.d/kassa',
      'install -D -m 0644 /opt/Kassa/resources/udev/70-kassa-hid.rules /etc/udev/rules.d/70-kassa-hid.rules',
      'ischroot',
      'udevadm control --reload-rules',
      'udevadm trigger --subsystem-match=hidraw --subsystem-match=tty',
    ]);
    expect(status).toBe(0);
  });

  it('makes chrome-sandbox setuid where unprivileged user namespaces do not work', () => {
    const { status, calls } = run(AFTER_INSTALL, withBase({ ...DESKTOP, unshare: 'exit 1' }));
    expect(calls).toContain('chmod 4755 /opt/Kassa/chrome-sandbox');
    expect(calls).not.toContain('chmod 0755 /opt/Kassa/chrome-sandbox');
    expect(status).toBe(0);
  });

  it('goes on when udev is not running (a container): the rule is installed, nothing is triggered', () => {
    const { status, calls, stdout } = run(AFTER_INSTALL, withBase({ ...DESKTOP, udevadm: 'exit 1' }));
    expect(calls).toContain(
      'install -D -m 0644 /opt/Kassa/resources/udev/70-kassa-hid.rules /etc/udev/rules.d/70-kassa-hid.rules',
    );
    expect(calls.filter((call) => call.startsWith('udevadm'))).toEqual(['udevadm control --reload-rules']);
    expect(stdout).toContain('udev is not running');
    expect(status).toBe(0);
  });

  it('in a chroot without alternatives or AppArmor: a plain link, the rule file, no udev or kernel calls', () => {
    const { status, calls } = run(AFTER_INSTALL, withBase({ ischroot: 'exit 0', udevadm: 'exit 0' }));
    expect(calls).toEqual([
      'ln -sf /opt/Kassa/kassa /usr/bin/kassa',
      'unshare --user true',
      'chmod 0755 /opt/Kassa/chrome-sandbox',
      'install -D -m 0644 /opt/Kassa/resources/udev/70-kassa-hid.rules /etc/udev/rules.d/70-kassa-hid.rules',
      'ischroot',
    ]);
    expect(status).toBe(0);
  });

  it('fails the install when the AppArmor profile does not load, as the template does', () => {
    const parser = 'case "$1" in --replace) exit 3;; esac';
    const { status, calls } = run(AFTER_INSTALL, withBase({ ...DESKTOP, apparmor_parser: parser }));
    expect(calls).toContain('udevadm control --reload-rules');
    expect(status).toBe(3);
  });
});

describe('after-remove', () => {
  it('removes the alternative and the udev rule, and reloads udev', () => {
    const { status, calls } = run(AFTER_REMOVE, withBase(DESKTOP));
    expect(calls).toEqual([
      'update-alternatives --remove kassa /opt/Kassa/kassa',
      'rm -f /etc/udev/rules.d/70-kassa-hid.rules',
      'ischroot',
      'udevadm control --reload-rules',
    ]);
    expect(status).toBe(0);
  });

  it('succeeds without update-alternatives and udev', () => {
    const { status, calls } = run(AFTER_REMOVE, withBase({}));
    expect(calls).toEqual(['rm -f /usr/bin/kassa', 'rm -f /etc/udev/rules.d/70-kassa-hid.rules']);
    expect(status).toBe(0);
  });
});

describe('rendering and the configuration check', () => {
  it('fills the two macros and fails on any other, as electron-builder does', () => {
    expect(renderDebScript("A='/opt/${sanitizedProductName}/${executable}' B=$HOME $(x)", MACROS)).toBe(
      "A='/opt/Kassa/kassa' B=$HOME $(x)",
    );
    expect(() => renderDebScript('echo ${target}', MACROS)).toThrow('Macro target is not defined');
  });

  /** A package with what the scripts name (as after the deb target's preparation), and a project dir holding copies
   * of the scripts. */
  function project(afterInstall = readFileSync(AFTER_INSTALL, 'utf8')) {
    const dir = tempDir();
    writeFileSync(join(dir, 'after-install.sh'), afterInstall);
    writeFileSync(join(dir, 'after-remove.sh'), readFileSync(AFTER_REMOVE, 'utf8'));
    const appOutDir = join(dir, 'linux-unpacked');
    mkdirSync(join(appOutDir, 'resources', 'udev'), { recursive: true });
    for (const file of [
      'kassa',
      'chrome-sandbox',
      'resources/udev/70-kassa-hid.rules',
      'resources/apparmor-profile',
    ]) {
      writeFileSync(join(appOutDir, file), '');
    }
    return {
      projectDir: dir,
      config: { deb: { afterInstall: 'after-install.sh', afterRemove: 'after-remove.sh' } },
      appOutDir,
      executable: 'kassa',
      productName: 'Kassa',
    };
  }

  it('passes the scripts against a package that has what they name', () => {
    expect(checkDebScripts(project())).toEqual([]);
  });

  it('reports a missing script, an undefined macro, a lost step, bad bash and a file the package lacks', () => {
    const options = project(
      readFileSync(AFTER_INSTALL, 'utf8')
        .replace('udevadm control --reload-rules', 'udevadm control --reload')
        .replace('chrome-sandbox" || true', 'chrome-sandbox-x" || true')
        .replace('exit "$APPARMOR_STATUS"', 'exit "$APPARMOR_STATUS"\nif then'),
    );
    expect(checkDebScripts({ ...options, config: { deb: { afterInstall: 'after-install.sh' } } })).toEqual(
      expect.arrayContaining([
        'deb.afterRemove names no script file (undefined)',
        expect.stringMatching(/^after-install\.sh is not valid bash: /),
        'after-install.sh lacks the step udevadm control --reload-rules',
        'after-install.sh uses /opt/Kassa/chrome-sandbox-x, which the package does not have',
      ]),
    );
    writeFileSync(join(options.projectDir, 'after-remove.sh'), 'echo ${version}');
    expect(checkDebScripts(options)).toContain('after-remove.sh: Macro version is not defined');
  });
  it('reports a script electron-builder rendered differently', () => {
    const options = project();
    const afterInstall = renderDebScript(readFileSync(AFTER_INSTALL, 'utf8'), MACROS);
    expect(checkDebScripts({ ...options, rendered: { afterInstall } })).toEqual([]);
    expect(checkDebScripts({ ...options, rendered: { afterInstall: `${afterInstall}\n# other` } })).toEqual([
      'electron-builder rendered after-install.sh differently from renderDebScript (or took another file)',
    ]);
  });

  it("requires electron-builder's default depends, Kassa's additions and a keyring", () => {
    const defaults = ['libgtk-3-0', 'libnss3', 'libsecret-1-0'];
    const depends = [...defaults, 'libusb-1.0-0', 'libudev1', 'gnome-keyring | kwalletmanager'];
    expect(checkDebDepends({ deb: { depends } }, defaults)).toEqual([]);
    expect(checkDebDepends({ deb: { depends: ['libusb-1.0-0', 'gnome-keyring'] } }, defaults)).toEqual([
      'deb.depends lacks libgtk-3-0',
      'deb.depends lacks libnss3',
      'deb.depends lacks libsecret-1-0',
      'deb.depends lacks libudev1',
    ]);
    expect(checkDebDepends({}, [])).toEqual([
      'deb.depends lacks libusb-1.0-0',
      'deb.depends lacks libudev1',
      'deb.depends has no keyring (gnome-keyring | …)',
    ]);
  });

  it("checks the fpm arguments: scripts, homepage, architecture and the app's place", () => {
    const args = ['--architecture', 'amd64', '--after-install', '/t/0.sh', '--after-remove', '/t/1.sh'];
    expect(
      checkFpmArgs(
        [...args, '--url', 'https://x.invalid', '/out/linux-unpacked/=/opt/Kassa'],
        '/out/linux-unpacked',
        'Kassa',
      ),
    ).toEqual([]);
    expect(
      checkFpmArgs(['--architecture', 'arm64', '/out/x/=/opt/Kassa'], '/out/linux-unpacked', 'Kassa'),
    ).toEqual([
      'fpm gets no --after-install',
      'fpm gets no --after-remove',
      'fpm gets no --url',
      'fpm --architecture is "arm64", not amd64',
      'fpm does not map the packed app to /opt/Kassa',
    ]);
  });
  it('checks the desktop entry against the desktopName Electron takes the app_id from', () => {
    const args = ['/t/4-Kassa.desktop=/usr/share/applications/kassa.desktop'];
    const entry =
      '[Desktop Entry]\nName=Kassa\nExec=/opt/Kassa/kassa --ozone-platform=x11 %U\nStartupWMClass=kassa\n';
    expect(checkDesktopEntry(args, entry, 'kassa.desktop')).toEqual([]);
    expect(
      checkDesktopEntry(
        args,
        entry.replace('StartupWMClass=kassa', 'StartupWMClass=Kassa'),
        'kassa-pos.desktop',
      ),
    ).toEqual([
      'the deb does not install /usr/share/applications/kassa-pos.desktop',
      'the desktop entry lacks StartupWMClass=kassa-pos',
    ]);
  });
});
