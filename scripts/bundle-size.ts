/**
 * How the package's size is measured, shared by `scripts/measure-bundle.ts` (which writes
 * docs/bundle-size.md) and the budget test (test/sdk/bundle-size.test.ts): an app's code importing
 * `provider-portal-sdk` as users install it (the built `dist`, resolved through package.json
 * `exports`, as after `npm i`), bundled for the browser by esbuild, minified, tree-shaken, then
 * gzipped at level 9. Run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/** The size issue 4 set for the main entry, gzipped. */
export const TARGET_GZIP_BYTES = 30 * 1024;

/** The size issue 16 set for the mock's share of a page (the MSW entry, msw itself excluded), gzipped. */
export const MSW_TARGET_GZIP_BYTES = 150 * 1024;

/**
 * What the size may not exceed without a deliberate change of these numbers (a test fails): the
 * sizes measured from `dist` on 2026-12-01 (48.0, 35.9 and 191.0 kB) with about 1 kB (the mock: 3 kB)
 * of headroom, so that growth is a decision.
 */
export const SIZE_BUDGET = {
  /**
   * `provider-portal-sdk`, every export. Grew with issue 10 (the contract's access table,
   * `OPERATION_PERMISSIONS`, `canCall`) and the portal clock and PHI-free error messages; 52.5 kB with
   * issue 15 (health plans and account consolidation, site managers and sponsors, account links,
   * profile update requests: 51.5 kB measured); 53.5 kB with issue 15's own account and additional Tax
   * IDs (portal.account and sdk/rules/own-account.ts with six catalog entries: 52.3 kB measured, a
   * deliberate kilobyte of headroom again); 57.0 kB with issue 14's `portal.fhir` (56.0 kB measured:
   * the method surface and, mostly, the up-front code now coming in four files instead of one, since
   * the lazily loaded implementation of `portal.fhir` shares the transport, errors and rules with it;
   * the PAS readers themselves are the `provider-portal-sdk/fhir` entry and that lazy chunk).
   */
  entryGzipBytes: 57 * 1024,
  /**
   * An app importing only `createPortalClient` (38.5 kB with issue 15's methods: 37.8 kB measured;
   * 40.5 kB with issue 14's `portal.fhir`: 39.7 kB measured up front, 8.5 kB more on its first call).
   */
  appGzipBytes: 40.5 * 1024,
  /**
   * An app importing `createPortalHandlers` from `provider-portal-sdk/msw` (msw excluded), resolved
   * through the `browser` condition as a page's bundler does. 181 kB when issue 16 measured 178.3 kB;
   * 190 kB once the shared-service and authorization issues joined the mock (host and origin guards,
   * secrets, the access table, throttling: 187.0 kB measured); 194 kB once the documents were
   * written with fflate, deflated for real (191.0 kB; the `yaml` writer of /openapi.yaml is a lazy chunk);
   * 206 kB with issue 15 (health plans, consolidation, site managers, account links, profile update
   * requests and their compiled validators: 203.1 kB measured); 191.5 kB once the OpenAPI document
   * was embedded as JSON.parse of its compact text, with issue 14's FHIR face (188.5 kB measured).
   */
  mswGzipBytes: 191.5 * 1024,
} as const;

/** An app that re-exports everything of the main entry. */
export const ENTRY_APP = "export * from 'provider-portal-sdk';";

/** The code of an app that uses only the client: what an integrator's bundle keeps. */
export const CLIENT_APP =
  "import { createPortalClient } from 'provider-portal-sdk'; console.log(createPortalClient);";

/** A page that starts the mock in a service worker: the mock's share (msw is the app's own dependency). */
export const MSW_APP =
  "import { createPortalHandlers } from 'provider-portal-sdk/msw'; console.log(createPortalHandlers);";

const root = new URL('..', import.meta.url);

type Exports = Record<string, string | { browser?: { default?: string }; import?: { default?: string } }>;

/**
 * Resolves `provider-portal-sdk` and its subpaths to the built files its `exports` name, with the
 * conditions a browser bundler uses (`browser` first, then `import`).
 */
export const installedPackage: Plugin = {
  name: 'installed-package',
  setup(esbuild) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      name: string;
      exports: Exports;
    };
    esbuild.onResolve({ filter: new RegExp(`^${pkg.name}(/|$)`) }, (args) => {
      const subpath = `.${args.path.slice(pkg.name.length)}`;
      const target = pkg.exports[subpath];
      const file =
        typeof target === 'string' ? target : (target?.browser?.default ?? target?.import?.default);
      if (file === undefined) return { errors: [{ text: `${args.path} is not exported` }] };
      const path = new URL(file, root).pathname;
      if (!existsSync(path)) {
        return {
          errors: [{ text: `${path} is missing: run \`npm run build\` before measuring the package` }],
        };
      }
      return { path };
    });
  },
};

/** Whether `dist` holds a build (the budget test needs one: `npm test` builds before the suite). */
export function isBuilt(): boolean {
  return existsSync(new URL('dist/index.js', root)) && existsSync(new URL('dist/msw.js', root));
}

/**
 * Bundles a file of the repository (`entry`, from source), or the given app source (`contents`,
 * where `provider-portal-sdk` is the built package), with code splitting as an app's bundler does,
 * and answers the minified and gzipped sizes of what a page loads up front (the entry chunk and the
 * chunks it imports statically; chunks loaded by `import()` on first use are counted apart, in
 * `lazyGzip`), and its minified bytes by origin.
 *
 * @example
 * const { gzip } = await measureBundle('an app using the client', CLIENT_APP);
 */
export async function measureBundle(entry: string, contents?: string, external: string[] = []) {
  const result = await build({
    ...(contents === undefined
      ? { entryPoints: [new URL(entry, root).pathname] }
      : { stdin: { contents, resolveDir: new URL('.', root).pathname, loader: 'ts' as const } }),
    bundle: true,
    minify: true,
    splitting: true,
    outdir: '/measure',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    treeShaking: true,
    write: false,
    metafile: true,
    external,
    plugins: [installedPackage],
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const start = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined);
  // The entry chunk and, transitively, the chunks it imports statically.
  const upFront = new Set<string>();
  const visit = (path: string) => {
    if (upFront.has(path) || outputs[path] === undefined) return;
    upFront.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  if (start !== undefined) visit(start);
  let minified = 0;
  let gzip = 0;
  let lazyGzip = 0;
  const byPackage = new Map<string, number>();
  for (const file of result.outputFiles) {
    // Metafile paths are relative to the working directory; output files' paths are absolute.
    const path = Object.keys(outputs).find((key) => resolve(key) === file.path);
    const zipped = gzipSync(file.contents, { level: 9 }).byteLength;
    if (path === undefined || !upFront.has(path)) {
      lazyGzip += zipped;
      continue;
    }
    minified += file.contents.byteLength;
    gzip += zipped;
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path]?.inputs ?? {})) {
      const name =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return { minified, gzip, lazyGzip, byPackage: [...byPackage].sort((a, b) => b[1] - a[1]) };
}
