/**
 * Every operation that takes a body declares 413 PAYLOAD_TOO_LARGE in the contract, and the mock answers
 * it (with `limitBytes`) for a declared length one byte over the operation's limit, before it reads the
 * body or authenticates; at the limit itself it goes on to the usual checks.
 */
import { describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT_BYTES, UPLOAD_BODY_LIMIT_BYTES } from '../../mock-server/core/body-limits.ts';
import { validateResponse } from '../../mock-server/core/response-validation.ts';
import spec from '../../mock-server/generated/openapi.json' with { type: 'json' };
import { BASE, createTestPortal } from '../mock-server/helpers.ts';

interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
}

const withBody = Object.entries(spec.paths as unknown as Record<string, Record<string, Operation>>).flatMap(
  ([path, item]) =>
    Object.entries(item)
      .filter(([method, operation]) => method !== 'parameters' && operation.requestBody !== undefined)
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: `/api/v1${path.replace(/\{[^}]+\}/g, 'X-1')}`,
        operation,
        upload: operation.requestBody?.content['multipart/form-data'] !== undefined,
      })),
);

describe('body limits in the contract', () => {
  it('covers the operations that take a body (JSON and uploads)', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(25);
    expect(withBody.some((entry) => entry.upload)).toBe(true);
  });

  it.each(withBody)(
    '$operation.operationId declares 413 and answers it one byte over its limit',
    async (entry) => {
      expect(entry.operation.responses['413']).toBeDefined();
      const limit = entry.upload ? UPLOAD_BODY_LIMIT_BYTES : JSON_BODY_LIMIT_BYTES;
      const contentType = entry.upload ? 'multipart/form-data; boundary=x' : 'application/json';
      const portal = createTestPortal();
      const send = (length: number) =>
        portal.core.handle(
          new Request(`${BASE}${entry.path}`, {
            method: entry.method,
            headers: { 'content-type': contentType, 'content-length': String(length) },
            body: '{}',
          }),
        );
      const over = await send(limit + 1);
      expect(over.status).toBe(413);
      const problem = (await over.json()) as { code: string; limitBytes: number };
      expect(problem).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: limit });
      const checked = validateResponse(
        entry.operation.operationId,
        413,
        over.headers.get('content-type'),
        problem,
      );
      expect(checked.errors).toEqual([]);
      // At the limit, the body goes on to authentication (no session here: 401).
      expect((await send(limit)).status).not.toBe(413);
    },
  );
});
