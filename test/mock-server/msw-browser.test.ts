import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the MSW entry in a browser', () => {
  it('bundles for the browser platform without Node built-ins or Express', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../mock-server/msw.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      external: ['msw'],
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/express/'))).toBe(false);
    expect(inputs.some((input) => input.endsWith('mock-server/express.ts'))).toBe(false);
    const text = result.outputFiles[0]?.text ?? '';
    expect(text).not.toMatch(/from\s+["']node:/);
    expect(text).not.toMatch(/require\(["'](node:)?(fs|path|http|net|child_process)["']\)/);
    // No code generated at run time (a CSP without 'unsafe-eval' forbids it): the validators are
    // compiled by `npm run generate`, so ajv's compiler is not bundled.
    expect(inputs.filter((input) => /node_modules\/ajv\/dist\/(compile|core|2020)/.test(input))).toEqual([]);
    expect(text).not.toMatch(/new Function\b|\beval\(/);
  }, 60_000);
});
