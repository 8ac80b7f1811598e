/**
 * The contract suite: every case of test/contract/cases runs through every adapter (the `node:http`
 * server of provider-portal-mock, Express with `createMockServer`, and MSW in-process), each in a fresh sandbox, and every answer — success or error — must have the
 * status the case expects, a status the spec declares for the operation, the `X-Mock-Portal` marker,
 * and a body that validates against the declared schema (binary bodies: a declared content type).
 * The suite fails when an operation of the spec has no case.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../mock-server/core/response-validation.ts';
import { SPEC_OPERATIONS } from '../../mock-server/core/spec.ts';
import { createMockServer } from '../../mock-server/express.ts';
import { createPortalHandlers } from '../../mock-server/msw.ts';
import { startMockServer } from '../../mock-server/server.ts';
import { allCases } from './cases/index.ts';
import type { ContractApi, ContractCase } from './cases/types.ts';

const CORE_OPTIONS = { seed: 42, members: 10_000, clock: '2026-11-23T14:00:00Z' } as const;
const MSW_BASE_URL = 'http://mock.portal.test';

interface Adapter {
  name: string;
  start(): Promise<{ baseUrl: string; stop(): Promise<void> | void }>;
}

const ADAPTERS: Adapter[] = [
  {
    name: 'node:http (provider-portal-mock, startMockServer)',
    async start() {
      const server = await startMockServer({ ...CORE_OPTIONS, port: 0 });
      return { baseUrl: server.url, stop: () => server.close() };
    },
  },
  {
    name: 'Express (createMockServer mounted in an app)',
    async start() {
      const app = createMockServer({ ...CORE_OPTIONS, allowedHosts: ['127.0.0.1'] });
      const server = await new Promise<Server>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
      });
      const { port } = server.address() as AddressInfo;
      return {
        baseUrl: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      };
    },
  },
  {
    name: 'MSW in-process',
    async start() {
      const server = setupServer(...createPortalHandlers({ ...CORE_OPTIONS, baseUrl: MSW_BASE_URL }));
      server.listen({ onUnhandledRequest: 'error' });
      return { baseUrl: MSW_BASE_URL, stop: () => server.close() };
    },
  },
];

function isJson(contentType: string | null): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim() ?? '';
  return media === 'application/json' || media.endsWith('+json');
}

async function readBody(response: Response): Promise<unknown> {
  const contentType = response.headers.get('content-type');
  if (isJson(contentType)) return await response.json();
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.length === 0 ? undefined : bytes;
}

/** The api a case runs with: its own sandbox, and its persona's token unless told otherwise. */
async function openCaseApi(
  baseUrl: string,
  contractCase: ContractCase,
): Promise<{ api: ContractApi; close(): Promise<void> }> {
  const opened = await fetch(`${baseUrl}/__admin/sandboxes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(opened.status, 'POST /__admin/sandboxes').toBe(201);
  const { sandboxId } = (await opened.json()) as { sandboxId: string };
  const sandboxHeader = { 'X-Mock-Sandbox': sandboxId };

  const admin: ContractApi['admin'] = (method, path, json) =>
    fetch(`${baseUrl}/__admin${path.startsWith('/') ? path : `/${path}`}`, {
      method,
      headers: { ...sandboxHeader, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  const tokenFor: ContractApi['tokenFor'] = async (username) => {
    const response = await admin('POST', '/sessions', { username });
    if (response.status !== 201)
      throw new Error(`No session for ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  };
  const caseToken = contractCase.as === undefined ? null : await tokenFor(contractCase.as);
  const call: ContractApi['call'] = (method, path, init = {}) => {
    const headers: Record<string, string> = { ...sandboxHeader, ...(init.headers ?? {}) };
    const token = init.token === undefined ? caseToken : init.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form !== undefined) {
      body = init.form;
    }
    return fetch(`${baseUrl}/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  };
  return {
    api: { call, tokenFor, admin },
    async close() {
      const closed = await fetch(`${baseUrl}/__admin/sandboxes/${sandboxId}`, { method: 'DELETE' });
      expect(closed.status, `DELETE /__admin/sandboxes/${sandboxId}`).toBe(204);
    },
  };
}

for (const adapter of ADAPTERS) {
  describe(`contract through ${adapter.name}`, () => {
    let baseUrl = '';
    let stop: () => Promise<void> | void = () => undefined;

    beforeAll(async () => {
      const started = await adapter.start();
      baseUrl = started.baseUrl;
      stop = started.stop;
    });
    afterAll(async () => {
      await stop();
    });

    for (const contractCase of allCases) {
      it(`${contractCase.operationId} → ${contractCase.status}: ${contractCase.name}`, async () => {
        const { api, close } = await openCaseApi(baseUrl, contractCase);
        try {
          const response = await contractCase.run(api);
          const contentType = response.headers.get('content-type');
          const body = await readBody(response);
          const shown =
            body instanceof Uint8Array ? `${body.length} bytes of ${contentType}` : JSON.stringify(body);
          expect(response.status, `status (body: ${shown?.slice(0, 600)})`).toBe(contractCase.status);
          expect(response.headers.get('x-mock-portal'), 'X-Mock-Portal marker').toBe('1');
          expect(response.headers.get('x-request-id'), 'X-Request-Id').toBeTruthy();
          const validation = validateResponse(contractCase.operationId, response.status, contentType, body);
          expect(validation.errors, `the answer matches the spec (body: ${shown?.slice(0, 600)})`).toEqual(
            [],
          );
          if (
            response.status < 300 &&
            response.status !== 204 &&
            response.status !== 202 &&
            !isJson(contentType)
          ) {
            expect(body, 'a binary answer has bytes').toBeInstanceOf(Uint8Array);
          }
        } finally {
          await close();
        }
      });
    }
  });
}

describe('contract coverage', () => {
  const covered = (predicate: (c: ContractCase) => boolean) =>
    new Set(allCases.filter(predicate).map((c) => c.operationId));

  it('has a case for every operation of the spec', () => {
    const withCase = covered(() => true);
    const missing = SPEC_OPERATIONS.map((op) => op.operationId).filter((id) => !withCase.has(id));
    expect(missing, 'operations of the spec without a contract case').toEqual([]);
  });

  it('has a successful case for every operation', () => {
    const succeeded = covered((c) => c.status < 400);
    const missing = SPEC_OPERATIONS.map((op) => op.operationId).filter((id) => !succeeded.has(id));
    expect(missing, 'operations without a 2xx case').toEqual([]);
  });

  it('has an error case for every operation that declares 404, 409, 410 or 422', () => {
    const failed = covered((c) => c.status >= 400);
    const specific = ['404', '409', '410', '422'];
    const missing = SPEC_OPERATIONS.filter((op) =>
      Object.keys(op.responses).some((s) => specific.includes(s)),
    )
      .map((op) => op.operationId)
      .filter((id) => !failed.has(id));
    expect(missing, 'operations declaring 404/409/410/422 without an error case').toEqual([]);
  });

  it('expects only statuses the spec declares', () => {
    const undeclared = allCases
      .filter(
        (c) =>
          !Object.keys(
            SPEC_OPERATIONS.find((op) => op.operationId === c.operationId)?.responses ?? {},
          ).includes(String(c.status)),
      )
      .map((c) => `${c.operationId} ${c.status} (${c.name})`);
    expect(undeclared).toEqual([]);
  });
});
