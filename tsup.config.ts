import { defineConfig } from 'tsup';

/**
 * ESM + CJS builds with declarations. The SDK entries (index, rules) bundle nothing from Node, Express,
 * faker or MSW; the mock-server entries keep those as external (peer) dependencies.
 */
export default defineConfig([
  {
    entry: {
      index: 'sdk/index.ts',
      rules: 'sdk/rules/index.ts',
      'mock-server': 'mock-server/index.ts',
      msw: 'mock-server/msw.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
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
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
