/**
 * The contract's own completeness: every domain of the operations catalog has operations, and every
 * operation carries what integrators rely on (operationId, one tag, examples, problem+json errors,
 * security, paging on lists, Idempotency-Key on creates).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Json = Record<string, any>;
const spec = parse(readFileSync(new URL('../../openapi/portal.yaml', import.meta.url), 'utf8')) as Json;
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The domains of ../shared/design/OPERATIONS.md, as spec tags. */
const catalogTags = [
  'Session',
  'Registration',
  'Users',
  'Members',
  'CarePlans',
  'Preauthorizations',
  'Referrals',
  'AdmissionNotifications',
  'Claims',
  'Messages',
  'Providers',
  'Documents',
];

interface Operation {
  method: string;
  path: string;
  op: Json;
}

const operations: Operation[] = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  methods.filter((method) => item[method]).map((method) => ({ method, path, op: item[method] as Json })),
);

function resolve(node: Json): Json {
  if (node && typeof node.$ref === 'string') {
    const target = (node.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce((acc: Json, key: string) => acc?.[key], spec);
    return resolve(target);
  }
  return node;
}

function hasExample(media: Json | undefined): boolean {
  if (!media) return false;
  if (media.example !== undefined || (media.examples && Object.keys(media.examples).length > 0)) return true;
  const schema = resolve(media.schema ?? {});
  return schema.example !== undefined || (schema.format === 'binary' && schema.type === 'string');
}

const label = ({ method, path, op }: Operation) =>
  `${op.operationId ?? '?'} (${method.toUpperCase()} ${path})`;

describe('the contract (openapi/portal.yaml)', () => {
  it('is OpenAPI 3.1 and defines at least 45 operations', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(operations.length).toBeGreaterThanOrEqual(45);
  });

  it.each(catalogTags)('has operations for the catalog domain %s', (tag) => {
    expect(spec.tags.map((t: Json) => t.name)).toContain(tag);
    expect(operations.filter(({ op }) => op.tags?.includes(tag)).length).toBeGreaterThan(0);
  });

  it('gives every operation a unique operationId and exactly one catalog tag', () => {
    const ids = operations.map(({ op }) => op.operationId);
    for (const o of operations) {
      expect(o.op.operationId, label(o)).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(o.op.tags, label(o)).toHaveLength(1);
      expect(catalogTags, label(o)).toContain(o.op.tags[0]);
      expect(o.op.summary, label(o)).toBeTruthy();
      expect(o.op.description, label(o)).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every request body and every 2xx response an example', () => {
    const missing: string[] = [];
    for (const o of operations) {
      const body = resolve(o.op.requestBody ?? {});
      for (const [type, media] of Object.entries((body.content ?? {}) as Json)) {
        if (!hasExample(media)) missing.push(`${label(o)} request ${type}`);
      }
      for (const [status, response] of Object.entries(o.op.responses as Json)) {
        if (!status.startsWith('2')) continue;
        for (const [type, media] of Object.entries((resolve(response).content ?? {}) as Json)) {
          if (!hasExample(media)) missing.push(`${label(o)} ${status} ${type}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers every error as application/problem+json with a code from ProblemCode', () => {
    const codes: string[] = spec.components.schemas.ProblemCode.enum;
    const wrong: string[] = [];
    for (const o of operations) {
      const errors = Object.entries(o.op.responses as Json).filter(([status]) => /^[45]/.test(status));
      if (!errors.some(([status]) => status === '400')) wrong.push(`${label(o)} lacks 400`);
      if (!errors.some(([status]) => status === '500')) wrong.push(`${label(o)} lacks 500`);
      if (!errors.some(([status]) => status === '503')) wrong.push(`${label(o)} lacks 503`);
      for (const [status, ref] of errors) {
        const media = resolve(ref).content?.['application/problem+json'];
        if (!media) {
          wrong.push(`${label(o)} ${status} is not problem+json`);
          continue;
        }
        const example = media.example ?? (Object.values(media.examples ?? {})[0] as Json | undefined)?.value;
        if (!codes.includes(example?.code)) wrong.push(`${label(o)} ${status} example code ${example?.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares security for every operation: bearer session, or public for sign-in and registration', () => {
    const publicOps = operations.filter(({ op }) => Array.isArray(op.security) && op.security.length === 0);
    expect(spec.security).toEqual([{ bearerSession: [] }]);
    expect(publicOps.map(({ op }) => op.operationId).sort()).toEqual(
      [
        'signIn',
        'verifyMfaCode',
        'recoverUsername',
        'requestPasswordReset',
        'registerOrganization',
        'registerUser',
      ].sort(),
    );
    for (const o of operations.filter((x) => !publicOps.includes(x))) {
      expect(Object.keys(o.op.responses), label(o)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('pages every list and takes an Idempotency-Key on every create', () => {
    const refs = (o: Operation) => (o.op.parameters ?? []).map((p: Json) => p.$ref ?? p.name);
    for (const o of operations) {
      const ok = Object.entries(o.op.responses as Json).find(([s]) => s.startsWith('2'))?.[1];
      const schema = resolve(resolve(ok ?? {}).content?.['application/json']?.schema ?? {});
      if (schema.properties?.data?.type === 'array') {
        expect(refs(o), label(o)).toEqual(
          expect.arrayContaining(['#/components/parameters/Page', '#/components/parameters/PageSize']),
        );
        expect(schema.required, label(o)).toEqual(expect.arrayContaining(['data', 'page']));
      }
      if (o.method === 'post' && o.op.responses['201']) {
        expect(refs(o), label(o)).toContain('#/components/parameters/IdempotencyKey');
      }
    }
  });

  it('declares media types for uploads and downloads', () => {
    const uploads = operations.filter(
      ({ op }) => resolve(op.requestBody ?? {}).content?.['multipart/form-data'],
    );
    const downloads = operations.filter(({ op }) =>
      Object.values(op.responses as Json).some((r) =>
        Object.keys(resolve(r).content ?? {}).some((t) => /pdf|csv|image|spreadsheet/.test(t)),
      ),
    );
    expect(uploads.length).toBeGreaterThanOrEqual(4);
    expect(downloads.length).toBeGreaterThanOrEqual(6);
  });
});
