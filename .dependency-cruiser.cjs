/**
 * The import boundaries of STYLE.md ("who may import whom"), checked by `npm run lint`.
 * Paths are relative to the folder depcruise runs in, so tests/unit/boundaries.test.ts can run
 * the same rules over a fixture tree with deliberately bad imports.
 */
const PRODUCTION = '^(electron|renderer|shared|db)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-only-zod',
      comment: 'shared/ is read by the main process and the renderer: it depends on zod and itself only.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', 'node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'db-only-shared',
      comment: 'db/ (schema, client, migrations) depends on shared/ and the database libraries only.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(electron|renderer|tests|bench)/' },
    },
    {
      name: 'core-is-transport-free',
      comment: 'Services never know about HTTP, tRPC or Electron: they run the same in plain Node.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: {
        path: ['^electron/(rest|trpc|web|main|preload|server)/', 'node_modules/(electron|fastify|@fastify|@trpc|trpc-electron)/'],
      },
    },
    {
      name: 'only-main-imports-electron',
      comment: 'Only electron/main (and the preload bridge) may load Electron.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: ['node_modules/electron/', '^electron$'] },
    },
    {
      name: 'rest-and-trpc-apart',
      comment: 'The two adapters share services and neutral helpers, never each other.',
      severity: 'error',
      from: { path: '^electron/rest/' },
      to: { path: '^electron/(trpc|web|main)/' },
    },
    {
      name: 'trpc-and-rest-apart',
      severity: 'error',
      from: { path: '^electron/trpc/' },
      to: { path: '^electron/(rest|web|main)/' },
    },
    {
      name: 'web-mode-borrows-no-rest',
      comment: 'Headless web mode is tRPC over HTTP: it shares neutral HTTP helpers (electron/http), not REST routes.',
      severity: 'error',
      from: { path: '^electron/web/' },
      to: { path: '^electron/(rest|main)/' },
    },
    {
      name: 'http-helpers-are-neutral',
      severity: 'error',
      from: { path: '^electron/http/' },
      to: { path: '^electron/(rest|trpc|web|main)/' },
    },
    {
      name: 'renderer-sees-shared-and-router-type',
      comment: 'The renderer runs in the sandboxed window: shared/ at run time, the router as a type only.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|db|tests|bench)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-type-only-router',
      comment: 'Even as a type, the renderer sees the root router, nothing else of the main process.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|db)/', pathNot: '^electron/trpc/root\\.ts$' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The sandboxed window has no Node: no fs, path or crypto of Node in the renderer.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^out/', '^test-results/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
