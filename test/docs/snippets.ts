/**
 * The TypeScript code blocks of README.md and docs/*.md, as a consumer would write them. A block right
 * after `<!-- snippet: fragment -->` continues the text around it: it may use `portal`, `request`,
 * `baseUrl`, `credentials`, `origin` and `url` (declared by {@link fragmentPrelude}) and is only
 * type-checked. Every other block is a whole program: type-checked and run against the mock portal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Snippet {
  /** `README.md:42`: the file and the line of the opening fence. */
  where: string;
  /** A file name for the extracted block, e.g. `README-42.ts`. */
  name: string;
  code: string;
  fragment: boolean;
}

const FENCE = /^```(ts|typescript)\s*$/;
const FRAGMENT = '<!-- snippet: fragment -->';

/** Declarations a fragment may rely on, as if it were written after the code before it. */
export const FRAGMENT_CONTEXT: Record<string, string> = {
  portal: '__sdk.PortalClient',
  request: "__sdk.RequestBody<'createPreauthorization'>",
  baseUrl: 'string',
  credentials: '__sdk.PortalCredentials',
  origin: 'string',
  url: 'string',
};

/** The declarations of {@link FRAGMENT_CONTEXT} a fragment uses without defining them itself. */
export function fragmentPrelude(code: string, sdk: string): string {
  const lines = [`import type * as __sdk from '${sdk}';`];
  for (const [name, type] of Object.entries(FRAGMENT_CONTEXT)) {
    if (new RegExp(`\\b(const|let|var)\\s+${name}\\b`).test(code)) continue;
    lines.push(`declare const ${name}: ${type};`);
  }
  return `${lines.join('\n')}\n`;
}

export function documents(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`);
  return ['README.md', ...docs];
}

export function extractSnippets(root: string): Snippet[] {
  const snippets: Snippet[] = [];
  for (const doc of documents(root)) {
    const lines = readFileSync(join(root, doc), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!FENCE.test(lines[i] ?? '')) continue;
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) body.push(lines[i] ?? '');
      const before = lines.slice(Math.max(0, start - 2), start).join('\n');
      snippets.push({
        where: `${doc}:${start + 1}`,
        name: `${doc.replace(/^docs\//, '').replace(/\.md$/, '')}-${start + 1}.ts`,
        code: `${body.join('\n')}\n`,
        fragment: before.includes(FRAGMENT),
      });
    }
  }
  return snippets;
}

/** The package's entry points, mapped to the sources they are built from. */
export function sourceEntries(root: string): Record<string, string> {
  return {
    'provider-portal-sdk': join(root, 'sdk/index.ts'),
    'provider-portal-sdk/rules': join(root, 'sdk/rules/index.ts'),
    'provider-portal-sdk/fhir': join(root, 'sdk/fhir/index.ts'),
    'provider-portal-sdk/mock-server': join(root, 'mock-server/index.ts'),
    'provider-portal-sdk/msw': join(root, 'mock-server/msw.ts'),
  };
}

/** The snippet with its imports of the package pointed at `entries` (and the prelude if a fragment). */
export function asProgram(snippet: Snippet, entries: Record<string, string>): string {
  const code = snippet.code.replace(
    /(from\s+')(provider-portal-sdk(?:\/[a-z-]+)?)(')/g,
    (all, open, spec, close) => {
      const target = entries[spec];
      return target === undefined ? all : `${open}${target}${close}`;
    },
  );
  const prelude = snippet.fragment ? fragmentPrelude(code, entries['provider-portal-sdk'] ?? '') : '';
  // `export {}` keeps a block without imports a module (top-level await, its own scope).
  return `${prelude}${code}export {};\n`;
}
