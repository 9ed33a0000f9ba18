/**
 * package.json `engines` says which Node versions Kassa supports; it must be true of everything npm installs
 * for it (every non-optional package in the lockfile), so `npm ci` on a supported Node prints no EBADENGINE.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Semver {
  subset(sub: string, dom: string): boolean;
  validRange(range: string): string | null;
  satisfies(version: string, range: string): boolean;
}
// semver comes with npm's own dependency tree (eslint, electron-builder …); only this test uses it.
const semver = createRequire(import.meta.url)('semver') as Semver;

interface LockPackage {
  optional?: boolean;
  engines?: { node?: string };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockPackage>;
};

function declared(): [string, string][] {
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && p.optional !== true && p.engines?.node !== undefined)
    .map(([path, p]) => [path.replace(/^.*node_modules\//, ''), p.engines?.node ?? ''] as [string, string])
    .filter(([, range]) => semver.validRange(range) !== null);
}

describe('engines', () => {
  it('every Node version Kassa declares is one every installed package declares too', () => {
    const ours = pkg.engines.node;
    const narrower = declared().filter(([, range]) => !semver.subset(ours, range));
    expect(narrower).toEqual([]);
  });

  it('so npm warns on Node 20 (what the build machines run) but not on 22.13 or 24', () => {
    const warnings = (version: string): string[] =>
      declared()
        .filter(([, range]) => !semver.satisfies(version, range))
        .map(([name]) => name);
    expect(warnings('22.13.0')).toEqual([]);
    expect(warnings('24.0.0')).toEqual([]);
    expect(warnings('20.19.0')).toEqual(
      expect.arrayContaining(['conf', 'i18next', 'react-i18next', 'electron']),
    );
  });
});
