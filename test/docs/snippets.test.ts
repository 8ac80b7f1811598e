import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../mock-server/server.ts';
import { asProgram, extractSnippets, sourceEntries } from './snippets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so that `msw/node` and the sources resolve as they do for the tests; ignored by git.
const DIR = join(ROOT, 'test/docs/.snippets');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const snippets = extractSnippets(ROOT);
const entries = sourceEntries(ROOT);
const runnableIn = (doc: string) => snippets.filter((s) => !s.fragment && s.where.startsWith(`${doc}:`));

function files(): Map<string, string> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const written = new Map<string, string>();
  for (const snippet of snippets) {
    const file = join(DIR, snippet.name);
    writeFileSync(file, asProgram(snippet, entries));
    written.set(snippet.where, file);
  }
  return written;
}

function run(file: string, baseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, file], { cwd: DIR, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${file} did not finish in 30 s against ${baseUrl}: ${output}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('code blocks of README.md and docs/*.md', () => {
  let written: Map<string, string>;
  let server: RunningMockServer;

  beforeAll(async () => {
    written = files();
    // As the README asks: `npx provider-portal-mock --clock 2026-11-23T14:00:00Z` (here on a free port).
    server = await startMockServer({ port: 0, seed: 42, clock: '2026-11-23T14:00:00Z' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(DIR, { recursive: true, force: true });
  });

  it('finds the blocks (the README quick starts among them)', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10);
    expect(snippets.filter((s) => s.where.startsWith('README.md')).length).toBeGreaterThanOrEqual(3);
  });

  it('walks through raw HTTP in docs/mock-server.md: sign-in, MFA, a read, a create, an error (run below)', () => {
    const walkthrough = runnableIn('docs/mock-server.md').find((s) => s.code.includes("'/session/mfa'"));
    expect(walkthrough?.code).toMatch(/call\('POST', '\/session', \{/);
    expect(walkthrough?.code).toMatch(/call\('GET', '\/members\//);
    expect(walkthrough?.code).toMatch(/call\('POST', '\/preauthorizations'/);
    expect(walkthrough?.code).toMatch(/expectStatus\(refused, 422\)/);
  });

  // Types do not depend on the day: the any-day runs (PORTAL_TEST_NOW set) skip this, not the runs below.
  it.skipIf(process.env.PORTAL_TEST_NOW !== undefined)(
    'type-checks every block under the strict tsconfig of the repository',
    () => {
      const config = ts.getParsedCommandLineOfConfigFile(
        join(ROOT, 'tsconfig.json'),
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
          },
        },
      );
      if (config === undefined) throw new Error('tsconfig.json could not be read');
      const program = ts.createProgram([...written.values()], { ...config.options, noEmit: true });
      const ours = new Set(written.values());
      const problems = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file !== undefined && ours.has(d.file.fileName))
        .map((d) => {
          const where = [...written].find(([, file]) => file === d.file?.fileName)?.[0] ?? '';
          const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
          return `${where} (block line ${line + 1}): TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
        });
      expect(problems).toEqual([]);
    },
    120_000,
  );

  const runnable = snippets.filter((s) => !s.fragment);
  it.each(runnable.map((s) => [s.where, s] as const))(
    'runs %s against the mock portal',
    async (_where, snippet) => {
      const file = written.get(snippet.where) ?? '';
      const baseUrl = server.url;
      // The blocks address the CLI's default address; here the mock listens on a port the test picked.
      writeFileSync(file, asProgram(snippet, entries).replaceAll('http://127.0.0.1:4010', baseUrl));
      const { code, output } = await run(file, baseUrl);
      expect(output).not.toMatch(/Error|error TS/);
      expect(code, output).toBe(0);
    },
    40_000,
  );
});
