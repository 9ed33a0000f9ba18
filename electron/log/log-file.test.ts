import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { openLogFile, OLD_LOG_FILE_NAME, teeDestination } from './log-file';
import { createLogger } from './logger';

const temps: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of temps.splice(0)) {
    cleanup();
  }
});

describe('the Electron log file', () => {
  it('gets every line, redacted, in an owner-only file, as well as the other destination', () => {
    const { dir, cleanup } = tempDataDir();
    temps.push(cleanup);
    const logs = join(dir, 'logs');
    const { path, stream } = openLogFile(logs);
    const other: string[] = [];
    const { logger, redactor } = createLogger({
      level: 'info',
      destination: teeDestination([{ write: (line: string) => other.push(line) }, stream]),
    });
    redactor.addValue('s3cret-token-value');
    logger.info({ reference: 's3cret-token-value' }, 'payment started');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('payment started');
    expect(text).not.toContain('s3cret-token-value');
    expect(other.join('')).toContain('payment started');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(logs).mode & 0o777).toBe(0o700);
  });

  it('keeps one older generation when the file has grown too big', () => {
    const { dir, cleanup } = tempDataDir();
    temps.push(cleanup);
    writeFileSync(join(dir, 'kassa.log'), 'x'.repeat(200));
    openLogFile(dir, 100);
    expect(readFileSync(join(dir, OLD_LOG_FILE_NAME), 'utf8')).toHaveLength(200);
    expect(existsSync(join(dir, 'kassa.log'))).toBe(true);
    expect(readFileSync(join(dir, 'kassa.log'), 'utf8')).toBe('');
    writeFileSync(join(dir, 'kassa.log'), 'small');
    openLogFile(dir, 100);
    expect(readFileSync(join(dir, 'kassa.log'), 'utf8')).toBe('small');
  });
});
