import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeKassa } from '../hosts/node-kassa';
import { createCapturingLogger } from '../log/logger';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { chooseDataDir, defaultDataDir, legacyDataDir, secureDataDir } from './data-dir';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) {
    c();
  }
  cleanups = [];
});
function temp(): string {
  const t = tempDataDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Every path under dir (itself included) with its permission bits. */
function modes(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(entries(dir)).map(([name, e]) => [name, e.mode]));
}

/** What a private data dir must look like: directories 0700, files 0600. */
function expectPrivate(dir: string): void {
  for (const [name, e] of Object.entries(entries(dir))) {
    expect(e.mode, name).toBe(e.dir ? '700' : '600');
  }
}

function entries(dir: string): Record<string, { mode: string; dir: boolean }> {
  const of = (path: string) => {
    const s = statSync(path);
    return { mode: (s.mode & 0o777).toString(8), dir: s.isDirectory() };
  };
  const out: Record<string, { mode: string; dir: boolean }> = { '.': of(dir) };
  for (const name of readdirSync(dir, { recursive: true })) {
    out[String(name)] = of(join(dir, String(name)));
  }
  return out;
}

describe('data dir', () => {
  it('per-user default: XDG on Linux, Application Support on macOS, APPDATA on Windows', () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/kassa');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/ann' }, 'linux', '/home/ann')).toBe('/data/ann/kassa');
    // A relative XDG_DATA_HOME is invalid per the spec and ignored.
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.local/share/kassa',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Kassa');
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann'),
    ).toContain('Kassa');
  });

  it('--data-dir wins over KASSA_DATA_DIR, which wins over the default; the legacy ~/.kassa only when it alone has data', () => {
    const home = temp();
    const a = join(temp(), 'a');
    const b = join(temp(), 'b');
    expect(chooseDataDir(a, { KASSA_DATA_DIR: b }, home)).toBe(a);
    expect(chooseDataDir(undefined, { KASSA_DATA_DIR: b }, home)).toBe(b);
    expect(statSync(b).mode & 0o777).toBe(0o700);
    if (process.platform === 'linux') {
      const env = { XDG_DATA_HOME: join(home, 'xdg') };
      mkdirSync(legacyDataDir(home));
      // An empty ~/.kassa is not a till's data.
      expect(chooseDataDir(undefined, env, home)).toBe(join(home, 'xdg', 'kassa'));
      const home2 = temp();
      mkdirSync(join(home2, '.kassa'));
      writeFileSync(join(home2, '.kassa', 'vault.json'), '{}');
      expect(chooseDataDir(undefined, { XDG_DATA_HOME: join(home2, 'xdg') }, home2)).toBe(
        join(home2, '.kassa'),
      );
    }
  });

  it('a till started on a data dir made readable by others is tightened: 0700 dirs, 0600 files, one log line', async () => {
    const dir = temp();
    chmodSync(dir, 0o755);
    const { logger, redactor } = createCapturingLogger();
    // A first start makes every file a till has (settings, vault, journal, scanner choice).
    const first = openNodeKassa({
      dataDir: dir,
      host: 'test',
      logger,
      redactor,
      env: { KASSA_VAULT_KEY: '1'.repeat(64) },
    });
    await first.kassa.invoke('operator', 'secrets:set', { name: 'pocket.clientSecret', value: 'v-123456' });
    await first.kassa.invoke('operator', 'settings:set', { settings: first.settings.get() });
    await first.kassa.close();
    writeFileSync(join(dir, 'scanners.json'), '{}');
    // …then someone copies it around with a loose umask.
    for (const [name, e] of Object.entries(entries(dir))) {
      chmodSync(join(dir, name), e.dir ? 0o755 : 0o644);
    }
    expect(Object.values(modes(dir))).toContain('644');

    const again = createCapturingLogger();
    const node = openNodeKassa({
      dataDir: dir,
      host: 'test',
      logger: again.logger,
      redactor: again.redactor,
      env: { KASSA_VAULT_KEY: '1'.repeat(64) },
    });
    await node.kassa.close();
    expectPrivate(dir);
    const after = modes(dir);
    for (const name of ['settings.json', 'vault.json', 'journal/data.mdb', 'scanners.json', 'ledger.json']) {
      expect(after[name], name).toBeDefined();
    }
    const line = again.lines.find((l) => l.includes('permissions were looser'));
    expect(line).toBeDefined();
    expect(line).toContain('vault.json 644→600');
    expect(line).toContain('journal 755→700');
  });

  it('a fresh data dir is private from the first start, without a repair line', async () => {
    const dir = join(temp(), 'fresh');
    const { logger, redactor, lines } = createCapturingLogger();
    const node = openNodeKassa({
      dataDir: chooseDataDir(dir, {}),
      host: 'test',
      logger,
      redactor,
      env: { KASSA_VAULT_KEY: '1'.repeat(64) },
    });
    await node.kassa.invoke('operator', 'secrets:set', { name: 'pocket.clientSecret', value: 'v-123456' });
    await node.kassa.close();
    expectPrivate(dir);
    expect(lines.join('\n')).not.toContain('permissions were looser');
  });

  it('symlinks are reported, never followed', () => {
    const dir = temp();
    const outside = temp();
    writeFileSync(join(outside, 'elsewhere'), 'x');
    chmodSync(join(outside, 'elsewhere'), 0o644);
    symlinkSync(join(outside, 'elsewhere'), join(dir, 'link'));
    const { logger, lines } = createCapturingLogger();
    secureDataDir(dir, logger);
    expect(statSync(join(outside, 'elsewhere')).mode & 0o777).toBe(0o644);
    expect(lines.join('\n')).toContain('symlinks left as they are');
  });
});
