/**
 * Measures the SDK's main entry as a browser would load it: sdk/index.ts bundled with its
 * dependencies (openapi-fetch, zod), minified, then gzipped. Writes docs/bundle-size.md.
 *
 *   npx tsx scripts/measure-bundle.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  CLIENT_APP,
  MSW_ENTRY,
  MSW_EXTERNAL,
  measureBundle as measure,
  SIZE_BUDGET,
  TARGET_GZIP_BYTES,
} from './bundle-size.ts';

const COMMAND = 'npx tsx scripts/measure-bundle.ts';
const root = new URL('..', import.meta.url);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const main = await measure('sdk/index.ts');
const app = await measure('an app using createPortalClient', CLIENT_APP);
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
const msw = await measure(MSW_ENTRY, undefined, MSW_EXTERNAL);
const zodInEntry = main.byPackage.find(([name]) => name === 'zod')?.[1] ?? 0;
const verdict = main.gzip <= TARGET_GZIP_BYTES ? 'within' : 'OVER';
const appVerdict = app.gzip <= TARGET_GZIP_BYTES ? 'within' : 'over';

const lines = [
  '# Bundle size of the SDK',
  '',
  'The main entry (`provider-portal-sdk`, `sdk/index.ts`) bundled for the browser with its dependencies,',
  'minified (esbuild) and gzipped (level 9). Measured with:',
  '',
  '```sh',
  COMMAND,
  '```',
  '',
  '| entry | minified | minified + gzip |',
  '|---|---|---|',
  `| \`sdk/index.ts\`, every export (client + rules + rules catalog) | ${kb(main.minified)} | **${kb(main.gzip)}** |`,
  `| an app importing only \`createPortalClient\` (tree-shaken) | ${kb(app.minified)} | **${kb(app.gzip)}** |`,
  `| \`sdk/rules/index.ts\`, every export (rules alone) | ${kb(rules.minified)} | ${kb(rules.gzip)} |`,
  `| \`sdk/rules/catalog.ts\` (the rules' documentation: rule, limit, seed quote) | ${kb(catalog.minified)} | ${kb(catalog.gzip)} |`,
  `| \`openapi-fetch\` alone | ${kb(openapiFetch.minified)} | ${kb(openapiFetch.gzip)} |`,
  '',
  `Budget (a test fails above it: \`test/sdk/bundle-size.test.ts\`): ${kb(SIZE_BUDGET.entryGzipBytes)} for every export,`,
  `${kb(SIZE_BUDGET.appGzipBytes)} for an app that uses the client.`,
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
  '## The MSW entry',
  '',
  '`provider-portal-sdk/msw` (`mock-server/msw.ts`) bundles the whole mock portal for a browser test run,',
  'measured the same way with `msw` left out (the app has its own). It is test tooling, never in an',
  "app's production bundle.",
  '',
  '| entry | minified | minified + gzip |',
  '|---|---|---|',
  `| \`mock-server/msw.ts\` | ${kb(msw.minified)} | **${kb(msw.gzip)}** |`,
  '',
  `Budget (\`test/sdk/bundle-size.test.ts\`): ${kb(SIZE_BUDGET.mswGzipBytes)}.`,
  '',
  'Before fflate and yaml replaced the hand-written ZIP, deflate, CRC-32 and YAML writers (issue 12) it',
  'was 1,151,930 bytes minified, 347,299 gzipped (339.2 kB); fflate added 8,022 and 4,460 (its deflate,',
  'ZIP writer and CRC-32 for the XLSX and PNG documents, which shrank 11 to 52 times), yaml 48,329 and',
  '16,694 (`stringify` does not tree-shake far). Together +56.4 kB minified, +21.2 kB gzipped (+6.1 %),',
  'for writers that real readers check (test/mock-server/documents-readers.test.ts) and a served',
  '`/openapi.yaml` that is byte for byte `openapi/portal.yaml`.',
  '',
  'Minified bytes of the MSW entry by origin (before gzip):',
  '',
  '| origin | minified |',
  '|---|---|',
  ...msw.byPackage.map(([name, bytes]) => `| \`${name}\` | ${kb(bytes)} |`),
  '',
];
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(new URL('docs/bundle-size.md', root), lines.join('\n'));
console.log(
  `sdk/index.ts: ${kb(main.minified)} minified, ${kb(main.gzip)} gzipped (${verdict} ${kb(TARGET_GZIP_BYTES)}); ` +
    `an app using createPortalClient: ${kb(app.gzip)} gzipped; the MSW entry: ${kb(msw.gzip)} gzipped`,
);
