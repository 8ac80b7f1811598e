import { defineConfig } from 'vitest/config';

// CI sets VITEST_JSON_REPORT so that .ci/run can print the suite's totals as one plain line.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: ['sdk/**/*.test.ts', 'mock-server/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    // Two cores on these machines: more workers only contend.
    maxWorkers: 2,
    testTimeout: 20_000,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
