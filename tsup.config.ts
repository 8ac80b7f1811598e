import { defineConfig } from 'tsup';

/**
 * ESM + CJS builds with declarations. The SDK entries (index, rules) bundle nothing from Node, Express,
 * faker or MSW; the mock-server entries keep those as external dependencies. No source maps: they
 * embedded the TypeScript sources and made 5.6 MB of a 10 MB package (the tarball must stay under
 * 1 MB, test/package/tarball.test.ts). `provider-portal-sdk/msw` is a guard written after the build
 * (`npm run build` runs scripts/msw-entry.ts) in front of `msw-handlers`, so that a missing `msw` says how to install it.
 */
export default defineConfig([
  {
    entry: {
      index: 'sdk/index.ts',
      rules: 'sdk/rules/index.ts',
      'mock-server': 'mock-server/index.ts',
      'msw-handlers': 'mock-server/msw.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'mock-server/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
