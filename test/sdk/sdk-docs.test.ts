/**
 * The SDK's pages stay true to the code: docs/sdk-methods.md is generated (and current), and
 * docs/sdk.md names every client option and every error class the SDK exports.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSdkMethodsDoc, sdkMethodsDocPath } from '../../scripts/generate-sdk-methods-doc.ts';
import * as sdk from '../../sdk/index.ts';
import { OPERATIONS } from '../../sdk/index.ts';

const read = (path: string | URL) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

describe('docs/sdk-methods.md', () => {
  it('is current (regenerate with `npx tsx scripts/generate-sdk-methods-doc.ts`)', () => {
    expect(read(sdkMethodsDocPath)).toBe(renderSdkMethodsDoc());
  });

  it('lists every operation of the spec', () => {
    const doc = read(sdkMethodsDocPath);
    expect(Object.keys(OPERATIONS).filter((id) => !doc.includes(`| \`${id}\` |`))).toEqual([]);
  });
});

describe('docs/sdk.md', () => {
  const guide = read(new URL('../../docs/sdk.md', import.meta.url));

  it('documents every option of createPortalClient', () => {
    const source = read(new URL('../../sdk/core/options.ts', import.meta.url));
    const body = /export interface PortalClientOptions \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
    const options = [...body.matchAll(/^ {2}([a-zA-Z]+)\??:/gm)].map((m) => m[1]);
    expect(options.length).toBeGreaterThan(10);
    expect(options.filter((name) => !guide.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it('documents every error class the SDK exports', () => {
    const classes = Object.entries(sdk)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
      .map(([name]) => name);
    expect(classes.length).toBeGreaterThan(15);
    expect(classes.filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
  });
});
