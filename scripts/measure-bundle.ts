/**
 * Measures the package as a browser app would load it after `npm i`: the built entries (dist)
 * bundled with their dependencies (openapi-fetch, zod; faker for the mock), minified, then gzipped.
 * Writes docs/bundle-size.md.
 *
 *   npm run build && npx tsx scripts/measure-bundle.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  CLIENT_APP,
  ENTRY_APP,
  isBuilt,
  MSW_APP,
  MSW_TARGET_GZIP_BYTES,
  measureBundle as measure,
  SIZE_BUDGET,
  TARGET_GZIP_BYTES,
} from './bundle-size.ts';

const COMMAND = 'npm run build && npx tsx scripts/measure-bundle.ts';
if (!isBuilt()) throw new Error('dist/ has no build: run `npm run build` first.');
const root = new URL('..', import.meta.url);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const main = await measure('every export', ENTRY_APP);
const app = await measure('an app using createPortalClient', CLIENT_APP);
const mock = await measure('an app using createPortalHandlers', MSW_APP, ['msw']);
const mswItself = await measure('msw/browser', "export { setupWorker } from 'msw/browser';");
const rules = await measure('sdk/rules/index.ts');
const catalog = await measure('sdk/rules/catalog.ts');
const openapiFetch = await measure('openapi-fetch', "export { default } from 'openapi-fetch';");
// What zod costs under esbuild depending on which build is imported (the rules use zod/mini; a lint
// rule and the browser-bundle test keep classic zod out of the SDK).
const zodNamed = await measure(
  'zod, named import',
  "import { z } from 'zod'; console.log(z.object, z.string);",
);
const zodNamespace = await measure(
  'zod, namespace import',
  "import * as z from 'zod'; console.log(z.object, z.string);",
);
const zodMini = await measure('zod/mini', "import * as z from 'zod/mini'; console.log(z.object, z.string);");
const zodInEntry = main.byPackage.find(([name]) => name === 'zod')?.[1] ?? 0;
const verdict = main.gzip <= TARGET_GZIP_BYTES ? 'within' : 'OVER';
const appVerdict = app.gzip <= TARGET_GZIP_BYTES ? 'within' : 'over';

const lines = [
  '# Bundle size of the SDK',
  '',
  'What an app pays for the package as users install it: code importing `provider-portal-sdk` resolved',
  'to the built `dist` through package.json `exports` (as after `npm i`), bundled for the browser with',
  'its dependencies, minified (esbuild) and gzipped (level 9). The two rules rows bundle the source.',
  'Measured with:',
  '',
  '```sh',
  COMMAND,
  '```',
  '',
  '| entry | minified | minified + gzip |',
  '|---|---|---|',
  `| \`provider-portal-sdk\`, every export (client + rules + rules catalog) | ${kb(main.minified)} | **${kb(main.gzip)}** |`,
  `| an app importing only \`createPortalClient\` (tree-shaken) | ${kb(app.minified)} | **${kb(app.gzip)}** |`,
  `| \`sdk/rules/index.ts\`, every export (rules alone) | ${kb(rules.minified)} | ${kb(rules.gzip)} |`,
  `| \`sdk/rules/catalog.ts\` (the rules' documentation: rule, limit, seed quote) | ${kb(catalog.minified)} | ${kb(catalog.gzip)} |`,
  `| \`openapi-fetch\` alone | ${kb(openapiFetch.minified)} | ${kb(openapiFetch.gzip)} |`,
  `| the mock in a page: \`createPortalHandlers\` from \`provider-portal-sdk/msw\` (msw excluded) | ${kb(mock.minified)} | **${kb(mock.gzip)}** |`,
  `| \`msw/browser\` (\`setupWorker\`), the app's own dependency | ${kb(mswItself.minified)} | ${kb(mswItself.gzip)} |`,
  '',
  `Budget (a test fails above it: \`test/sdk/bundle-size.test.ts\`): ${kb(SIZE_BUDGET.entryGzipBytes)} for every export,`,
  `${kb(SIZE_BUDGET.appGzipBytes)} for an app that uses the client, ${kb(SIZE_BUDGET.mswGzipBytes)} for the mock in a page.`,
  '',
  `The package ships its ESM entries with shared chunks: every rule is in one file, where an app's`,
  'bundler cannot drop a module it does not use (`sideEffects: false` works per file). The module-level',
  'constants are built by calls marked pure (tsup `pure`, and `/* @__PURE__ */` on the rules catalog), so',
  'an app that uses only the client does not carry the catalog: 35.4 kB from `dist`, where it was 40.0 kB.',
  '',
  '`portal.fhir` (Da Vinci PAS) loads its implementation and the PAS readers on its first call, a chunk',
  'an app that never calls it does not download (the sizes above count what a page loads up front);',
  'the PAS builders are the entry `provider-portal-sdk/fhir`. Exported from the main entry and called',
  'statically, they made the client 45.8 kB.',
  '',
  `Target: ${kb(TARGET_GZIP_BYTES)} gzipped. Every export of the main entry: ${verdict} target; an app that`,
  `uses the client: ${appVerdict} it.`,
  '',
  'An app that imports `createPortalClient` pays for the client, openapi-fetch, every request validator',
  '(the client checks every create before sending) and zod/mini. Importing every export adds the rules',
  "catalog and the helpers the client does not call (business-day calendar, users' session rules, …),",
  'which the main entry re-exports because the rules module is part of the SDK (issue 3).',
  '',
  'What zod alone costs under esbuild depending on which build is imported:',
  '',
  '| zod import | minified | minified + gzip |',
  '|---|---|---|',
  `| \`import { z } from 'zod'\` | ${kb(zodNamed.minified)} | ${kb(zodNamed.gzip)} |`,
  `| \`import * as z from 'zod'\` | ${kb(zodNamespace.minified)} | ${kb(zodNamespace.gzip)} |`,
  `| \`import * as z from 'zod/mini'\` (object + string only) | ${kb(zodMini.minified)} | ${kb(zodMini.gzip)} |`,
  '',
  `The rules are written with \`zod/mini\`: everything they use of it is ${kb(zodInEntry)} minified in the`,
  'entry, where classic zod took 89.8 kB (the main entry was 62.3 kB gzipped with classic zod). The',
  'Biome rule `noRestrictedImports` refuses `zod` under `sdk/`, and `test/sdk/browser-bundle.test.ts`',
  'fails when classic zod or its locales reach the bundle. The price is speed: mini parses objects without',
  "classic zod's compiled fast path (docs/bench/validate-preauthorization.md).",
  '',
  'Minified bytes of the main entry by origin (before gzip):',
  '',
  '| origin | minified |',
  '|---|---|',
  ...main.byPackage.map(([name, bytes]) => `| \`${name}\` | ${kb(bytes)} |`),
  '',
  '## The mock in a page',
  '',
  `Target: ${kb(MSW_TARGET_GZIP_BYTES)} gzipped for the mock's share of a page (issue 16): ${mock.gzip <= MSW_TARGET_GZIP_BYTES ? 'within' : 'OVER'} it.`,
  'What a page loads up front (the spec, loaded on the first `/openapi.json` or `/openapi.yaml`, is a',
  `lazy chunk of ${kb(mock.lazyGzip)} gzipped, not counted). Cut so far: the request validators are compiled at`,
  "build time (no ajv compiler, 116 kB minified), faker's English locale is reduced to the person and",
  'location data the mock draws from (-85 kB gzipped), and the spec is loaded on first use (-51 kB',
  'gzipped): 452 kB (issue 16, whole page) and 310 kB (the mock alone, from dist) before. What remains,',
  'by origin (minified, before gzip; the first chunk is the mock core, its data, handlers and compiled',
  'validators, and the rules it shares with the SDK):',
  '',
  '| origin | minified |',
  '|---|---|',
  ...mock.byPackage.map(([name, bytes]) => `| \`${name}\` | ${kb(bytes)} |`),
  '',
];
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(new URL('docs/bundle-size.md', root), lines.join('\n'));
console.log(
  `provider-portal-sdk: ${kb(main.minified)} minified, ${kb(main.gzip)} gzipped (${verdict} ${kb(TARGET_GZIP_BYTES)}); ` +
    `an app using createPortalClient: ${kb(app.gzip)} gzipped; the mock in a page: ${kb(mock.gzip)} gzipped`,
);
