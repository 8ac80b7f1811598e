/**
 * The npm user's first hour, from the packed tarball: `npm pack`, then `npm install <tarball>` into an
 * empty folder (from the local npm cache where it can), as a user of the published package would.
 * Checks the tarball's size and contents, that `provider-portal-mock` starts with no other install
 * step, that the README's quick start runs against it, that every entry point loads in ESM and CJS
 * (and `provider-portal-sdk/msw` without msw names the install command), and that a consumer file
 * type-checks under strict without skipLibCheck, with the methods' docs in the published types.
 *
 * Needs dist/ (`npm test` builds it in check:package). The package does not depend on the day, so the
 * any-day runs (PORTAL_TEST_NOW set by scripts/test-any-day.ts) skip this file rather than install three times.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MSW_INSTALL_COMMAND } from '../../scripts/msw-entry.ts';
import { extractSnippets } from '../docs/snippets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const ONE_MB = 1024 * 1024;
const ENTRIES = [
  'provider-portal-sdk',
  'provider-portal-sdk/rules',
  'provider-portal-sdk/fhir',
  'provider-portal-sdk/mock-server',
];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
};

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

function npm(args: string[], cwd: string): string {
  return execFileSync(NPM, [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function node(args: string[], cwd: string): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function waitForUrl(child: ChildProcessWithoutNullStreams): Promise<{ url: string; banner: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the CLI did not start in 30 s: ${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match?.[1] !== undefined && /Ctrl\+C/.test(output)) {
        clearTimeout(timer);
        resolve({ url: match[1], banner: output });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited ${code}: ${output}`));
    });
  });
}

const skip = process.env.PORTAL_TEST_NOW !== undefined;

describe.skipIf(skip)('the packed tarball, installed into an empty folder', () => {
  let dir: string;
  let app: string;
  let packed: PackResult;
  let cli: ChildProcessWithoutNullStreams | undefined;
  let url: string;
  let banner: string;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/cli.js')) || !existsSync(join(ROOT, 'dist/msw.js'))) {
      throw new Error('dist/ is missing or stale: run npm run build (npm test builds it before the suite).');
    }
    dir = mkdtempSync(join(tmpdir(), 'portal-tarball-'));
    app = join(dir, 'app');
    const [result] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as PackResult[];
    if (result === undefined) throw new Error('npm pack answered nothing');
    packed = result;
    execFileSync('mkdir', [app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // The local cache first: these machines reach only the registry, and the dependencies are cached.
    npm(['install', join(dir, packed.filename), '--prefer-offline'], app);
    cli = spawn(
      join(app, 'node_modules/.bin/provider-portal-mock'),
      ['--port', '0', '--host', '127.0.0.1', '--clock', '2026-11-23T14:00:00Z'],
      { cwd: app, env: { ...process.env, NO_COLOR: '1' } },
    );
    ({ url, banner } = await waitForUrl(cli));
  }, 180_000);

  afterAll(async () => {
    if (cli !== undefined && cli.exitCode === null) {
      const exited = new Promise((resolve) => cli?.on('exit', resolve));
      cli.kill('SIGTERM');
      const stuck = setTimeout(() => cli?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(stuck);
    }
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('is under 1 MB, without source maps', () => {
    expect(packed.size).toBeLessThan(ONE_MB);
    expect(packed.files.filter((f) => f.path.endsWith('.map'))).toEqual([]);
    console.log(
      `tarball ${packed.size} bytes, unpacked ${packed.unpackedSize} bytes, ${packed.files.length} files`,
    );
  });

  it('ships the guides and examples every README and docs link points at, and says where the repository is', () => {
    const shipped = new Set(packed.files.map((f) => f.path));
    for (const doc of ['README.md', ...[...shipped].filter((p) => /^docs\/[^/]+\.md$/.test(p))]) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      const base = doc.includes('/') ? doc.slice(0, doc.lastIndexOf('/') + 1) : '';
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        const path = new URL(target, `file:///${base}`).pathname.slice(1);
        expect(shipped.has(path), `${doc} links ${target}, which the package does not ship`).toBe(true);
      }
    }
    expect(shipped.has('docs/mock-server.md')).toBe(true);
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs?.url).toMatch(/^https:\/\//);
  });

  it('starts provider-portal-mock with no other install step, and prints only paths the user has', () => {
    expect(banner).toContain(`listening on ${url}`);
    expect(banner).not.toMatch(/npm run example|npx tsx examples/);
    const help = node([join(app, 'node_modules/provider-portal-sdk/dist/cli.js'), '--help'], app);
    expect(help.status).toBe(0);
    const printed = [
      ...`${banner}\n${help.output}`.matchAll(/(node_modules\/provider-portal-sdk\/[\w./-]+\.md)/g),
    ].map((m) => m[1] ?? '');
    expect(printed.length).toBeGreaterThanOrEqual(2);
    for (const path of printed) expect(existsSync(join(app, path)), path).toBe(true);
  });

  it('serves the API reference at /docs from the installed swagger-ui-dist, in the CLI (ESM) and from require (CJS)', async () => {
    const bundle = await fetch(`${url}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    writeFileSync(
      join(app, 'docs.cjs'),
      `const { startMockServer } = require('provider-portal-sdk/mock-server');
startMockServer({ port: 0 }).then(async (server) => {
  const answer = await fetch(server.url + '/docs/swagger-ui.css');
  console.log(answer.status, answer.headers.get('content-type'));
  await server.close();
});
`,
    );
    expect(node(['docs.cjs'], app)).toEqual({ status: 0, output: '200 text/css; charset=utf-8\n' });
    expect(packed.files.filter((f) => f.path.includes('swagger-ui'))).toEqual([]);
  });

  it("runs the README's SDK quick start against it", () => {
    const quickStart = extractSnippets(ROOT).find(
      (s) => s.where.startsWith('README.md') && s.code.includes('createPortalClient'),
    );
    if (quickStart === undefined) throw new Error('the README has no SDK quick start');
    const js = ts.transpileModule(quickStart.code.replaceAll('http://127.0.0.1:4010', url), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    }).outputText;
    writeFileSync(join(app, 'quickstart.mjs'), js);
    const run = node(['quickstart.mjs'], app);
    expect(run.output).toContain('Code sent to');
    expect(run.output).toContain('SERVICE_END_BEYOND_180_DAYS');
    expect(run.status, run.output).toBe(0);
  });

  it('loads every entry point in ESM and in CJS; without msw, provider-portal-sdk/msw names the install command', () => {
    const esm = ENTRIES.map(
      (e, i) =>
        `import * as m${i} from '${e}'; if (Object.keys(m${i}).length === 0) throw new Error('${e}');`,
    );
    writeFileSync(join(app, 'entries.mjs'), `${esm.join('\n')}\nconsole.log('esm ok');\n`);
    const cjs = ENTRIES.map((e) => `if (Object.keys(require('${e}')).length === 0) throw new Error('${e}');`);
    writeFileSync(join(app, 'entries.cjs'), `${cjs.join('\n')}\nconsole.log('cjs ok');\n`);
    expect(node(['entries.mjs'], app)).toEqual({ status: 0, output: 'esm ok\n' });
    expect(node(['entries.cjs'], app)).toEqual({ status: 0, output: 'cjs ok\n' });

    writeFileSync(
      join(app, 'msw.mjs'),
      "const { createPortalHandlers } = await import('provider-portal-sdk/msw'); console.log(typeof createPortalHandlers);\n",
    );
    writeFileSync(
      join(app, 'msw.cjs'),
      "console.log(typeof require('provider-portal-sdk/msw').createPortalHandlers);\n",
    );
    for (const file of ['msw.mjs', 'msw.cjs']) {
      const run = node([file], app);
      expect(run.status, file).not.toBe(0);
      expect(run.output, file).toContain(MSW_INSTALL_COMMAND);
    }
    npm(MSW_INSTALL_COMMAND.replace(/^npm /, '').split(' ').concat('--prefer-offline'), app);
    for (const file of ['msw.mjs', 'msw.cjs'])
      expect(node([file], app), file).toEqual({ status: 0, output: 'function\n' });
  }, 120_000);

  it("type-checks a consumer under strict without skipLibCheck, and the published types keep the methods' docs", () => {
    // After the msw test above: msw is installed by then (vitest runs a file's tests in order).
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { createPortalClient, type Member, type PortalClient, type Claim, type Preauthorization } from 'provider-portal-sdk';
import { isValidNpi, validateClaimsSearch } from 'provider-portal-sdk/rules';
import { startMockServer } from 'provider-portal-sdk/mock-server';
import { createPortalHandlers } from 'provider-portal-sdk/msw';

const portal: PortalClient = createPortalClient({ baseUrl: 'http://127.0.0.1:4010/api/v1', sessionToken: 't' });
export async function read(): Promise<[Member, Claim, Preauthorization]> {
  const member = await portal.members.get('K5500648801');
  const claim = await portal.claims.get('9999NOREM001');
  const preauthorization = await portal.preauthorizations.get('A123');
  return [member, claim, preauthorization];
}
export const checked: boolean = isValidNpi('1407819535') && validateClaimsSearch({ from: '2026-01-01', to: '2026-02-01' }).success;
export const server = startMockServer({ port: 0 });
export const handlers = createPortalHandlers({ seed: 42 });
export const hover = [portal.members.get, portal.claims.search, portal.preauthorizations.create, portal.session.signIn];
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          noEmit: true,
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);

    // What an editor shows on hover: the declared documentation of each method, from the installed .d.ts.
    const program = ts.createProgram([join(app, 'consumer.ts')], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(join(app, 'consumer.ts'));
    const docs: Record<string, string> = {};
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        if (symbol !== undefined && n.parent.parent !== undefined && ts.isArrayLiteralExpression(n.parent)) {
          docs[n.getText()] = ts.displayPartsToString(symbol.getDocumentationComment(checker));
        }
      }
      ts.forEachChild(n, visit);
    };
    if (source !== undefined) visit(source);
    expect(Object.keys(docs).sort()).toEqual([
      'portal.claims.search',
      'portal.members.get',
      'portal.preauthorizations.create',
      'portal.session.signIn',
    ]);
    for (const [method, doc] of Object.entries(docs)) expect(doc.length, method).toBeGreaterThan(20);
    expect(docs['portal.members.get']).toContain('getMember');
  }, 120_000);
});
