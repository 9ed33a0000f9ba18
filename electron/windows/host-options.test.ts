import { describe, expect, it } from 'vitest';
import { dataDirArgument, electronLaunchSwitches, waylandWithoutX11Switch } from './host-options';

describe('host options', () => {
  it('reads --data-dir in both forms, wherever it is in argv', () => {
    expect(dataDirArgument(['/opt/Kassa/kassa', '--ozone-platform=x11', '--data-dir=/srv/till'])).toBe(
      '/srv/till',
    );
    expect(dataDirArgument(['electron', '/app', '--data-dir', '/srv/till'])).toBe('/srv/till');
    expect(dataDirArgument(['electron', '/app', '--data-dir'])).toBeUndefined();
    expect(dataDirArgument(['electron', '/app', '--data-dir', '--no-sandbox'])).toBeUndefined();
    expect(dataDirArgument(['electron', '/app', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['electron', '/app'])).toBeUndefined();
  });

  it('flags a Wayland session that runs without the X11 switch, on Linux only', () => {
    const has = (names: string[]) => (name: string) => names.includes(name);
    expect(waylandWithoutX11Switch('linux', { XDG_SESSION_TYPE: 'wayland' }, has([]))).toBe(true);
    expect(waylandWithoutX11Switch('linux', { WAYLAND_DISPLAY: 'wayland-0' }, has([]))).toBe(true);
    expect(waylandWithoutX11Switch('linux', { XDG_SESSION_TYPE: 'wayland' }, has(['ozone-platform']))).toBe(
      false,
    );
    expect(waylandWithoutX11Switch('linux', { XDG_SESSION_TYPE: 'x11' }, has([]))).toBe(false);
    expect(waylandWithoutX11Switch('win32', { XDG_SESSION_TYPE: 'wayland' }, has([]))).toBe(false);
  });

  it('npm start launches Electron on X11 on Linux unless told otherwise', () => {
    expect(electronLaunchSwitches('linux', {})).toEqual(['--ozone-platform=x11']);
    expect(electronLaunchSwitches('linux', { KASSA_OZONE_PLATFORM: 'wayland' })).toEqual([
      '--ozone-platform=wayland',
    ]);
    expect(electronLaunchSwitches('linux', { KASSA_OZONE_PLATFORM: 'nonsense' })).toEqual([
      '--ozone-platform=x11',
    ]);
    expect(electronLaunchSwitches('darwin', {})).toEqual([]);
  });
});
