/**
 * Every operation of the spec is reachable through a resource method: each resource declares the
 * operationId behind each method (RESOURCE_OPERATIONS), and this test compares that table, and the
 * transport's OPERATIONS table, with openapi/portal.yaml.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CREATE, LIST, OPERATIONS, PUBLIC } from '../../sdk/core/operations.ts';
import { createPortalClient, RESOURCE_OPERATIONS } from '../../sdk/index.ts';

type Json = Record<string, any>;
const spec = parse(readFileSync(new URL('../../openapi/portal.yaml', import.meta.url), 'utf8')) as Json;
const specOperations = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  ['get', 'post', 'put', 'patch', 'delete']
    .filter((method) => item[method])
    .map((method) => ({ method: method.toUpperCase(), path, op: item[method] as Json })),
);

const portal = createPortalClient({
  baseUrl: 'http://127.0.0.1:4010/api/v1',
  sessionToken: 'pps_unused_000000000',
});
const declared = Object.entries(RESOURCE_OPERATIONS).flatMap(([resource, table]) =>
  Object.entries(table).map(([method, operationId]) => ({
    resource,
    method,
    operationId: operationId as string,
  })),
);

describe('every operation of the spec has a resource method', () => {
  it('the spec has the 74 operations the SDK was built for (update the SDK when this changes)', () => {
    expect(specOperations).toHaveLength(74);
  });

  it.each(specOperations.map((o) => [o.op.operationId as string]))('%s is reachable', (operationId) => {
    const methods = declared.filter((d) => d.operationId === operationId);
    expect(methods, `no resource method declares ${operationId}`).not.toHaveLength(0);
    for (const { resource, method } of methods) {
      const target = (portal as unknown as Record<string, Record<string, unknown>>)[resource];
      expect(typeof target?.[method], `portal.${resource}.${method}`).toBe('function');
    }
  });

  it('no resource method names an operation the spec does not have', () => {
    const ids = new Set(specOperations.map((o) => o.op.operationId));
    expect(declared.filter((d) => !ids.has(d.operationId))).toEqual([]);
  });
});

describe('the transport knows how to send each operation', () => {
  it.each(specOperations.map((o) => [o.op.operationId as string, o]))(
    '%s',
    (operationId, { method, path, op }) => {
      const meta = OPERATIONS[operationId as keyof typeof OPERATIONS];
      expect(meta, `OPERATIONS.${operationId}`).toBeDefined();
      const [sentMethod, sentPath, flags] = meta;
      expect(`${sentMethod} ${sentPath}`).toBe(`${method} ${path}`);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      expect((flags & PUBLIC) !== 0, 'public (security: [])').toBe(isPublic);
      const params = [...(spec.paths[path].parameters ?? []), ...(op.parameters ?? [])] as Json[];
      const refs = params.map((p) => String(p.$ref ?? ''));
      // A create is what declares the Idempotency-Key: the portal keeps the key, so the SDK sends one
      // and may retry. A POST without it (even answered 201/202) is sent once.
      const idempotent = refs.some((r) => r.endsWith('/IdempotencyKey'));
      expect((flags & CREATE) !== 0, 'create (Idempotency-Key)').toBe(idempotent);
      expect((flags & LIST) !== 0, 'list (Page)').toBe(refs.some((r) => r.endsWith('/Page')));
    },
  );

  it('has no operation the spec does not have', () => {
    const ids = new Set(specOperations.map((o) => o.op.operationId));
    expect(Object.keys(OPERATIONS).filter((id) => !ids.has(id))).toEqual([]);
  });
});
