import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { FAKER_LOCALE } from './mock-server/data/faker-locale.ts';

/**
 * The mock's faker locale as data: the parts of `en` it draws from, without the rest of the locale
 * (mock-server/data/faker-locale.ts says why).
 */
const fakerLocaleAsData: Plugin = {
  name: 'faker-locale-as-data',
  setup(build) {
    build.onLoad({ filter: /mock-server[\\/]data[\\/]faker-locale\.ts$/ }, () => ({
      contents: `export const FAKER_LOCALE = ${JSON.stringify(FAKER_LOCALE)};\n`,
      loader: 'js',
    }));
  },
};

/**
 * The generated JSON the mock embeds (the OpenAPI document, the operation index) as
 * `JSON.parse('…')` of its compact text, not as an object literal: a tenth smaller gzipped (the spec
 * is the largest module of the package, in both the ESM and the CJS build, and the tarball must stay
 * under 1 MB) and faster to load (V8 parses JSON faster than the same object as JavaScript).
 */
const generatedJsonAsParse: Plugin = {
  name: 'generated-json-as-parse',
  setup(build) {
    build.onLoad({ filter: /mock-server[\\/]generated[\\/][^\\/]+\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const compact = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      const quoted = compact
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
      return { contents: `export default JSON.parse('${quoted}');\n`, loader: 'js' };
    });
  },
};

/**
 * The CLI's one import of the mock (`./cli-support.ts`) resolves to the library build's
 * `dist/cli-support.js`: one copy of the mock, its spec and its compiled validators in the package.
 */
const cliSupportFromLibrary: Plugin = {
  name: 'cli-support-from-library',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli-support\.ts$/ }, () => ({
      path: './cli-support.js',
      external: true,
    }));
  },
};

/**
 * ESM + CJS builds with declarations. The SDK entries (index, rules) bundle nothing from Node, Express,
 * faker or MSW; the mock-server entries keep those as external dependencies. No source maps: they
 * embedded the TypeScript sources and made 5.6 MB of a 10 MB package (the tarball must stay under
 * 1 MB, test/package/tarball.test.ts). `provider-portal-sdk/msw` is a guard written after the build
 * (`npm run build` runs scripts/msw-entry.ts) in front of `msw-handlers`, so that a missing `msw` says how to install it.
 */
/** Calls without side effects that build module-level constants in sdk/ and mock-server/. */
const PURE_CALLS = [
  'Object.freeze',
  'Object.keys',
  'Object.fromEntries',
  'Map',
  'Set',
  'Symbol',
  'z.strictObject',
  'z.object',
  'z.string',
  'z.pipe',
  'z.email',
  'z.array',
  'z.enum',
  'z.union',
  'z.optional',
  'z.number',
  'z.boolean',
  'z.literal',
];

/**
 * The library entries, built twice: ESM as written (what bundlers tree-shake, with the pure
 * annotations the bundle budget relies on, docs/bundle-size.md) and CJS for `require` (Node, Jest),
 * minified with its names kept (`keepNames`: errors and classes keep their `name`): no bundler
 * tree-shakes the CJS build, and it was half of the package, which must stay under 1 MB
 * (test/package/tarball.test.ts: 1,054,255 bytes with the CJS build's whitespace and syntax
 * minified only, 1,028,623 minified). `npm run build` empties dist first (neither build cleans:
 * they run side by side).
 */
const library = {
  entry: {
    index: 'sdk/index.ts',
    rules: 'sdk/rules/index.ts',
    fhir: 'sdk/fhir/index.ts',
    'mock-server': 'mock-server/index.ts',
    'msw-handlers': 'mock-server/msw.ts',
    'cli-support': 'mock-server/cli-support.ts',
  },
  // Declarations for the entries package.json exports (cli-support is the CLI's, not a public entry).
  dts: {
    entry: {
      index: 'sdk/index.ts',
      rules: 'sdk/rules/index.ts',
      fhir: 'sdk/fhir/index.ts',
      'mock-server': 'mock-server/index.ts',
      'msw-handlers': 'mock-server/msw.ts',
    },
  },
  sourcemap: false,
  target: 'es2022',
  splitting: true,
  treeshake: true,
  // The entries share chunks: one file holds every rule, so an app's bundler cannot drop a rules
  // module it does not use as it does from source (`sideEffects: false` works per file). Marking
  // the calls that build module-level constants as pure lets it drop the unused ones inside the
  // chunk: an app using only the client no longer carries the rules catalog or unused schemas
  // (docs/bundle-size.md measures dist).
  pure: PURE_CALLS,
  esbuildPlugins: [fakerLocaleAsData, generatedJsonAsParse],
};

export default defineConfig([
  { ...library, format: ['esm'] },
  { ...library, format: ['cjs'], minify: true, keepNames: true },
  {
    entry: { cli: 'mock-server/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [cliSupportFromLibrary],
  },
]);
