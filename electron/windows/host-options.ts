/**
 * What the Electron host reads from its command line and environment. Pure, so it is unit-tested.
 */

/**
 * `--data-dir DIR` or `--data-dir=DIR` from Electron's argv (`npm start` passes the browser host's data dir this
 * way, so both hosts use the same till data). Chromium switches and the app path may be anywhere in argv.
 */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      return value === '' ? undefined : value;
    }
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      return value === undefined || value.startsWith('--') ? undefined : value;
    }
  }
  return undefined;
}

/**
 * Linux defaults to Wayland since Electron 38, where window positions and `setBounds` are ignored and fullscreen
 * lands on whatever screen the compositor picks: the customer display cannot be placed. Chromium chooses its
 * window system before main.ts runs, so `app.commandLine.appendSwitch` is too late; the switch must be on the real
 * command line. The deb's menu entry carries `--ozone-platform=x11` (electron-builder.yml `executableArgs`), and
 * `npm start` passes it; this tells whether this run is on Wayland without it, so the host can say so in the log.
 */
export function waylandWithoutX11Switch(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  hasSwitch: (name: string) => boolean,
): boolean {
  if (platform !== 'linux') {
    return false;
  }
  const onWayland = env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY ?? '') !== '';
  return onWayland && !hasSwitch('ozone-platform');
}

/** The switches `npm start` puts on Electron's command line for this platform (see waylandWithoutX11Switch). */
export function electronLaunchSwitches(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== 'linux') {
    return [];
  }
  // KASSA_OZONE_PLATFORM=wayland tries native Wayland (docs/deploy.md: only once placement is proven there).
  const chosen = env.KASSA_OZONE_PLATFORM;
  return [`--ozone-platform=${chosen === 'wayland' || chosen === 'auto' ? chosen : 'x11'}`];
}
