import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../log/logger';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { loadPairing, PAIRING_FILE, pairingSource, rotatePairing } from './pairing';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

describe('pairing tokens', () => {
  it('are made once (0600) and the same at every start', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const { logger } = createCapturingLogger();
    const first = loadPairing(t.dir, logger);
    expect(first.cashier).toMatch(/^[0-9a-f]{64}$/);
    expect(first.display).toMatch(/^[0-9a-f]{64}$/);
    expect(first.cashier).not.toBe(first.display);
    expect(statSync(join(t.dir, PAIRING_FILE)).mode & 0o777).toBe(0o600);
    expect(loadPairing(t.dir, logger)).toEqual(first);
  });

  it('rotate replaces one token; a running source sees it', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const { logger } = createCapturingLogger();
    const source = pairingSource(t.dir, logger);
    const before = source();
    const after = rotatePairing(t.dir, 'display', logger);
    expect(after.cashier).toBe(before.cashier);
    expect(after.display).not.toBe(before.display);
    expect(source()).toEqual(after);
  });

  it('a damaged file is replaced with new tokens and a log line', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const { logger, lines } = createCapturingLogger();
    writeFileSync(join(t.dir, PAIRING_FILE), '{"version":1,"cash');
    const tokens = loadPairing(t.dir, logger);
    expect(tokens.display).toMatch(/^[0-9a-f]{64}$/);
    expect(lines.join('\n')).toContain('token file is damaged');
    expect(JSON.parse(readFileSync(join(t.dir, PAIRING_FILE), 'utf8'))).toMatchObject({ version: 1 });
  });
});
