/**
 * The mock portal as a service a team can share (issue 11): protected admin API, unguessable
 * secrets, bounded bodies and state, throttled sign-in, clean answers. Each `describe` names the
 * numbered finding of the issue it covers.
 */
import { describe, expect, it } from 'vitest';
import { PERSONA_MFA_CODE, PERSONA_PASSWORD } from '../../mock-server/core/personas.ts';
import { BASE, createTestPortal, TEST_CLOCK } from './helpers.ts';
import { LOPEZ_A } from './transactions-support.ts';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A general message of admin.a's Tax ID (LOPEZ_A's NPI), with the given content. */
function message(content: string) {
  return {
    topic: 'general',
    senderNpi: LOPEZ_A.npi,
    category: 'provider_data',
    subcategory: 'demographic_update',
    priority: 'medium',
    content,
    contactName: 'Dana Whitfield',
    contactPhone: '(860) 555-0142',
  };
}

function adminRequest(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Request {
  return new Request(`${BASE}/__admin${path}`, {
    method,
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

describe('1. sessions that cannot be predicted', () => {
  it('ends a session 12 hours after sign-in however often it is refreshed (N-1 ms works, N does not)', async () => {
    const portal = createTestPortal();
    const signIn = (await (await portal.signIn('admin.a')).json()) as {
      session: { token: string; expiresAt: string };
    };
    const token = signIn.session.token;
    // Refresh every 10 minutes for 11 h 50 min.
    for (let i = 0; i < 71; i++) {
      await portal.advance({ minutes: 10 });
      expect((await portal.call('POST', '/api/v1/session/refresh', { token })).status).toBe(200);
    }
    // 11 h 50 min + 9 min 59.999 s: still open, and expiresAt says when it ends at the latest.
    await portal.advance({ milliseconds: 9 * 60_000 + 59_999 });
    const last = await portal.call('POST', '/api/v1/session/refresh', { token });
    expect(last.status).toBe(200);
    expect(((await last.json()) as { expiresAt: string }).expiresAt).toBe('2026-11-24T02:00:00Z');
    await portal.advance({ milliseconds: 1 });
    const ended = await portal.call('GET', '/api/v1/me', { token });
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { code: string }).code).toBe('SESSION_EXPIRED');
  });
});

describe('2. an admin API no web page can use', () => {
  it('sends no Access-Control-Allow-Origin on /__admin and refuses another origin', async () => {
    const portal = createTestPortal();
    const preflight = await portal.core.handle(
      adminRequest('OPTIONS', '/sessions', {
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-evil',
        },
      }),
    );
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers') ?? '').not.toContain('x-evil');
    const post = await portal.core.handle(
      adminRequest('POST', '/sessions', {
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: '{"username":"admin.b"}',
      }),
    );
    expect(post.status).toBe(403);
    expect(((await post.json()) as { code: string }).code).toBe('ORIGIN_NOT_ALLOWED');
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the origins of the allow-list on /__admin, and keeps /api/v1 open to any origin by default', async () => {
    const portal = createTestPortal({ adminOrigins: ['https://qa.example'] });
    const allowed = await portal.core.handle(
      adminRequest('GET', '/personas', { headers: { origin: 'https://qa.example' } }),
    );
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://qa.example');
    const api = await portal.call('GET', '/api/v1/me', { headers: { origin: 'https://any.example' } });
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lets a page read the headers the SDK and QA read: Preference-Applied, Content-Disposition, Retry-After, Location', async () => {
    const api = await createTestPortal().call('GET', '/api/v1/me', {
      headers: { origin: 'https://app.example' },
    });
    const exposed = (api.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    for (const name of [
      'Preference-Applied',
      'Content-Disposition',
      'Retry-After',
      'Location',
      'X-Mock-Clock',
    ]) {
      expect(exposed).toContain(name);
    }
  });

  it('answers /api/v1 CORS for the configured origins only', async () => {
    const portal = createTestPortal({ apiOrigins: ['https://app.example'] });
    const ok = await portal.call('GET', '/api/v1/me', { headers: { origin: 'https://app.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(ok.headers.get('vary')).toContain('Origin');
    const other = await portal.call('GET', '/api/v1/me', { headers: { origin: 'https://other.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a text/plain (cross-site form) admin write with 415, and mints no session', async () => {
    const portal = createTestPortal();
    const response = await portal.core.handle(
      adminRequest('POST', '/sessions', {
        headers: { 'content-type': 'text/plain' },
        body: '{"username":"admin.b"}',
      }),
    );
    expect(response.status).toBe(415);
    expect(portal.core.sandbox()?.state.sessions.size).toBe(0);
  });

  it('requires the admin token once one is configured (401 ADMIN_TOKEN_REQUIRED without it)', async () => {
    const portal = createTestPortal({ adminToken: ADMIN_TOKEN });
    const without = await portal.core.handle(adminRequest('GET', '/personas'));
    expect(without.status).toBe(401);
    expect(((await without.json()) as { code: string }).code).toBe('ADMIN_TOKEN_REQUIRED');
    const wrong = await portal.core.handle(
      adminRequest('GET', '/personas', { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } }),
    );
    expect(wrong.status).toBe(401);
    const right = await portal.core.handle(
      adminRequest('GET', '/personas', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
    );
    expect(right.status).toBe(200);
    expect(portal.core.options).not.toHaveProperty('adminToken');
    expect(JSON.stringify(portal.core.options)).not.toContain(ADMIN_TOKEN);
  });

  it('checks Host against the configured names (DNS rebinding reads nothing)', async () => {
    const portal = createTestPortal({ allowedHosts: ['127.0.0.1', 'localhost'] });
    const rebound = await portal.core.handle(
      new Request('http://attacker.example:4010/__admin/personas', { headers: {} }),
    );
    expect(rebound.status).toBe(403);
    const body = await rebound.text();
    expect(body).toContain('HOST_NOT_ALLOWED');
    expect(body).not.toContain(PERSONA_PASSWORD);
    const local = await portal.core.handle(new Request('http://127.0.0.1:4010/__admin/personas'));
    expect(local.status).toBe(200);
  });

  it('opens sandboxes with unguessable ids, and a sandbox key reaches its own sandbox only', async () => {
    const portal = createTestPortal({ adminToken: ADMIN_TOKEN });
    const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const open = async () =>
      (await (
        await portal.core.handle(adminRequest('POST', '/sandboxes', { headers: asAdmin, body: '{}' }))
      ).json()) as { sandboxId: string; sandboxKey: string };
    const mine = await open();
    const theirs = await open();
    expect(mine.sandboxId).toMatch(/^sbx_[A-Za-z0-9]{24}$/);
    expect(mine.sandboxKey).toMatch(/^sbk_[A-Za-z0-9]{32}$/);
    expect(mine.sandboxId).not.toBe(theirs.sandboxId);
    const asMine = { authorization: `Bearer ${mine.sandboxKey}` };
    // Its own sandbox: yes.
    const clock = await portal.core.handle(
      adminRequest('GET', '/clock', { headers: { ...asMine, 'x-mock-sandbox': mine.sandboxId } }),
    );
    expect(clock.status).toBe(200);
    // Another worker's: as if it did not exist.
    const other = await portal.core.handle(
      adminRequest('DELETE', `/sandboxes/${theirs.sandboxId}`, { headers: asMine }),
    );
    expect(other.status).toBe(404);
    expect(portal.core.sandbox(theirs.sandboxId)).toBeDefined();
    const list = (await (
      await portal.core.handle(adminRequest('GET', '/sandboxes', { headers: asMine }))
    ).json()) as { sandboxes: { sandboxId: string }[] };
    expect(list.sandboxes.map((entry) => entry.sandboxId)).toEqual([mine.sandboxId]);
    const defaultOne = await portal.core.handle(adminRequest('GET', '/personas', { headers: asMine }));
    expect(defaultOne.status).toBe(404);
  });
});

describe('3. bounded memory', () => {
  it('refuses a declared body over the JSON limit with 413 before authentication', async () => {
    const portal = createTestPortal();
    const response = await portal.call('POST', '/api/v1/messages', {
      headers: { 'content-type': 'application/json', 'content-length': String(256 * 1024 + 1) },
      body: '{}',
    });
    expect(response.status).toBe(413);
    const problem = (await response.json()) as { code: string; limitBytes: number };
    expect(problem).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: 256 * 1024 });
  });

  it('refuses a streamed body (no Content-Length) as soon as it passes the limit: N bytes pass, N+1 do not', async () => {
    const portal = createTestPortal();
    const limit = 256 * 1024;
    const send = (size: number) => {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) {
            controller.close();
            return;
          }
          const chunk = new Uint8Array(Math.min(16 * 1024, size - sent)).fill(0x20);
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      return portal.core.handle(
        new Request(`${BASE}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      );
    };
    // Whitespace only: read whole, then "no body" → 400, not 413.
    expect((await send(limit)).status).toBe(400);
    expect((await send(limit + 1)).status).toBe(413);
  });

  it('forgets an Idempotency-Key after 24 hours of mock time', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const send = (subject: string) =>
      portal.call('POST', '/api/v1/messages', {
        token,
        headers: { 'Idempotency-Key': 'key-0001' },
        json: message(subject),
      });
    const first = await send('First');
    expect(first.status).toBe(201);
    await portal.advance({ hours: 23, minutes: 59 });
    const token2 = await portal.tokenFor('admin.a');
    const reused = await portal.call('POST', '/api/v1/messages', {
      token: token2,
      headers: { 'Idempotency-Key': 'key-0001' },
      json: message('Second'),
    });
    expect(reused.status).toBe(409);
    await portal.advance({ minutes: 1 });
    const token3 = await portal.tokenFor('admin.a');
    const fresh = await portal.call('POST', '/api/v1/messages', {
      token: token3,
      headers: { 'Idempotency-Key': 'key-0001' },
      json: message('Second'),
    });
    expect(fresh.status).toBe(201);
  });

  it('keeps the audit log as a ring of 10,000 entries', async () => {
    const { recordAudit, AUDIT_LOG_LIMIT } = await import('../../mock-server/core/sandbox.ts');
    const portal = createTestPortal();
    const sandbox = portal.core.sandbox()?.state;
    if (sandbox === undefined) throw new Error('no default sandbox');
    for (let i = 0; i <= AUDIT_LOG_LIMIT; i++) recordAudit({ sandbox, user: undefined }, 'test', `S${i}`);
    expect(AUDIT_LOG_LIMIT).toBe(10_000);
    const { entries } = (await (await portal.admin('GET', '/audit?action=test')).json()) as {
      entries: { subject: string }[];
    };
    expect(entries).toHaveLength(AUDIT_LOG_LIMIT);
    expect(entries[0]?.subject).toBe('S1');
    expect(entries.at(-1)?.subject).toBe(`S${AUDIT_LOG_LIMIT}`);
    // Trimmed in batches (core/bounded-log.ts): never twice the limit in memory.
    for (let i = 0; i < 3 * AUDIT_LOG_LIMIT; i++) recordAudit({ sandbox, user: undefined }, 'test', `T${i}`);
    expect(sandbox.audit.length).toBeLessThan(2 * AUDIT_LOG_LIMIT);
  });

  it('answers 409 SANDBOX_LIMIT_REACHED past the most open sandboxes, and closes idle ones', async () => {
    let now = 1_000_000;
    const portal = createTestPortal({ maxSandboxes: 2, sandboxIdleMs: 60 * 60_000, realTime: () => now });
    expect((await portal.admin('POST', '/sandboxes')).status).toBe(201);
    const second = (await (await portal.admin('POST', '/sandboxes')).json()) as { sandboxId: string };
    const third = await portal.admin('POST', '/sandboxes');
    expect(third.status).toBe(409);
    expect(((await third.json()) as { code: string }).code).toBe('SANDBOX_LIMIT_REACHED');
    // An hour later, with the second one used 1 ms before the hour: the first one is closed.
    now += 60 * 60_000 - 1;
    expect((await portal.call('GET', '/api/v1/me', { sandbox: second.sandboxId })).status).toBe(401);
    now += 1;
    expect((await portal.admin('POST', '/sandboxes')).status).toBe(201);
    expect(portal.core.sandboxes()).toHaveLength(3);
    expect(portal.core.sandbox(second.sandboxId)).toBeDefined();
  });
});

describe('4. throttling', () => {
  it('locks a username after 5 wrong passwords, the same way whether or not it exists', async () => {
    const portal = createTestPortal();
    const attempt = async (username: string, password: string) => {
      const response = await portal.signIn(username, undefined, password);
      const body = (await response.json()) as { code?: string; detail?: string };
      return {
        status: response.status,
        code: body.code,
        detail: body.detail,
        retry: response.headers.get('retry-after'),
      };
    };
    for (const username of ['admin.a', 'nobody.here']) {
      for (let i = 0; i < 4; i++) expect((await attempt(username, 'wrong-password')).status).toBe(401);
    }
    // 4 failures: the right password still works (and forgets them).
    expect((await attempt('admin.a', PERSONA_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt('admin.a', 'wrong-password')).status).toBe(401);
    expect((await attempt('nobody.here', 'wrong-password')).status).toBe(401);
    const locked = await attempt('admin.a', PERSONA_PASSWORD);
    const unknown = await attempt('nobody.here', PERSONA_PASSWORD);
    expect(locked).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retry: '900' });
    expect(unknown).toEqual(locked);
    await portal.advance({ minutes: 15 });
    expect((await attempt('admin.a', PERSONA_PASSWORD)).status).toBe(200);
  });

  it('counts wrong MFA codes per account across challenges: the 10th locks it, for 15 minutes', async () => {
    const portal = createTestPortal();
    const challenge = async () =>
      ((await (await portal.signIn('clinical.a', 'dev_new_device_1')).json()) as { challengeId: string })
        .challengeId;
    const verify = (challengeId: string, code: string) =>
      portal.call('POST', '/api/v1/session/mfa', { json: { challengeId, code } });
    for (let round = 0; round < 2; round++) {
      const id = await challenge();
      for (let i = 0; i < 5; i++) expect((await verify(id, '000000')).status).toBe(401);
    }
    // Locked: a new sign-in and even the right code on a fresh challenge are refused.
    const again = await portal.signIn('clinical.a', 'dev_new_device_1');
    expect(again.status).toBe(429);
    expect(((await again.json()) as { code: string }).code).toBe('TOO_MANY_ATTEMPTS');
    await portal.advance({ minutes: 15 });
    const id = await challenge();
    const ok = await verify(id, PERSONA_MFA_CODE);
    expect(ok.status, await ok.clone().text()).toBe(200);
  });

  it('answers 429 RATE_LIMITED with Retry-After past --rate-limit requests per second', async () => {
    let now = 5_000_250;
    const portal = createTestPortal({ rateLimit: 3, realTime: () => now });
    for (let i = 0; i < 3; i++) expect((await portal.call('GET', '/api/v1/me')).status).toBe(401);
    const limited = await portal.call('GET', '/api/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    now += 750;
    expect((await portal.call('GET', '/api/v1/me')).status).toBe(401);
  });
});

describe('5. admin input errors are 400 problems', () => {
  it('answers 400 for a malformed sandbox id and for out-of-range members or seed', async () => {
    const portal = createTestPortal();
    const malformed = await portal.admin('DELETE', '/sandboxes/%ff');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    for (const body of [{ members: 1e15 }, { members: 10_000_001 }, { seed: 2 ** 60 }]) {
      expect((await portal.admin('POST', '/sandboxes', body)).status).toBe(400);
    }
    expect((await portal.admin('POST', '/sandboxes', { members: 10_000_000 })).status).toBe(201);
  });
});

describe('6. clean answers', () => {
  it('stores a safe base name and answers it', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
    const names = [
      '../../etc/passwd.pdf',
      'a\u0000b.pdf',
      '<img onerror=alert(1)>.pdf',
      `${'x'.repeat(10_000)}.pdf`,
    ];
    const form = new FormData();
    for (const name of names) form.append('files', new File([pdf], name, { type: 'application/pdf' }));
    const sent = await portal.call('POST', '/api/v1/messages', { token, json: message('See the files.') });
    const { messageId } = (await sent.json()) as { messageId: string };
    const upload = await portal.call('POST', `/api/v1/messages/${messageId}/attachments`, {
      token,
      body: form,
    });
    expect(upload.status).toBe(201);
    const stored = ((await upload.json()) as { attachments: { fileName: string }[] }).attachments.map(
      (entry) => entry.fileName,
    );
    expect(stored.slice(0, 3)).toEqual(['passwd.pdf', 'ab.pdf', 'img onerror=alert(1).pdf']);
    expect(stored[3]).toHaveLength(120);
    expect(stored[3]?.endsWith('.pdf')).toBe(true);
  });

  it('never puts Prefer text into the problem type URL', async () => {
    const portal = createTestPortal();
    const response = await portal.call('GET', '/api/v1/me', {
      headers: { prefer: 'status=418, code=x/../../evil"<script>' },
    });
    const problem = (await response.json()) as { type: string; code: string };
    expect(problem.type).not.toContain('evil');
    expect(problem.type).toMatch(/^https:\/\/provider-portal-sdk\.dev\/problems\/[a-z0-9-]+$/);
    const known = await portal.call('GET', '/api/v1/me', {
      headers: { prefer: 'status=503, code=RATE_LIMITED' },
    });
    expect(((await known.json()) as { code: string }).code).toBe('RATE_LIMITED');
  });

  it('marks PHI-bearing answers no-store and nosniff', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    for (const response of [
      await portal.call('GET', '/api/v1/members/K5500648801', { token }),
      await portal.call('GET', '/api/v1/members/K5500649999', { token }),
      await portal.admin('GET', '/personas'),
    ]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('TEST_CLOCK', () => {
  it('is the fixed start of these tests', () => {
    expect(TEST_CLOCK).toBe('2026-11-23T14:00:00Z');
  });
});

describe('over HTTP (node:http, as provider-portal-mock serves)', () => {
  it('refuses a non-loopback host without an admin token, saying what to add', async () => {
    const { startMockServer } = await import('../../mock-server/server.ts');
    await expect(startMockServer({ host: '0.0.0.0', port: 0, members: 1000 })).rejects.toThrow(
      /--admin-token/,
    );
  });

  it('answers 413 for a chunked body past the limit and a foreign Host with 403, on a real socket', async () => {
    const { startMockServer } = await import('../../mock-server/server.ts');
    const { request } = await import('node:http');
    const server = await startMockServer({ port: 0, members: 1000, clock: TEST_CLOCK });
    try {
      const status = (headers: Record<string, string>, chunks: number) =>
        new Promise<number>((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/v1/session', headers },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          let sent = 0;
          const write = () => {
            while (sent < chunks) {
              sent += 1;
              if (!req.write(chunk)) {
                req.once('drain', write);
                return;
              }
            }
            req.end();
          };
          write();
        });
      // 5 chunks of 64 KiB (320 KiB) streamed without Content-Length: 413.
      expect(await status({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, 5)).toBe(
        413,
      );
      // fetch may not set Host: a raw request does, as a rebound DNS name would.
      const get = (host: string) =>
        new Promise<number>((resolve, reject) => {
          request(
            { host: '127.0.0.1', port: server.port, path: '/__admin/personas', headers: { host } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
            .on('error', reject)
            .end();
        });
      expect(await get('rebound.example')).toBe(403);
      expect(await get(`127.0.0.1:${server.port}`)).toBe(200);
      expect(await get(`localhost:${server.port}`)).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('3. lists read through indexes', () => {
  it('answer every page as sorting every record would (newest first), the clock moved back included', async () => {
    const { preauthorizationRequest } = await import('../sdk/support/targets.ts');
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const create = async () => {
      const answer = await portal.call('POST', '/api/v1/preauthorizations', {
        token,
        json: preauthorizationRequest(),
      });
      expect(answer.status).toBe(201);
    };
    for (let i = 0; i < 4; i++) await create(); // four at the same instant
    await portal.advance({ minutes: 3 });
    for (let i = 0; i < 3; i++) await create();
    expect((await portal.admin('PUT', '/clock', { now: '2026-11-23T14:01:00Z' })).status).toBe(200);
    for (let i = 0; i < 3; i++) await create(); // earlier than the previous three
    const state = portal.core.sandbox()?.state;
    const stored = [...(state?.records.get('preauthorizations')?.values() ?? [])] as {
      referenceId: string;
      submittedAt: number;
    }[];
    const expected = stored
      .sort((a, b) => b.submittedAt - a.submittedAt || b.referenceId.localeCompare(a.referenceId))
      .map((record) => record.referenceId);
    const session = await portal.tokenFor('clinical.a');
    const read = async (query: string) =>
      (await (await portal.call('GET', `/api/v1/preauthorizations?${query}`, { token: session })).json()) as {
        data: { referenceId: string }[];
        page: { totalItems: number; totalPages: number };
      };
    const pages: string[] = [];
    for (let number = 1; number <= 3; number++) {
      const page = await read(`page=${number}&pageSize=4`);
      expect(page.page).toMatchObject({ totalItems: 10, totalPages: 3 });
      pages.push(...page.data.map((row) => row.referenceId));
    }
    expect(pages).toEqual(expected);
    // Through the member index and through a filter: the same order.
    const byMember = await read('memberId=K5500648801&pageSize=100');
    expect(byMember.data.map((row) => row.referenceId)).toEqual(expected);
    const byDate = await read('from=2026-11-23&pageSize=3&page=2');
    expect(byDate.page.totalItems).toBe(10);
    expect(byDate.data.map((row) => row.referenceId)).toEqual(expected.slice(3, 6));
    expect((await read('pageSize=4&page=4')).data).toEqual([]);
  });
});

describe('3. a page costs the same at 5,000 stored records as at 50', () => {
  it('reads the records of the page only (counted through proxies), not every stored one', async () => {
    const { preauthorizationRequest } = await import('../sdk/support/targets.ts');
    const { indexRecord } = await import('../../mock-server/core/record-index.ts');
    const { PREAUTHORIZATION_INDEX } = await import(
      '../../mock-server/core/transactions/preauthorization-records.ts'
    );
    const touchedAt = async (stored: number) => {
      const portal = createTestPortal();
      const token = await portal.tokenFor('clinical.a');
      await portal.call('POST', '/api/v1/preauthorizations', { token, json: preauthorizationRequest() });
      const state = portal.core.sandbox()?.state;
      if (state === undefined) throw new Error('no sandbox');
      const records = state.records.get('preauthorizations') as Map<string, { submittedAt: number }>;
      const [template] = [...records.values()];
      const touched = new Set<string>();
      for (let i = 1; i < stored; i++) {
        const referenceId = `PA-T${String(i).padStart(7, '0')}`;
        const copy = { ...template, referenceId, submittedAt: (template?.submittedAt ?? 0) + i };
        const watched = new Proxy(copy, {
          get(target, key, receiver) {
            touched.add(referenceId);
            return Reflect.get(target, key, receiver);
          },
        });
        records.set(referenceId, watched);
        indexRecord(state, PREAUTHORIZATION_INDEX, watched as never);
      }
      touched.clear();
      const page = await portal.call('GET', '/api/v1/preauthorizations?pageSize=25', { token });
      const body = (await page.json()) as { page: { totalItems: number } };
      expect(body.page.totalItems).toBe(stored);
      return touched.size;
    };
    const small = await touchedAt(50);
    const large = await touchedAt(5_000);
    expect(small).toBeLessThanOrEqual(25);
    expect(large).toBe(small);
  });
});

describe('3. per-sandbox caps', () => {
  it('answers 409 SANDBOX_LIMIT_REACHED for the create past 100,000 records (the 100,000th passes)', async () => {
    const { MAX_SANDBOX_RECORDS } = await import('../../mock-server/core/pipeline.ts');
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const state = portal.core.sandbox()?.state;
    if (state === undefined) throw new Error('no sandbox');
    const filler = new Map<string, unknown>();
    for (let i = 0; i < MAX_SANDBOX_RECORDS - state.users.size - 1; i++) filler.set(String(i), i);
    state.records.set('filler', filler);
    const send = () => portal.call('POST', '/api/v1/messages', { token, json: message('Limits.') });
    expect((await send()).status).toBe(201);
    const refused = await send();
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'SANDBOX_LIMIT_REACHED', limit: MAX_SANDBOX_RECORDS });
    // Reading still works.
    expect((await portal.call('GET', '/api/v1/messages', { token })).status).toBe(200);
  });

  it('keeps at most 10,000 idempotency keys, forgetting the oldest', async () => {
    const { rememberIdempotent, MAX_IDEMPOTENCY_KEYS } = await import(
      '../../mock-server/core/idempotency-store.ts'
    );
    const state = createTestPortal().core.sandbox()?.state;
    if (state === undefined) throw new Error('no sandbox');
    const answer = { fingerprint: '', status: 201, body: {}, headers: {} };
    for (let i = 0; i < MAX_IDEMPOTENCY_KEYS; i++) rememberIdempotent(state, `k${i}`, answer);
    expect(state.idempotency.size).toBe(MAX_IDEMPOTENCY_KEYS);
    expect(state.idempotency.has('k0')).toBe(true);
    rememberIdempotent(state, 'one-more', answer);
    expect(state.idempotency.size).toBe(MAX_IDEMPOTENCY_KEYS);
    expect(state.idempotency.has('k0')).toBe(false);
    expect(state.idempotency.has('one-more')).toBe(true);
  });
});
