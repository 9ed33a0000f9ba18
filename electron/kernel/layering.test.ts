/**
 * Tests the layer rules themselves (.dependency-cruiser.cjs; docs/architecture.md, "Layers"): small trees that
 * mirror the repo layout are written to a temp dir and cruised with the repo's config. A clean tree must
 * pass; each broken tree must report exactly the violations listed, so a rule lost from the config turns a
 * case red.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const repo = fileURLToPath(new URL('../..', import.meta.url));

type Tree = Record<string, string>;

/**
 * The source of a module that imports each specifier: `type:./x` type-only, `lazy:./x` by dynamic import(),
 * anything else as a value. The rules look only at imports, so the bodies stay trivial.
 */
function mod(...specifiers: string[]): string {
  const lines = specifiers.map((spec, i) => {
    const marked = /^(type|lazy):(.+)$/.exec(spec);
    const kind = marked?.[1] ?? 'value';
    const path = marked?.[2] ?? spec;
    if (kind === 'type') {
      return `import type * as m${i} from '${path}';\nexport type T${i} = typeof m${i};`;
    }
    if (kind === 'lazy') {
      return `export const load${i} = () => import('${path}');`;
    }
    return `import * as m${i} from '${path}';\nexport const v${i} = m${i};`;
  });
  return [...lines, 'export const here = 1;', ''].join('\n');
}

/** A tree that keeps every rule: a module or two per layer, each importing its own layer or below. */
const CLEAN: Tree = {
  'shared/money.ts': mod(),
  'shared/codes.fixtures.ts': mod('./money'),
  'renderer/src/app.ts': mod('type:../../shared/money'),
  'electron/kernel/clock.ts': mod('type:../../shared/money'),
  'electron/kernel/testing/manual-clock.ts': mod('../clock'),
  'electron/log/logger.ts': mod('../kernel/clock'),
  'electron/storage/journal.ts': mod('../log/logger'),
  'electron/providers/http.ts': mod('../log/logger'),
  'electron/providers/bank/client.ts': mod('../http'),
  'electron/providers/simulator-kit.ts': mod('./http'),
  'electron/providers/bank/sim-state.ts': mod('../simulator-kit'),
  'electron/providers/bank/simulator.ts': mod('./sim-state'),
  'electron/providers/bank/fixture.ts': mod('./simulator'),
  'electron/providers/bank/client.test.ts': mod('./fixture'),
  'electron/sales/sale.ts': mod('../storage/journal', '../kernel/clock'),
  'electron/payments/engine.ts': mod('../providers/bank/client', 'type:../storage/journal'),
  'electron/payments/testing/fake.ts': mod('../../kernel/testing/manual-clock', 'type:../../shared/money'),
  // Test files are exempt from the direction rules: this one reaches across domains, up into the core and
  // into a simulator.
  'electron/payments/engine.test.ts': mod(
    './testing/fake',
    '../sales/sale',
    '../core/kassa',
    '../providers/bank/simulator',
  ),
  'electron/sandbox/types.ts': mod('type:../../shared/money'),
  'electron/sandbox/simulators.ts': mod('../providers/bank/simulator', 'type:./types'),
  'electron/sandbox/on-demand.ts': mod('type:./types', 'lazy:./simulators'),
  'electron/ipc/handle.ts': mod('../kernel/clock', '../log/logger'),
  'electron/core/kassa.ts': mod(
    '../sales/sale',
    '../payments/engine',
    'type:../sandbox/types',
    '../ipc/handle',
  ),
  'electron/hosts/node-kassa.ts': mod('../core/kassa', '../sandbox/on-demand'),
  'electron/main.ts': mod('./core/kassa', './sandbox/on-demand', './windows/cashier'),
  'electron/windows/cashier.ts': mod('../../shared/money'),
  'electron/testing/till.ts': mod('../hosts/node-kassa', '../sandbox/simulators'),
};

interface Found {
  rule: string;
  from: string;
  to: string;
}

let options: ICruiseOptions;
let tsConfig: ReturnType<typeof extractTSConfig>;
const dirs: string[] = [];

beforeAll(async () => {
  options = await extractDepcruiseOptions(join(repo, '.dependency-cruiser.cjs'));
  const tsConfigFile = options.tsConfig?.fileName;
  if (tsConfigFile === undefined) {
    throw new Error('.dependency-cruiser.cjs names no tsconfig: type-only imports would go unchecked');
  }
  tsConfig = extractTSConfig(join(repo, tsConfigFile));
});

afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes `tree` to a fresh temp dir and returns the violations the repo's config finds there, sorted. */
async function violationsOf(tree: Tree): Promise<Found[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-layering-'));
  dirs.push(dir);
  for (const [path, source] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const result = await cruise(
    ['electron', 'shared', 'renderer'],
    { ...options, baseDir: dir },
    {},
    { tsConfig },
  );
  if (typeof result.output === 'string') {
    throw new Error('dependency-cruiser returned a report, not a cruise result');
  }
  const modules = result.output.summary.totalCruised;
  expect(modules).toBe(Object.keys(tree).length);
  return result.output.summary.violations
    .map((v: IViolation) => ({ rule: v.rule.name, from: v.from, to: v.to }))
    .sort((a, b) => `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`));
}

function withChanges(changes: Tree): Tree {
  return { ...CLEAN, ...changes };
}

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('finds nothing in a tree that keeps the direction', async () => {
    expect(await violationsOf(CLEAN)).toEqual([]);
  });

  it('reports the kernel importing the core', async () => {
    const tree = withChanges({ 'electron/kernel/bad.ts': mod('../core/kassa') });
    expect(await violationsOf(tree)).toEqual([
      { rule: 'kernel-direction', from: 'electron/kernel/bad.ts', to: 'electron/core/kassa.ts' },
    ]);
  });

  it('reports a domain importing another domain', async () => {
    const tree = withChanges({ 'electron/sales/sale.ts': mod('../payments/engine') });
    expect(await violationsOf(tree)).toEqual([
      { rule: 'domain-isolation', from: 'electron/sales/sale.ts', to: 'electron/payments/engine.ts' },
    ]);
  });

  it('reports infrastructure importing a domain, by a type-only import too', async () => {
    const tree = withChanges({ 'electron/storage/bad.ts': mod('type:../sales/sale') });
    expect(await violationsOf(tree)).toEqual([
      { rule: 'infrastructure-direction', from: 'electron/storage/bad.ts', to: 'electron/sales/sale.ts' },
    ]);
  });

  it('reports storage and providers importing each other', async () => {
    const tree = withChanges({ 'electron/storage/journal.ts': mod('../providers/http') });
    expect(await violationsOf(tree)).toEqual([
      {
        rule: 'infrastructure-isolation',
        from: 'electron/storage/journal.ts',
        to: 'electron/providers/http.ts',
      },
    ]);
  });

  it('reports every other layer importing upwards', async () => {
    const tree = withChanges({
      'electron/windows/bad.ts': mod('../../renderer/src/app'),
      'electron/core/bad.ts': mod('../hosts/node-kassa'),
      'electron/sales/bad.ts': mod('../core/kassa'),
      'electron/log/bad.ts': mod('../storage/journal'),
      'shared/bad.ts': mod('../electron/kernel/clock'),
      'renderer/src/bad.ts': mod('../../electron/kernel/clock'),
    });
    expect(await violationsOf(tree)).toEqual([
      { rule: 'core-direction', from: 'electron/core/bad.ts', to: 'electron/hosts/node-kassa.ts' },
      { rule: 'domain-direction', from: 'electron/sales/bad.ts', to: 'electron/core/kassa.ts' },
      { rule: 'log-direction', from: 'electron/log/bad.ts', to: 'electron/storage/journal.ts' },
      { rule: 'renderer-direction', from: 'renderer/src/bad.ts', to: 'electron/kernel/clock.ts' },
      { rule: 'shared-direction', from: 'shared/bad.ts', to: 'electron/kernel/clock.ts' },
      { rule: 'top-direction', from: 'electron/windows/bad.ts', to: 'renderer/src/app.ts' },
    ]);
  });

  it('reports a folder of electron/ that is in no layer', async () => {
    const tree = withChanges({ 'electron/printing/printer.ts': mod('../kernel/clock') });
    expect(await violationsOf(tree)).toEqual([
      {
        rule: 'unlayered-electron-folder',
        from: 'electron/printing/printer.ts',
        to: 'electron/kernel/clock.ts',
      },
    ]);
  });

  it('reports a two-file cycle, a type-only import closing it', async () => {
    const tree = withChanges({
      'electron/providers/bank/a.ts': mod('./b'),
      'electron/providers/bank/b.ts': mod('type:./a'),
    });
    // dependency-cruiser reports a cycle once, from whichever of its modules it meets first.
    const found = await violationsOf(tree);
    expect(found).toHaveLength(1);
    expect(found[0]?.rule).toBe('no-circular');
    expect([found[0]?.from, found[0]?.to].sort()).toEqual([
      'electron/providers/bank/a.ts',
      'electron/providers/bank/b.ts',
    ]);
  });

  it('reports the core reaching simulator code through a production module', async () => {
    const tree = withChanges({ 'electron/providers/bank/client.ts': mod('../http', './simulator') });
    const simulatorCode = [
      'electron/providers/bank/sim-state.ts',
      'electron/providers/bank/simulator.ts',
      'electron/providers/simulator-kit.ts',
    ];
    expect(await violationsOf(tree)).toEqual([
      ...simulatorCode.map((to) => ({
        rule: 'core-reaches-no-simulator',
        from: 'electron/core/kassa.ts',
        to,
      })),
      {
        rule: 'simulator-only-from-hosts-and-tests',
        from: 'electron/providers/bank/client.ts',
        to: 'electron/providers/bank/simulator.ts',
      },
    ]);
  });

  it('reports the core importing the sandbox simulators, even lazily', async () => {
    const tree = withChanges({ 'electron/core/wiring.ts': mod('lazy:../sandbox/simulators') });
    expect(await violationsOf(tree)).toEqual([
      {
        rule: 'simulator-only-from-hosts-and-tests',
        from: 'electron/core/wiring.ts',
        to: 'electron/sandbox/simulators.ts',
      },
    ]);
  });

  it('reports production code importing a testing/ folder or a fixtures file', async () => {
    const tree = withChanges({
      'electron/payments/engine.ts': mod('./testing/fake'),
      'shared/codes.ts': mod('./codes.fixtures'),
    });
    expect(await violationsOf(tree)).toEqual([
      {
        rule: 'production-not-to-test-code',
        from: 'electron/payments/engine.ts',
        to: 'electron/payments/testing/fake.ts',
      },
      { rule: 'production-not-to-test-code', from: 'shared/codes.ts', to: 'shared/codes.fixtures.ts' },
    ]);
  });
});
