import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { electronBinary } from './electron-binary';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

describe('finding the Electron binary without downloading it', () => {
  it('no path.txt (never downloaded): a one-line reason that says how to get it', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, 'package.json'), '{}');
    const found = electronBinary({}, () => join(t.dir, 'package.json'));
    expect(found).toEqual({ reason: expect.stringContaining('npx install-electron') as unknown });
    expect('reason' in found && found.reason).not.toContain('\n');
  });

  it('path.txt naming a binary that is there: its path; missing: the reason', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, 'package.json'), '{}');
    writeFileSync(join(t.dir, 'path.txt'), 'electron');
    expect(electronBinary({}, () => join(t.dir, 'package.json'))).toHaveProperty('reason');
    mkdirSync(join(t.dir, 'dist'));
    writeFileSync(join(t.dir, 'dist', 'electron'), '');
    expect(electronBinary({}, () => join(t.dir, 'package.json'))).toEqual({
      path: join(t.dir, 'dist', 'electron'),
    });
  });

  it('no electron package at all', () => {
    expect(
      electronBinary({}, () => {
        throw new Error('Cannot find module');
      }),
    ).toEqual({ reason: 'the electron package is not installed' });
  });

  it('asking about the real package never downloads anything (it returns at once)', () => {
    const started = performance.now();
    const found = electronBinary({});
    expect('path' in found || 'reason' in found).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
