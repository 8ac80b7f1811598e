import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, rulesDocPath } from '../scripts/generate-rules-doc.ts';
import { RULE_CATALOG } from '../sdk/rules/catalog.ts';

function readDoc(): string {
  try {
    return readFileSync(rulesDocPath, 'utf8');
  } catch {
    return '';
  }
}

describe('docs/rules.md', () => {
  it('is up to date with RULE_CATALOG (regenerate with `npx tsx scripts/generate-rules-doc.ts`)', () => {
    expect(readDoc()).toBe(renderRulesDoc());
  });

  it('lists every code of RULE_CATALOG in a table row, with its kind and HTTP status', () => {
    const doc = readDoc();
    const missing = RULE_CATALOG.filter(
      (meta) => !doc.includes(`| \`${meta.code}\` | ${meta.kind} | ${meta.httpStatus ?? '—'} |`),
    ).map((meta) => meta.code);
    expect(missing).toEqual([]);
  });

  it('states the conventions the rules follow', () => {
    const doc = readDoc();
    expect(doc).toContain('## Conventions');
    expect(doc).toContain('inclusive of day N');
    expect(doc).toContain('counts both ends');
    expect(doc).toContain('America/New_York');
  });

  it('escapes table cells so a rule text cannot break the table', () => {
    const rendered = renderRulesDoc([
      {
        code: 'INVALID_PIN',
        kind: 'error',
        httpStatus: 422,
        concern: 'x',
        rule: 'a | b\nc',
        limit: null,
        source: 's',
      },
    ]);
    expect(rendered).toContain('| `INVALID_PIN` | error | 422 | a \\| b c | — | s |');
  });
});
