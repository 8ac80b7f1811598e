// Mutation testing (`npm run mutation`, not part of `npm test`): see docs/mutation.md.
// One group at a time (MUTATION_GROUP=rules|core|mock, set by scripts/mutation.ts), each with only
// the test files that exercise it, so that a run fits two shared cores.
const groups = {
  rules: {
    mutate: ['sdk/rules/**/*.ts', '!sdk/rules/**/*.test.ts'],
    testFiles: ['sdk/rules/**/*.test.ts'],
  },
  core: {
    mutate: ['sdk/core/**/*.ts', '!sdk/core/**/*.test.ts'],
    testFiles: ['sdk/core/**/*.test.ts', 'sdk/*.test.ts', 'sdk/resources/*.test.ts'],
  },
  mock: {
    mutate: [
      'mock-server/core/pipeline.ts',
      'mock-server/core/idempotency-scope.ts',
      'mock-server/core/access.ts',
      'mock-server/core/sessions.ts',
    ],
    testFiles: [
      'mock-server/core/*.test.ts',
      'test/mock-server/{accounts,admin,idempotency,mfa,prefer,roles,sandboxes,sessions}.test.ts',
    ],
  },
};

const group = process.env.MUTATION_GROUP ?? 'rules';
const chosen = groups[group];
if (chosen === undefined) throw new Error(`MUTATION_GROUP must be one of ${Object.keys(groups).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: chosen.mutate,
  testFiles: chosen.testFiles,
  // Two cores, shared with others.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // Static mutants (module-level constants, run once at import) need every test re-run in a fresh
  // environment each; they are counted as "ignored" and listed by name in docs/mutation.md.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `mutation/incremental-${group}.json`,
  reporters: ['json', 'progress-append-only', 'clear-text'],
  jsonReporter: { fileName: `reports/mutation/${group}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 10_000),
  thresholds: { high: 90, low: 85, break: null },
};
