/**
 * Any input, from JavaScript callers that the types do not protect: every resource method either
 * answers or rejects with a PortalError (PortalValidationError before sending, PortalApiError after),
 * never a TypeError from reading a field of `null`, and never throws synchronously.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeFetch, json } from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from '../client.ts';
import { MAX_PAGE_SIZE } from '../core/params.ts';
import { PortalError, PortalValidationError } from '../errors.ts';
import { fixedClock } from '../rules/index.ts';
import { RESOURCE_OPERATIONS } from './index.ts';

const methods = Object.entries(RESOURCE_OPERATIONS).flatMap(([resource, operations]) =>
  Object.keys(operations).map((method) => [resource, method] as const),
);

type AnyMethod = (...args: unknown[]) => unknown;
type Portal = Record<string, Record<string, AnyMethod>>;

function setup() {
  const fetch = fakeFetch(json(200, {}));
  const portal = createPortalClient({
    baseUrl: BASE_URL,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
    clock: fixedClock('2026-11-23T15:00:00Z'),
    maxRetries: 0,
  });
  // Untyped, as a JavaScript caller sees it.
  return { fetch, portal: portal as unknown as Record<string, Record<string, AnyMethod>> };
}

/**
 * The method `resource.name` of the untyped portal, bound to its resource. A missing resource or method
 * fails the test (an optional call, `portal.members?.get?.(…)`, would answer `undefined` and pass).
 */
function method(portal: Portal, resource: string, name: string): AnyMethod {
  const target = portal[resource];
  const fn = target?.[name];
  if (typeof fn !== 'function') throw new Error(`portal.${resource}.${name} is not a method`);
  return fn.bind(target) as AnyMethod;
}

describe('every resource method, given anything', () => {
  it.each(methods)('%s.%s answers or rejects with a PortalError', async (resource, method) => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (first, second) => {
        const { fetch, portal } = setup();
        const target = portal[resource];
        const fn = target?.[method];
        expect(typeof fn).toBe('function');
        let outcome: unknown;
        try {
          const result = fn?.call(target, first, second);
          outcome = await Promise.resolve(result).then(
            () => 'answered',
            (error: unknown) => error,
          );
        } catch (error) {
          outcome = new Error(`threw synchronously: ${String(error)}`);
        }
        if (outcome !== 'answered' && !(outcome instanceof PortalError)) {
          throw new Error(`${resource}.${method} failed with ${String(outcome)}`);
        }
        // Refused before sending means nothing went over the network.
        if (outcome instanceof PortalValidationError) expect(fetch).not.toHaveBeenCalled();
      }),
      { numRuns: 60 },
    );
  });
});

describe('what a JavaScript caller gets wrong, refused before sending', () => {
  async function violations(call: unknown) {
    const error = await Promise.resolve(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalValidationError);
    return (error as PortalValidationError).violations.map(({ code, path }) => `${code} ${path}`);
  }

  it('an identifier in the URL that is not text (never /members/%5Bobject%20Object%5D)', async () => {
    const { fetch, portal } = setup();
    expect(await violations(method(portal, 'members', 'get')({ memberId: 'K5500648801' }))).toEqual([
      'VALIDATION_FAILED $.memberId',
    ]);
    expect(await violations(method(portal, 'preauthorizations', 'get')(''))).toEqual([
      'VALIDATION_FAILED $.referenceId',
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a query parameter that is an object (openapi-fetch would throw a plain Error)', async () => {
    const { fetch, portal } = setup();
    const error = await Promise.resolve(
      method(portal, 'documents', 'list')({ status: { not: 'ready' } }),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PortalValidationError);
    expect((error as PortalValidationError).operationId).toBe('listDocuments');
    expect((error as PortalValidationError).violations).toEqual([
      expect.objectContaining({ path: '$.status', message: expect.stringContaining('not an object') }),
    ]);
    expect(await violations(method(portal, 'claims', 'search')(null))).toContain('VALIDATION_FAILED $');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('credentials without a password or an mfaCode function', async () => {
    const { fetch, portal } = setup();
    expect(
      await violations(method(portal, 'session', 'signIn')({ username: 'admin.a', mfaCode: '246810' })),
    ).toEqual(['VALIDATION_FAILED $.password', 'VALIDATION_FAILED $.mfaCode']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a care plan read without its attestation', async () => {
    const { fetch, portal } = setup();
    expect(await violations(method(portal, 'carePlans', 'get')('K5500648801', null))).toEqual([
      'VALIDATION_FAILED $.attestation',
    ]);
    expect(await violations(method(portal, 'carePlans', 'download')('K5500648801', {}))).toEqual([
      'VALIDATION_FAILED $.attestation',
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an upload that is not { files }, or a description that is not text', async () => {
    const { fetch, portal } = setup();
    expect(await violations(method(portal, 'messages', 'uploadAttachments')('MSG-1', undefined))).toContain(
      'VALIDATION_FAILED $',
    );
    const file = { name: 'notes.pdf', data: new TextEncoder().encode('%PDF-1.7 notes') };
    expect(
      await violations(
        method(portal, 'messages', 'uploadAttachments')('MSG-1', { files: [file], description: 42 }),
      ),
    ).toEqual(['VALIDATION_FAILED $.description']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a Tax ID in the path that is not one; one written NN-NNNNNNN is sent as 9 digits', async () => {
    const { fetch, portal } = setup();
    expect(await violations(method(portal, 'users', 'list')('06064666'))).toEqual(['INVALID_TAX_ID $.taxId']);
    expect(await violations(method(portal, 'users', 'revoke')('TIN', 'USR-1'))).toEqual([
      'INVALID_TAX_ID $.taxId',
    ]);
    expect(fetch).not.toHaveBeenCalled();
    await method(portal, 'users', 'siteVerification')('06-0646668');
    expect(fetch.requests[0]?.url.pathname).toBe('/api/v1/tax-ids/060646668/site-verification');
  });

  it('paging out of range: pageSize above MAX_PAGE_SIZE (the contract maximum), page 0', async () => {
    const { fetch, portal } = setup();
    const window = { from: '2026-09-01', to: '2026-11-23' };
    expect(await violations(method(portal, 'claims', 'search')({ ...window, pageSize: 101 }))).toEqual([
      'VALIDATION_FAILED $.pageSize',
    ]);
    expect(
      await violations(method(portal, 'claims', 'search')({ ...window, page: 0, pageSize: 2.5 })),
    ).toEqual(['VALIDATION_FAILED $.page', 'VALIDATION_FAILED $.pageSize']);
    expect(fetch).not.toHaveBeenCalled();
    await method(portal, 'claims', 'search')({ ...window, pageSize: MAX_PAGE_SIZE });
    expect(fetch.requests[0]?.url.searchParams.get('pageSize')).toBe('100');
    const spec = JSON.parse(
      readFileSync(new URL('../../mock-server/generated/openapi.json', import.meta.url), 'utf8'),
    ) as { components: { parameters: { PageSize: { schema: { maximum: number } } } } };
    expect(MAX_PAGE_SIZE).toBe(spec.components.parameters.PageSize.schema.maximum);
  });

  it('null options are read as none: the call is sent', async () => {
    const { fetch, portal } = setup();
    await method(portal, 'members', 'get')('K5500648801', null);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('per-call options, given anything', () => {
  const options = fc.record(
    {
      signal: fc.anything(),
      timeoutMs: fc.anything(),
      maxRetries: fc.anything(),
      headers: fc.anything(),
      idempotencyKey: fc.anything(),
      rules: fc.anything(),
    },
    { requiredKeys: [] },
  );

  it.each([
    ['members.get', (p: Portal, o: unknown) => method(p, 'members', 'get')('K5500648801', o)],
    [
      'claims.search',
      (p: Portal, o: unknown) => method(p, 'claims', 'search')({ from: '2026-09-01', to: '2026-11-23' }, o),
    ],
    ['messages.create', (p: Portal, o: unknown) => method(p, 'messages', 'create')({}, o)],
    [
      'preauthorizations.get',
      (p: Portal, o: unknown) => method(p, 'preauthorizations', 'get')('PA-00000001', o),
    ],
  ])('%s answers or rejects with a PortalError', async (_name, invoke) => {
    await fc.assert(
      fc.asyncProperty(options, async (given) => {
        const { portal } = setup();
        const outcome = await Promise.resolve()
          .then(() => invoke(portal, given))
          .then(
            () => 'answered',
            (error: unknown) => error,
          );
        if (outcome !== 'answered' && !(outcome instanceof PortalError)) {
          throw new Error(`failed with ${String(outcome)}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('options that are not what they say, refused with the option named', () => {
  it('per call: nothing is sent', async () => {
    const { fetch, portal } = setup();
    const error = await Promise.resolve(
      method(portal, 'members', 'get')('K5500648801', { signal: {}, timeoutMs: '5s', maxRetries: -1 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalValidationError);
    expect((error as PortalValidationError).violations.map((v) => v.path)).toEqual([
      'options.timeoutMs',
      'options.maxRetries',
      'options.signal',
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('for the client: createPortalClient throws a PortalError that says which option', () => {
    const create = (extra: Record<string, unknown>) => () =>
      createPortalClient({ baseUrl: BASE_URL, ...extra } as unknown as Parameters<
        typeof createPortalClient
      >[0]);
    expect(create({ fetch: 'node-fetch' })).toThrow(PortalError);
    expect(create({ fetch: 'node-fetch' })).toThrow(
      /options\.fetch: The fetch option must be a fetch function/,
    );
    expect(create({ clock: new Date() })).toThrow(/options\.clock/);
    expect(create({ timeoutMs: 0 })).toThrow(/options\.timeoutMs/);
    expect(() => createPortalClient(null as unknown as Parameters<typeof createPortalClient>[0])).toThrow(
      /baseUrl undefined is not an absolute http\(s\) URL/,
    );
  });
});
