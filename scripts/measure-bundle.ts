/**
 * Measures the SDK's main entry as a browser would load it: sdk/index.ts bundled with its
 * dependencies (openapi-fetch, zod), minified, then gzipped. Writes docs/bundle-size.md.
 *
 *   npx tsx scripts/measure-bundle.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const TARGET_GZIP_BYTES = 30 * 1024;
const COMMAND = 'npx tsx scripts/measure-bundle.ts';
const root = new URL('..', import.meta.url);

async function measure(entry: string, contents?: string, plugins: Plugin[] = []) {
  const result = await build({
    plugins,
    ...(contents === undefined
      ? { entryPoints: [new URL(entry, root).pathname] }
      : { stdin: { contents, resolveDir: new URL('.', root).pathname, loader: 'ts' as const } }),
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(code, { level: 9 }).byteLength;
  const byPackage = new Map<string, number>();
  const output = Object.values(result.metafile.outputs)[0];
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return { minified: code.byteLength, gzip, byPackage: [...byPackage].sort((a, b) => b[1] - a[1]) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const main = await measure('sdk/index.ts');
const app = await measure(
  'an app using createPortalClient',
  "import { createPortalClient } from './sdk/index.ts'; console.log(createPortalClient);",
);
const rules = await measure('sdk/rules/index.ts');
// What zod costs under esbuild depending on how it is imported (the rules use one of these forms).
const zodNamed = await measure(
  'zod, named import',
  "import { z } from 'zod'; console.log(z.object, z.string);",
);
const zodNamespace = await measure(
  'zod, namespace import',
  "import * as z from 'zod'; console.log(z.object, z.string);",
);
const zodMini = await measure('zod/mini', "import * as z from 'zod/mini'; console.log(z.object, z.string);");
const sdkOwn = main.byPackage
  .filter(([name]) => name.startsWith('sdk/') && !name.startsWith('sdk/rules'))
  .reduce((sum, [, bytes]) => sum + bytes, 0);
const verdict = main.gzip <= TARGET_GZIP_BYTES ? 'within' : 'OVER';

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
  `| \`sdk/index.ts\`, every export (client + rules) | ${kb(main.minified)} | **${kb(main.gzip)}** |`,
  `| an app importing only \`createPortalClient\` (tree-shaken) | ${kb(app.minified)} | ${kb(app.gzip)} |`,
  `| \`sdk/rules/index.ts\`, every export (rules alone) | ${kb(rules.minified)} | ${kb(rules.gzip)} |`,
  '',
  `Target: ${kb(TARGET_GZIP_BYTES)} gzipped for the main entry: ${verdict} target.`,
  '',
  `The client itself (everything under \`sdk/\` but the rules) is ${kb(sdkOwn)} minified; openapi-fetch`,
  'adds a few kB. The rest is the rules module and zod, which the entry re-exports. What zod alone',
  'costs under esbuild depends on how it is imported:',
  '',
  '| zod import | minified | minified + gzip |',
  '|---|---|---|',
  `| \`import { z } from 'zod'\` | ${kb(zodNamed.minified)} | ${kb(zodNamed.gzip)} |`,
  `| \`import * as z from 'zod'\` | ${kb(zodNamespace.minified)} | ${kb(zodNamespace.gzip)} |`,
  `| \`import * as z from 'zod/mini'\` | ${kb(zodMini.minified)} | ${kb(zodMini.gzip)} |`,
  '',
  'esbuild cannot tree-shake the named `z` import (it keeps every zod locale), so `sdk/rules/`',
  'imports zod as a namespace. What remains over the target is the rules module itself (its',
  'messages say what failed and what to do) and zod classic; moving the rules to `zod/mini` would',
  'save most of the zod row above, still leaving the entry over 30 kB while it re-exports every rule.',
  '',
  'Minified bytes of the main entry by origin (before gzip):',
  '',
  '| origin | minified |',
  '|---|---|',
  ...main.byPackage.map(([name, bytes]) => `| \`${name}\` | ${kb(bytes)} |`),
  '',
];
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(new URL('docs/bundle-size.md', root), lines.join('\n'));
console.log(
  `sdk/index.ts: ${kb(main.minified)} minified, ${kb(main.gzip)} gzipped (${verdict} ${kb(TARGET_GZIP_BYTES)})`,
);
