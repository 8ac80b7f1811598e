import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'mock-server/cli.ts'];

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
}

async function finish(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

function waitFor(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  until: RegExp = /RSS/,
): Promise<{ match: RegExpMatchArray; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match !== null && until.test(output)) {
        clearTimeout(timer);
        resolve({ match, output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before ${pattern}: ${output}`));
    });
  });
}

describe('provider-portal-mock (the CLI)', () => {
  it('lists every flag in --help', async () => {
    const { code, stdout } = await finish(run(['--help']));
    expect(code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--seed',
      '--members',
      '--latency',
      '--failure-rate',
      '--clock',
      '--admin-token',
      '--admin-origin',
      '--cors-origin',
      '--allowed-host',
      '--rate-limit',
      '--max-sandboxes',
      '--sandbox-idle-minutes',
      '--help',
      '--version',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('API reference: /docs');
  });

  it('refuses a non-loopback --host without an admin token, and says what to add', async () => {
    const child = run(['--host', '0.0.0.0', '--port', '0']);
    // Before the fix it served on every interface: never leave it running. Its banner names its address;
    // a refusal prints none. (Starting through tsx takes seconds on a loaded machine: no short timer.)
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('http://')) child.kill('SIGKILL');
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const refused = await finish(child);
    clearTimeout(guard);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--admin-token');
    expect(refused.stderr).toContain('MOCK_PORTAL_ADMIN_TOKEN');
    const short = await finish(run(['--admin-token', 'short', '--port', '0']));
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 16 characters');
  }, 90_000);

  it('prints the version', async () => {
    const { code, stdout } = await finish(run(['--version']));
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses an unknown flag or a bad value with exit code 2', async () => {
    expect((await finish(run(['--nope']))).code).toBe(2);
    const bad = await finish(run(['--members', 'many']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--members many is not valid');
  });

  it('refuses a --clock the rules cannot handle, saying which instants it can stand at', async () => {
    const bad = await finish(run(['--port', '0', '--clock', '0001-01-01T00:00:00Z']));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('outside 1900-01-01T00:00:00Z – 9899-12-31T23:59:59Z');
  });

  it('prints a banner, serves the portal, and shuts down gracefully on SIGTERM', async () => {
    const child = run(['--port', '0', '--seed', '7', '--members', '100', '--clock', '2026-11-23T14:00:00Z']);
    const { match, output } = await waitFor(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const url = match[1] ?? '';
    expect(output).toContain(`${url}/openapi.yaml`);
    expect(output).toContain(`${url}/docs`);
    expect(output).toContain('admin.a');
    expect(output).toContain('Portal-Test-2026!');
    expect(output).toContain('246810');
    expect(output).toContain('K5500648801');
    expect(output).toContain('seed 7, 100 members');
    expect(output).toMatch(/Started in \d+ ms; memory [\d.]+ MB RSS/);

    const response = await fetch(`${url}/api/v1/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-mock-portal')).toBe('1');
    const reference = await fetch(`${url}/docs`);
    expect(reference.status).toBe(200);
    expect(reference.headers.get('content-type')).toBe('text/html; charset=utf-8');

    const exited = finish(child);
    child.kill('SIGTERM');
    const { code, stdout } = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('Closed.');
  });

  it('shuts down on SIGINT too', async () => {
    const child = run(['--port', '0', '--members', '100', '--quiet']);
    const { match } = await waitFor(child, /listening on (\S+)/, /listening on \S+\n/);
    // One answered request: the process is past its start-up and has its signal handlers.
    expect((await fetch(`${match[1]}/openapi.json`)).status).toBe(200);
    const exited = finish(child);
    child.kill('SIGINT');
    expect((await exited).code).toBe(0);
  });
});
