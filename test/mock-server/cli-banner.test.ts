import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioEntries } from '../../mock-server/data/scenario-members.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function banner(): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'mock-server/cli.ts', '--port', '0', '--clock', '2026-11-23T14:00:00Z'],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no banner in 30 s: ${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ctrl\+C/.test(output)) {
        clearTimeout(timer);
        child.on('exit', () => resolve(output));
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/Ctrl\+C/.test(output)) reject(new Error(`exited ${code}: ${output}`));
    });
  });
}

describe('the CLI banner', () => {
  it('lists each documented member once, with its label cut only between words, and aligns the personas', async () => {
    const text = await banner();
    const labels = new Map<string, string>();
    for (const entry of scenarioEntries) {
      if (entry.kind === 'member' && 'label' in entry) labels.set(entry.id, entry.label);
    }
    const memberLines = text.split('\n').filter((line) => /^ {2}K\d{10} /.test(line));
    const ids = memberLines.map((line) => line.slice(2, 13));
    expect(ids).toEqual([...labels.keys()]);
    for (const line of memberLines) {
      const id = line.slice(2, 13);
      const shown = line.slice(15);
      const label = labels.get(id) ?? '';
      expect(shown.length).toBeLessThanOrEqual(100);
      if (shown.endsWith('…')) {
        const kept = shown.slice(0, -1);
        expect(label.startsWith(kept), `${id}: ${shown}`).toBe(true);
        // The cut falls between two words: the label goes on with a separator, not inside a word.
        expect(label.slice(kept.length), `${id}: ${shown}`).toMatch(/^[\s,;:(]/);
      } else {
        expect(shown).toBe(label);
      }
    }

    const personaLines = text.split('\n').filter((line) => /^ {2}[a-z]+\.[a-z]+ +[a-z_]+@\d{9}/.test(line));
    expect(personaLines.length).toBeGreaterThanOrEqual(8);
    const descriptionColumn = (line: string) => line.search(/ {2}[A-Z]/);
    const columns = new Set(personaLines.map(descriptionColumn));
    expect(columns.size, personaLines.join('\n')).toBe(1);
  });

  it('points at guides the user has, not at npm scripts of the repository', async () => {
    const text = await banner();
    expect(text).not.toMatch(/npm run example/);
    const paths = [...text.matchAll(/((?:[\w.-]+\/)*[\w.-]+\.md)\b/g)].map((m) => m[1] ?? '');
    expect(paths).toContain('README.md');
    expect(paths).toContain('docs/mock-server.md');
    for (const path of paths) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});

describe('the CLI banner, FHIR', () => {
  it('names the FHIR face at the address it listens on', async () => {
    const text = await banner();
    const line = text.split('\n').find((entry) => entry.startsWith('  FHIR'));
    expect(line).toMatch(/^ {2}FHIR {8}http:\/\/127\.0\.0\.1:\d+\/fhir\/r4 {3}\(Da Vinci PAS 2\.2\.1:/);
  });
});
