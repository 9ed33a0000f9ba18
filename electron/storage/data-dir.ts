/**
 * The till's data directory: where it is by default, and keeping it private.
 *
 * Default (when neither `--data-dir` nor KASSA_DATA_DIR says otherwise), the same for every host on a machine
 * so `kassa doctor` looks at the app's own data:
 *   Linux    $XDG_DATA_HOME/kassa, else ~/.local/share/kassa
 *   macOS    ~/Library/Application Support/Kassa
 *   Windows  %APPDATA%\Kassa
 * Earlier versions used ~/.kassa (browser host, CLI) and Electron's userData folder (the app); a till that has
 * data there and none at the new place keeps using it (with a log line saying so) rather than start over
 * without its journal and secrets.
 *
 * Privacy: the directory and every directory under it 0700, every file 0600 (vault, vault.key, settings,
 * pairing tokens, scanners.json, the journal). `secureDataDir` checks that on every start and repairs what is
 * looser, with one log line naming what it changed. (On Windows the POSIX modes mean little; the per-user
 * profile folder is what protects the data there.)
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Logger } from '../log/logger';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Kassa');
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', 'Kassa');
  }
  const xdg = env.XDG_DATA_HOME;
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'kassa');
}

/** Where Kassa kept its data before the per-user default. */
export function legacyDataDir(home: string = homedir()): string {
  return join(home, '.kassa');
}

const holdsTillData = (dir: string): boolean =>
  ['vault.json', 'settings.json', 'journal'].some((name) => existsSync(join(dir, name)));

/**
 * `explicit` (--data-dir), else KASSA_DATA_DIR, else the per-user default (or the legacy ~/.kassa when only it
 * holds data). Creates the directory owner-only when missing.
 */
export function chooseDataDir(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
  /** Older defaults, tried in order when the per-user one does not exist yet. */
  legacy: readonly string[] = [legacyDataDir(home)],
): string {
  const given =
    explicit ??
    (env.KASSA_DATA_DIR !== undefined && env.KASSA_DATA_DIR !== '' ? env.KASSA_DATA_DIR : undefined);
  let dir: string;
  if (given !== undefined) {
    dir = resolve(given);
  } else {
    const preferred = defaultDataDir(env, process.platform, home);
    const older = existsSync(preferred) ? undefined : legacy.find(holdsTillData);
    dir = older ?? preferred;
  }
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  return dir;
}

/**
 * Make the data dir private: itself and every directory in it 0700, every file 0600. Symlinks are left alone
 * (and reported): following one could change a file outside the data dir. Returns what was changed.
 */
export function secureDataDir(dir: string, logger: Logger): string[] {
  const repaired: string[] = [];
  const skipped: string[] = [];
  const visit = (path: string, top: boolean): void => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return; // gone meanwhile (a temp file renamed into place)
    }
    const name = top ? '.' : relative(dir, path);
    if (stat.isSymbolicLink()) {
      skipped.push(name);
      return;
    }
    const want = stat.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((stat.mode & 0o777) !== want) {
      try {
        chmodSync(path, want);
        repaired.push(`${name} ${(stat.mode & 0o777).toString(8)}→${want.toString(8)}`);
      } catch (error) {
        logger.warn({ path, err: error }, 'data dir: could not make this private');
      }
    }
    if (stat.isDirectory()) {
      for (const child of readdirSync(path)) {
        visit(join(path, child), false);
      }
    }
  };
  visit(dir, true);
  if (repaired.length > 0) {
    logger.warn(
      { dataDir: dir, repaired },
      'data dir: permissions were looser than owner-only; tightened (directories 0700, files 0600)',
    );
  }
  if (skipped.length > 0) {
    logger.warn({ dataDir: dir, symlinks: skipped }, 'data dir: symlinks left as they are');
  }
  return repaired;
}
