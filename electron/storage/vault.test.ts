import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../kernel/testing/manual-clock';
import { KassaError } from '../kernel/errors';
import { Redactor } from '../log/redact';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { VAULT_FILE_NAME } from './file-vault';
import { openNodeVault, VAULT_KEY_FILE } from './vault';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const SECRET = 'terminal-key-Zx81!';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) {
    c();
  }
  cleanups = [];
});

function dataDir(): string {
  const t = tempDataDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function allBytes(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .join('\n');
}

describe('Node vault (AES-256-GCM)', () => {
  it('stores ciphertext only: no plaintext (raw, base64 or hex) anywhere in the data dir', () => {
    const dir = dataDir();
    const vault = openNodeVault({
      dataDir: dir,
      clock: new ManualClock(),
      redactor: new Redactor(),
      env: { KASSA_VAULT_KEY: KEY_A },
    });
    vault.set('socialpay.checksumKey', SECRET);
    const bytes = allBytes(dir);
    expect(bytes).not.toContain(SECRET);
    expect(bytes).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(bytes).not.toContain(Buffer.from(SECRET).toString('hex'));
    expect(vault.get('socialpay.checksumKey')).toBe(SECRET);
    expect(statSync(join(dir, VAULT_FILE_NAME)).mode & 0o777).toBe(0o600);
    const status = vault.status();
    expect(status.secrets.find((s) => s.name === 'socialpay.checksumKey')).toMatchObject({ set: true });
    expect(JSON.stringify(status)).not.toContain(SECRET);
  });

  it('with a wrong key: locked with a clear error, nothing wiped', () => {
    const dir = dataDir();
    const clock = new ManualClock();
    openNodeVault({ dataDir: dir, clock, redactor: new Redactor(), env: { KASSA_VAULT_KEY: KEY_A } }).set(
      'pocket.clientSecret',
      SECRET,
    );
    const before = readFileSync(join(dir, VAULT_FILE_NAME), 'utf8');

    const wrong = openNodeVault({
      dataDir: dir,
      clock,
      redactor: new Redactor(),
      env: { KASSA_VAULT_KEY: KEY_B },
    });
    expect(wrong.status()).toMatchObject({ locked: true });
    expect(wrong.status().warning).toMatch(/vault key does not match/);
    expect(() => wrong.get('pocket.clientSecret')).toThrow(KassaError);
    expect(() => {
      wrong.set('pocket.clientSecret', 'other');
    }).toThrow(/does not match/);
    expect(() => {
      wrong.clear('pocket.clientSecret');
    }).toThrow(/does not match/);
    expect(readFileSync(join(dir, VAULT_FILE_NAME), 'utf8')).toBe(before);

    const right = openNodeVault({
      dataDir: dir,
      clock,
      redactor: new Redactor(),
      env: { KASSA_VAULT_KEY: KEY_A },
    });
    expect(right.get('pocket.clientSecret')).toBe(SECRET);
  });

  it('creates a 0600 key file with a visible warning when no KASSA_VAULT_KEY is given', () => {
    const dir = dataDir();
    const vault = openNodeVault({
      dataDir: dir,
      clock: new ManualClock(),
      redactor: new Redactor(),
      env: {},
    });
    vault.set('baas.password', SECRET);
    expect(statSync(join(dir, VAULT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(vault.status()).toMatchObject({ backend: 'aes-256-gcm-key-file', locked: false });
    expect(vault.status().warning).toMatch(/key file/);
  });

  it('a ciphertext moved to another name does not decrypt (name is authenticated)', () => {
    const dir = dataDir();
    const env = { KASSA_VAULT_KEY: KEY_A };
    const vault = openNodeVault({ dataDir: dir, clock: new ManualClock(), redactor: new Redactor(), env });
    vault.set('bog.ipaySecretKey', SECRET);
    const path = join(dir, VAULT_FILE_NAME);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, unknown> };
    file.entries['pocket.clientSecret'] = file.entries['bog.ipaySecretKey'];
    writeFileSync(path, JSON.stringify(file));
    const reopened = openNodeVault({ dataDir: dir, clock: new ManualClock(), redactor: new Redactor(), env });
    expect(() => reopened.get('pocket.clientSecret')).toThrow();
  });

  it('missing secret → secret.missing naming the command to set it; clear removes it', () => {
    const vault = openNodeVault({
      dataDir: dataDir(),
      clock: new ManualClock(),
      redactor: new Redactor(),
      env: { KASSA_VAULT_KEY: KEY_A },
    });
    expect(() => vault.get('ebarimt.password')).toThrow(/kassa secrets set ebarimt.password/);
    vault.set('ebarimt.password', SECRET);
    vault.clear('ebarimt.password');
    expect(vault.status().secrets.find((s) => s.name === 'ebarimt.password')?.set).toBe(false);
  });

  it('registers values with the redactor so they never reach logs', () => {
    const redactor = new Redactor();
    const vault = openNodeVault({
      dataDir: dataDir(),
      clock: new ManualClock(),
      redactor,
      env: { KASSA_VAULT_KEY: KEY_A },
    });
    vault.set('baas.consumerSecret', SECRET);
    expect(redactor.text(`sent ${SECRET}`)).not.toContain(SECRET);
  });

  it('rejects a malformed KASSA_VAULT_KEY with a clear message', () => {
    expect(() =>
      openNodeVault({
        dataDir: dataDir(),
        clock: new ManualClock(),
        redactor: new Redactor(),
        env: { KASSA_VAULT_KEY: 'short' },
      }),
    ).toThrow(/32 bytes/);
  });
});

describe('a damaged vault.json', () => {
  it('truncated, empty or not a vault: the till starts with the vault locked, the message names the file, nothing is wiped', () => {
    for (const [content, problem] of [
      ['{"version":1,"backend":"aes-256-gcm-env-key","keyCheck":"abc","entr', 'not valid JSON'],
      ['', 'empty'],
      ['[1,2,3]', 'not a Kassa vault file'],
    ] as const) {
      const dir = dataDir();
      const path = join(dir, VAULT_FILE_NAME);
      writeFileSync(path, content);
      const vault = openNodeVault({
        dataDir: dir,
        clock: new ManualClock(),
        redactor: new Redactor(),
        env: { KASSA_VAULT_KEY: KEY_A },
      });
      const status = vault.status();
      expect(status.locked).toBe(true);
      expect(status.warning).toContain(path);
      expect(status.warning).toContain(problem);
      expect(() => {
        vault.set('pocket.clientSecret', 'x-123456');
      }).toThrow(KassaError);
      expect(readFileSync(path, 'utf8')).toBe(content);
    }
  });
});
