import { describe, expect, it } from 'vitest';
import { PREFERENCES, STANDARD_PREFERENCES } from '../../mock-server/core/preferences.ts';
import { scenarioCatalog } from '../../mock-server/core/scenarios.ts';
import { OPERATION_TABLE } from '../../sdk/generated/operations.ts';
import { createTestPortal } from './helpers.ts';

const operations = Object.entries(OPERATION_TABLE).map(
  ([operationId, [method, path]]) => [operationId, { method, path }] as const,
);

/** The operation's path with every parameter filled in (the check runs before anything reads them). */
function pathOf(path: string): string {
  return `/api/v1${path.replace(/\{[^}]+\}/g, 'X1')}`;
}

async function problemOf(
  response: Response,
): Promise<{ code: string; detail: string; violations: { path: string }[] }> {
  return (await response.json()) as { code: string; detail: string; violations: { path: string }[] };
}

describe('Prefer is checked on every operation', () => {
  const portal = createTestPortal();

  it.each([
    ['status=999', 'status'],
    ['status=abc', 'status'],
    ['latency=abc', 'latency'],
    ['latency=-5', 'latency'],
    ['bogus=1', 'bogus'],
    ['code=ADMIN_ROLE_REQUIRED', 'code'],
    ['status=403, code=not a code', 'code'],
  ])('answers 400 naming the preference for Prefer: %s, on every operation', async (prefer, named) => {
    const wrong: string[] = [];
    for (const [operationId, { method, path }] of operations) {
      const response = await portal.call(method, pathOf(path), { headers: { Prefer: prefer } });
      const problem = response.status === 400 ? await problemOf(response) : undefined;
      if (
        problem?.code !== 'VALIDATION_FAILED' ||
        !problem.detail.includes(named) ||
        !problem.violations.some((v) => v.path === `$.headers.prefer.${named}`)
      ) {
        wrong.push(`${operationId}: ${response.status} ${problem?.detail ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(operations.length).toBeGreaterThan(50);
  });

  it("refuses an operation's own scenarios everywhere else: outcome=nonsense on getMember", async () => {
    const token = await portal.tokenFor('admin.a');
    const response = await portal.call('GET', '/api/v1/members/K5500648801', {
      token,
      headers: { Prefer: 'outcome=nonsense' },
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toMatch(
      /Prefer outcome=nonsense is not a preference of getMember/,
    );
    // Without the typo the same request answers 200: the 400 is the preference's, nothing else's.
    const fine = await portal.call('GET', '/api/v1/members/K5500648801', { token });
    expect(fine.status).toBe(200);
    expect(fine.headers.get('preference-applied')).toBeNull();
  });

  it('checks the values of the document outcomes (outcome=ready|failed)', async () => {
    const token = await portal.tokenFor('billing.a');
    const json = { from: '2026-08-26', to: '2026-11-23' };
    const typo = await portal.call('POST', '/api/v1/claim-exports', {
      token,
      json,
      headers: { Prefer: 'outcome=redy' },
    });
    expect(typo.status).toBe(400);
    expect((await problemOf(typo)).detail).toContain('outcome=ready or outcome=failed');
  });

  it('lets the preferences RFC 7240 registers pass, unapplied', async () => {
    const token = await portal.tokenFor('admin.a');
    const response = await portal.call('GET', '/api/v1/me', {
      token,
      headers: { Prefer: 'return=minimal, respond-async, wait=10, handling=lenient' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('preference-applied')).toBeNull();
    expect(STANDARD_PREFERENCES).toEqual(['respond-async', 'return', 'wait', 'handling']);
  });
});

describe('Preference-Applied (RFC 7240 §3) says what was honoured', () => {
  const portal = createTestPortal();

  it('names the latency waited, on any answer', async () => {
    const token = await portal.tokenFor('admin.a');
    const response = await portal.call('GET', '/api/v1/me', { token, headers: { Prefer: 'latency=5' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('preference-applied')).toBe('latency=5');
  });

  it('names the forced status and code on the forced answer', async () => {
    const response = await portal.call('GET', '/api/v1/me', {
      headers: { Prefer: 'status=403, code=ADMIN_ROLE_REQUIRED' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('preference-applied')).toBe('status=403, code=ADMIN_ROLE_REQUIRED');
  });

  it("names an operation's own scenario when it answered with it, and not when the request failed", async () => {
    const token = await portal.tokenFor('billing.a');
    const json = { from: '2026-08-26', to: '2026-11-23' };
    const ready = await portal.call('POST', '/api/v1/claim-exports', {
      token,
      json,
      headers: { Prefer: 'outcome=ready' },
    });
    expect(ready.status).toBe(202);
    expect(ready.headers.get('preference-applied')).toBe('outcome=ready');
    const refused = await portal.call('POST', '/api/v1/claim-exports', {
      token,
      json: { from: '2026-01-01', to: '2026-11-23' },
      headers: { Prefer: 'outcome=ready' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.headers.get('preference-applied')).toBeNull();
  });
});

describe('the preferences and the scenario catalog agree', () => {
  it('understands every key the catalog documents, on the operations it names', () => {
    const missing: string[] = [];
    for (const entry of scenarioCatalog().filter((e) => e.kind === 'prefer')) {
      const keys = [...entry.value.matchAll(/(?:^|[\s,(])([a-z][a-zA-Z-]*)=/g)].map((m) =>
        (m[1] ?? '').toLowerCase(),
      );
      expect(keys.length, entry.value).toBeGreaterThan(0);
      for (const key of keys) {
        const rule = PREFERENCES[key];
        if (rule === undefined) missing.push(`${key} (${entry.value})`);
        else if (rule.operations !== undefined) {
          for (const operation of entry.operations ?? []) {
            if (!rule.operations.includes(operation)) missing.push(`${key} on ${operation}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
