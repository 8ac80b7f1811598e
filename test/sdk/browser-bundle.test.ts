/**
 * The SDK entry runs in browsers and edge runtimes: bundled for the browser platform it imports no
 * Node built-in and pulls in no Express, faker or MSW.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = new URL('../../sdk/index.ts', import.meta.url).pathname;

describe('the browser bundle of sdk/index.ts', () => {
  it('has no node: import and no Express, faker or MSW', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    const outputImports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    const everything = [...inputs, ...imports, ...outputImports];
    expect(everything.filter((path) => path.startsWith('node:'))).toEqual([]);
    const forbidden = /(^|\/)node_modules\/(express|@faker-js\/faker|msw)\//;
    expect(inputs.filter((path) => forbidden.test(path))).toEqual([]);
    expect(everything.filter((path) => /^(express|@faker-js\/faker|msw)(\/|$)/.test(path))).toEqual([]);
    expect(inputs.some((path) => path.includes('mock-server/'))).toBe(false);
    // The bundle really contains the client and its one runtime dependency.
    expect(inputs.some((path) => path.endsWith('sdk/client.ts'))).toBe(true);
    expect(inputs.some((path) => path.includes('node_modules/openapi-fetch/'))).toBe(true);
    // The rules use zod/mini: one `import … from 'zod'` (classic, its locales and JSON-schema
    // processors) would add some 18 kB gzipped to every app (docs/bundle-size.md).
    const inOutput = Object.values(result.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([path]) => path),
    );
    // Not one locale or classic module. (The lazily loaded `portal.fhir` makes a bundle without code
    // splitting wrap the modules it shares with the client; zod/mini's `export * as locales` then
    // leaves its namespace object, some 80 bytes naming no locale's code: that index may stay.)
    const bytesOf = (path: string) =>
      Object.values(result.metafile.outputs).reduce(
        (sum, o) => sum + (o.inputs[path]?.bytesInOutput ?? 0),
        0,
      );
    expect(
      inOutput.filter(
        (path) =>
          /node_modules\/zod\/v4\/(classic|locales)\//.test(path) &&
          !(path.endsWith('zod/v4/locales/index.js') && bytesOf(path) < 200),
      ),
    ).toEqual([]);
    expect(inOutput.some((path) => path.includes('node_modules/zod/v4/mini/'))).toBe(true);
  });
});
