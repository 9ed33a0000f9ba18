/**
 * vitest global setup: every test process gets a throw-away HOME (and XDG_DATA_HOME, APPDATA), so a test that
 * forgot its temp data dir can never touch a real till's data; at the end, the run fails if anything was
 * written to the default data dir (a test must always pass its own temp dir).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir, legacyDataDir } from '../storage/data-dir';

export default function setup(): () => void {
  const home = mkdtempSync(join(tmpdir(), 'kassa-test-home-'));
  const saved = {
    HOME: process.env.HOME,
    XDG_DATA_HOME: process.env.XDG_DATA_HOME,
    APPDATA: process.env.APPDATA,
  };
  process.env.HOME = home;
  process.env.XDG_DATA_HOME = join(home, '.local', 'share');
  process.env.APPDATA = join(home, 'AppData', 'Roaming');
  const defaults = [defaultDataDir(process.env, process.platform, home), legacyDataDir(home)];
  return () => {
    const written = defaults
      .filter((dir) => existsSync(dir))
      .map((dir) => `${dir}: ${readdirSync(dir).join(', ')}`);
    rmSync(home, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) {
        Reflect.deleteProperty(process.env, key);
      } else {
        process.env[key] = value;
      }
    }
    if (written.length > 0) {
      process.exitCode = 1;
      throw new Error(`A test wrote to the default data dir instead of a temp dir:\n${written.join('\n')}`);
    }
  };
}
