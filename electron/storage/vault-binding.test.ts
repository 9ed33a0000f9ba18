/**
 * A stored secret carries the origin it was entered for, sealed with the ciphertext: editing the origin in
 * vault.json makes the value unreadable rather than sendable somewhere else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KassaError } from '../kernel/errors';
import { ManualClock } from '../kernel/testing/manual-clock';
import { Redactor } from '../log/redact';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { VAULT_FILE_NAME } from './file-vault';
import { openNodeVault } from './vault';

const env = { KASSA_VAULT_KEY: 'c'.repeat(64) };
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
});

function open(dir: string) {
  return openNodeVault({ dataDir: dir, clock: new ManualClock(), redactor: new Redactor(), env });
}

describe('secrets bound to an origin', () => {
  it('reports the origin a secret was entered for, never its value', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const vault = open(t.dir);
    vault.set('pocket.clientSecret', 'pocket-secret-1', 'https://sso.invescore.mn');
    expect(vault.get('pocket.clientSecret')).toEqual({
      value: 'pocket-secret-1',
      origin: 'https://sso.invescore.mn',
    });
    const status = vault.status().secrets.find((s) => s.name === 'pocket.clientSecret');
    expect(status).toMatchObject({ set: true, origin: 'https://sso.invescore.mn' });
    expect(JSON.stringify(vault.status())).not.toContain('pocket-secret-1');
  });

  it('an origin edited in vault.json does not open: secret.unbound, never the value', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    open(t.dir).set('ebarimt.password', 'itc-password-1', 'https://st.auth.itc.gov.mn');
    const path = join(t.dir, VAULT_FILE_NAME);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      entries: Record<string, { origin?: string }>;
    };
    const entry = file.entries['ebarimt.password'];
    if (entry) {
      entry.origin = 'http://127.0.0.1:9';
    }
    writeFileSync(path, JSON.stringify(file));

    const reopened = open(t.dir);
    let error: unknown;
    try {
      reopened.get('ebarimt.password');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KassaError);
    expect((error as KassaError).code).toBe('secret.unbound');
    expect((error as KassaError).message).not.toContain('itc-password-1');
  });
});
