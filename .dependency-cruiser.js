/** The layer rule of functions/, checked by dependency-cruiser in `npm run lint` (docs/development.md tells it in words). */

// The core's parts, lowest first: a part imports only from itself and the parts before it.
// site and infographic are both last: neither imports the other.
const coreOrder = [
  'language',
  'contract',
  'figures',
  'runs',
  'release',
  'cards',
  'reminders',
  'site',
  'infographic',
];

// The only packages the core may use: none of them touches a file, the network, the clock or the environment.
const corePackages = ['canonicalize', 'fraction\\.js', 'zod'];

// node:crypto only hashes (content hashes, the input digest); every other node module is I/O or process state.
const coreNodeModules = ['crypto'];

const shells = '^functions/(cli|http)/';
// The composition root: functions/compose/ (or, before it, compose.ts and config.ts) and the entry.
const compositionRoot = '^functions/(compose/|(compose|config|index)\\.ts$)';

/** One rule per core part: it may not import a part above it (site and infographic may not import each other). */
function coreOrderRules() {
  return coreOrder.map((part, index) => {
    const above = coreOrder.slice(index + 1);
    if (part === 'site') above.push('infographic');
    if (part === 'infographic') above.push('site');
    const below = coreOrder.filter((other) => !above.includes(other));
    return {
      name: `core-${part}-imports-only-below`,
      comment: `core/${part}/ may import only from ${below.join(', ')} (the core's order, lowest first).`,
      severity: 'error',
      from: { path: `^functions/core/${part}/` },
      to: { path: `^functions/core/(${[...new Set(above)].join('|')})/` },
    };
  });
}

const config = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycle anywhere in functions/ (type-only imports included).',
      severity: 'error',
      from: { path: '^functions/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-only-core',
      comment: 'functions/core/ is pure: it imports nothing else from functions/.',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { path: '^functions/', pathNot: '^functions/core/' },
    },
    {
      name: 'core-no-node-io',
      comment: `functions/core/ uses no node module but ${coreNodeModules.join(', ')} (no files, network, clock, env or process).`,
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { dependencyTypes: ['core'], pathNot: `^(node:)?(${coreNodeModules.join('|')})$` },
    },
    {
      name: 'core-packages-allowed',
      comment: `functions/core/ uses only the packages ${corePackages.join(', ')}.`,
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { path: 'node_modules/', pathNot: `node_modules/(${corePackages.join('|')})/` },
    },
    ...coreOrderRules(),
    {
      name: 'adapters-below-use-cases',
      comment:
        'An adapter never imports a use case, a shell (cli/, http/) or the composition root.',
      severity: 'error',
      from: { path: '^functions/adapters/' },
      to: { path: [`^functions/use-cases/`, shells, compositionRoot] },
    },
    {
      name: 'use-cases-take-ports',
      comment:
        'A use case gets its adapters as ports: it never imports adapters/, a shell or the composition root.',
      severity: 'error',
      from: { path: '^functions/use-cases/' },
      to: { path: [`^functions/adapters/`, shells, compositionRoot] },
    },
    {
      name: 'compose-below-shells',
      comment: 'The composition root wires ports for both shells and imports neither of them.',
      severity: 'error',
      from: { path: '^functions/(compose/|(compose|config)\\.ts$)' },
      to: { path: shells },
    },
    {
      name: 'cli-and-http-apart',
      comment: 'The two shells share the composition root, not each other.',
      severity: 'error',
      from: { path: '^functions/cli/' },
      to: { path: '^functions/http/' },
    },
    {
      name: 'http-and-cli-apart',
      comment: 'The two shells share the composition root, not each other.',
      severity: 'error',
      from: { path: '^functions/http/' },
      to: { path: '^functions/cli/' },
    },
    {
      name: 'imports-resolve',
      comment: 'Every import in functions/ resolves to a file or an installed package.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
    doNotFollow: { path: 'node_modules' },
  },
};

// dependency-cruiser reads the config's default export; this file and eslint.config.js are the two allowed one.
export { config as default };
