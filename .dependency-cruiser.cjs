// The layer direction of docs/architecture.md §2 (Layers), checked by dependency-cruiser (`npm run lint:layers`,
// part of `npm run lint` and of the lint stage of `npm test`). electron/kernel/layering.test.ts runs these
// rules against small fixture trees, so a rule that stops firing turns a test red. Paths are regular
// expressions on repo-relative paths.
//
// Type-only imports count for every rule (tsPreCompilationDeps: true): `import type` from a layer is still
// a dependency on that layer. The core's view of the simulators is electron/sandbox/types.ts, not simulator
// code.

// --- Layers: top → core → domains → infrastructure → kernel → shared --------------------------------------
const TOP = '^electron/(hosts|windows|preload|testing)/|^electron/(main|start)\\.ts$';
const CORE = '^electron/(core|ipc)/';
const DOMAIN_NAMES = 'sales|payments|receipts|devices|sandbox';
const DOMAIN = `^electron/(${DOMAIN_NAMES})/`;
const INFRA_NAMES = 'storage|providers';
const INFRA = `^electron/(${INFRA_NAMES})/`;
const LOG = '^electron/log/';
const KERNEL = '^electron/kernel/';
const SHARED = '^shared/';
const RENDERER = '^renderer/';

// Where each layer may point (its own layer and everything below it).
const BELOW_KERNEL = [KERNEL, SHARED];
const BELOW_LOG = [LOG, ...BELOW_KERNEL];
const BELOW_INFRA = [INFRA, ...BELOW_LOG];
const BELOW_DOMAIN = [DOMAIN, ...BELOW_INFRA];
const BELOW_CORE = [CORE, ...BELOW_DOMAIN];
const IN_A_LAYER = [TOP, ...BELOW_CORE];

// Only in-repo code is layered; npm packages and node builtins are lint's business (eslint.config.js).
const IN_REPO = '^(electron|shared|renderer)/';

// --- Test code and simulators ---------------------------------------------------------------------------
const TEST_FILE = '\\.test\\.tsx?$';
// Test support: test files, testing/ folders, *.fixtures.ts, and the provider test fixtures that sit beside
// their simulator (providers/<p>/fixture.ts, providers/ebarimt/test-support.ts).
const TEST_SUPPORT = [
  TEST_FILE,
  '(^|/)testing/',
  '\\.fixtures\\.ts$',
  '^electron/providers/(.*/|)(fixture|test-support)\\.ts$',
];
// Simulator code: the provider simulators and their helpers, the sandbox's set of them, and on-demand.ts (the
// hosts' lazy door to that set: importing it is importing the simulators).
const SIMULATOR = [
  '^electron/providers/(.*/|)simulator[^/]*\\.ts$',
  '^electron/providers/(.*/|)sim-[^/]*\\.ts$',
  '^electron/sandbox/(simulators|on-demand)\\.ts$',
];
// The hosts hand the simulators to createKassa; main.ts is the Electron host.
const HOST = ['^electron/hosts/', '^electron/main\\.ts$'];

/** A direction rule: production files matching `from` may import in-repo code only where `allowed` says. */
function direction(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from, pathNot: TEST_FILE },
    // A folder in no layer is reported once, by unlayered-electron-folder.
    to: { path: [...IN_A_LAYER, RENDERER], pathNot: allowed },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // 1. Direction: each layer imports only its own layer and the layers below it.
    direction('top-direction', 'The main-process side never imports renderer code.', TOP, IN_A_LAYER),
    direction(
      'core-direction',
      'The composition root and the gate import domains, infrastructure, kernel and shared, never a host.',
      CORE,
      BELOW_CORE,
    ),
    direction(
      'domain-direction',
      'A domain imports infrastructure, kernel and shared; never the core or a host.',
      DOMAIN,
      BELOW_DOMAIN,
    ),
    direction(
      'infrastructure-direction',
      'storage/ and providers/ import log, kernel and shared; never a domain, the core or a host.',
      INFRA,
      BELOW_INFRA,
    ),
    direction('log-direction', 'log/ imports only kernel and shared.', LOG, BELOW_LOG),
    direction('kernel-direction', 'The kernel imports only shared.', KERNEL, BELOW_KERNEL),
    direction(
      'shared-direction',
      'shared/ is imported by both sides and imports only shared/.',
      SHARED,
      SHARED,
    ),
    direction(
      'renderer-direction',
      'The renderer talks to main only through the contract: it imports renderer/ and shared/.',
      RENDERER,
      [RENDERER, SHARED],
    ),
    {
      name: 'unlayered-electron-folder',
      comment:
        'Every folder of electron/ belongs to a layer (docs/architecture.md §2 (Layers)): place a new one there.',
      severity: 'error',
      from: { path: '^electron/', pathNot: IN_A_LAYER },
      to: { path: IN_REPO },
    },
    {
      name: 'unlayered-electron-folder',
      comment:
        'Every folder of electron/ belongs to a layer (docs/architecture.md §2 (Layers)): place a new one there.',
      severity: 'error',
      from: { path: IN_REPO },
      to: { path: '^electron/', pathNot: IN_A_LAYER },
    },

    // 2. Domains never import another domain: the composition root wires them through interfaces.
    {
      name: 'domain-isolation',
      comment: 'A domain never imports another domain; electron/core wires them through interfaces.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: TEST_FILE },
      to: { path: DOMAIN, pathNot: '^electron/$1/' },
    },

    // 3. Inside infrastructure: storage/ and providers/ never import each other (both may import log/).
    {
      name: 'infrastructure-isolation',
      comment: 'storage/ and providers/ never import each other.',
      severity: 'error',
      from: { path: INFRA, pathNot: TEST_FILE },
      to: { path: INFRA, pathNot: '^electron/$1/' },
    },

    // 4. No cycles, test files included.
    {
      name: 'no-circular',
      comment: 'Dependencies point one way; a cycle means two modules are one.',
      severity: 'error',
      from: { path: IN_REPO },
      to: { circular: true },
    },

    // 5. Production code never reaches simulator code: the hosts hand the simulators to createKassa.
    {
      name: 'simulator-only-from-hosts-and-tests',
      comment: 'Only tests, testing/ folders, simulator files and the hosts import simulator code.',
      severity: 'error',
      from: { path: IN_REPO, pathNot: [...TEST_SUPPORT, ...SIMULATOR, ...HOST] },
      to: { path: SIMULATOR },
    },
    {
      name: 'core-reaches-no-simulator',
      comment: 'Nothing createKassa imports, directly or through other modules, is simulator code.',
      severity: 'error',
      // kassa.ts is the core's one entry (createKassa): what it reaches is what a host loads with the core.
      from: { path: '^electron/core/kassa\\.ts$' },
      to: { path: SIMULATOR, reachable: true },
    },

    // 6. Production code never imports test code.
    {
      name: 'production-not-to-test-code',
      comment: 'testing/ folders, *.test.ts and fixture files are for tests only.',
      severity: 'error',
      from: { path: IN_REPO, pathNot: TEST_SUPPORT },
      to: { path: TEST_SUPPORT },
    },
  ],
  options: {
    includeOnly: IN_REPO,
    // See the type-only note at the top.
    tsPreCompilationDeps: true,
    // No path aliases today; the node project extends the same base as the web one, so an alias added to
    // tsconfig.base.json is seen for renderer/ as well.
    tsConfig: { fileName: 'tsconfig.node.json' },
  },
};
