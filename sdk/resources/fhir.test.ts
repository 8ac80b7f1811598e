/**
 * `portal.fhir` against an injected fetch: where it sends (the FHIR base derived from baseUrl), with
 * which headers, what it refuses before sending (the portal's own rules, named by FHIRPath), and how
 * an answer (a PAS Bundle, Parameters, an OperationOutcome, an empty 5xx) becomes a result or a typed
 * error.
 */
import type { Bundle, Parameters as FhirParameters, OperationOutcome } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASE_URL,
  fakeFetch,
  json,
  session,
  UNIT_CLOCK,
  UNIT_PREAUTHORIZATION,
} from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from '../client.ts';
import type { PortalClientOptions } from '../core/options.ts';
import {
  PortalError,
  PortalValidationError,
  ServerError,
  SessionExpiredError,
  UnprocessableEntityError,
} from '../errors.ts';
import type { PasInquiryQuery } from '../fhir/pas-inquiry.ts';
import { toPasRequestBundle } from '../fhir/pas-request.ts';
import { type Preauthorization, toPasResponseBundle } from '../fhir/pas-response.ts';
import { PAS_PROFILES, PORTAL_SYSTEMS } from '../fhir/systems.ts';
import { FHIR_OPERATIONS, fhirBaseUrlOf } from './fhir.ts';

const FHIR_BASE = 'https://portal.test/fhir/r4';
const TOKEN = 'pps_unit_token_0000000001';
const NOW = '2026-11-23T15:00:00.000Z';

function fhirJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return json(status, body, { 'Content-Type': 'application/fhir+json', ...headers });
}

function setup(answer: Parameters<typeof fakeFetch>[0], options: Partial<PortalClientOptions> = {}) {
  const fetch = fakeFetch(answer);
  const portal = createPortalClient({
    baseUrl: BASE_URL,
    sessionToken: TOKEN,
    fetch,
    clock: UNIT_CLOCK,
    maxRetries: 0,
    ...options,
  });
  return { fetch, portal };
}

const requestBundle = (request = UNIT_PREAUTHORIZATION) =>
  toPasRequestBundle(request, { transactionId: 'TX-0001', timestamp: NOW, healthPlan: 'emblemhealth' });

/** A decided preauthorization of UNIT_PREAUTHORIZATION, as the portal keeps it. */
function preauthorization(referenceId: string, status: Preauthorization['status']): Preauthorization {
  const { serviceLines, ...request } = UNIT_PREAUTHORIZATION;
  return {
    ...request,
    referenceId,
    memberName: 'Jane Doe',
    status,
    requestDate: '2026-11-23',
    submittedAt: NOW,
    decisionDueBy: '2026-11-30',
    healthPlan: 'emblemhealth',
    attachments: [],
    modifications: [],
    serviceLines: serviceLines.map((line, index) => ({
      ...line,
      lineNumber: index + 1,
      ...(status === 'approved' ? { approvedUnits: 12 } : {}),
    })),
    ...(status === 'approved' || status === 'denied'
      ? { decision: { status, decidedAt: '2026-11-24T15:00:00Z' } }
      : {}),
  } as Preauthorization;
}

function responseBundle(
  referenceId: string,
  status: Preauthorization['status'],
  kind: 'response' | 'inquiry',
) {
  return toPasResponseBundle(preauthorization(referenceId, status), {
    kind,
    baseUrl: FHIR_BASE,
    timestamp: NOW,
    patient: { fullUrl: `${FHIR_BASE}/Patient/K5500648801`, resource: { resourceType: 'Patient' } },
  });
}

const REQUESTOR = UNIT_PREAUTHORIZATION.requestingProvider;
const QUERY: PasInquiryQuery = {
  memberId: 'K5500648801',
  healthPlan: 'emblemhealth',
  requestingProvider: REQUESTOR,
};

function outcome(status: number, code: string, expression?: string): Response {
  const body: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: 'business-rule',
        details: { coding: [{ system: PORTAL_SYSTEMS.problemCode, code }], text: `Title of ${code}` },
        diagnostics: `Because ${code}.`,
        ...(expression === undefined ? {} : { expression: [expression] }),
      },
    ],
  };
  return fhirJson(status, body);
}

describe('the FHIR base URL', () => {
  it('is baseUrl without /api/v1 (and trailing slashes), then /fhir/r4', () => {
    expect(fhirBaseUrlOf('http://127.0.0.1:4010/api/v1')).toBe('http://127.0.0.1:4010/fhir/r4');
    expect(fhirBaseUrlOf('http://127.0.0.1:4010/api/v1//')).toBe('http://127.0.0.1:4010/fhir/r4');
    expect(fhirBaseUrlOf('https://plan.example/portal/api/v1')).toBe('https://plan.example/portal/fhir/r4');
    expect(fhirBaseUrlOf('https://plan.example')).toBe('https://plan.example/fhir/r4');
    expect(fhirBaseUrlOf('https://plan.example/api/v1', 'https://fhir.plan.example/r4/')).toBe(
      'https://fhir.plan.example/r4',
    );
  });

  it('is where portal.fhir sends, or fhirBaseUrl when the client is given one', async () => {
    const derived = setup(fhirJson(200, { resourceType: 'CapabilityStatement' }));
    await derived.portal.fhir.capabilities();
    expect(derived.fetch.requests[0]?.url.href).toBe(`${FHIR_BASE}/metadata`);

    const explicit = setup(fhirJson(200, { resourceType: 'CapabilityStatement' }), {
      fhirBaseUrl: 'https://fhir.portal.test/r4/',
    });
    await explicit.portal.fhir.capabilities();
    expect(explicit.fetch.requests[0]?.url.href).toBe('https://fhir.portal.test/r4/metadata');
  });

  it('an fhirBaseUrl that is not an absolute http(s) URL is refused at once', () => {
    expect(() =>
      createPortalClient({ baseUrl: BASE_URL, sessionToken: TOKEN, fhirBaseUrl: 'fhir/r4' }),
    ).toThrow(PortalError);
    expect(() =>
      createPortalClient({ baseUrl: BASE_URL, sessionToken: TOKEN, fhirBaseUrl: 'ftp://portal.test/fhir' }),
    ).toThrow(/fhirBaseUrl/);
  });
});

describe('portal.fhir.submitPriorAuthorization', () => {
  it('posts the Bundle to Claim/$submit as FHIR JSON, with the session, a request id and an Idempotency-Key', async () => {
    const { fetch, portal } = setup(fhirJson(200, responseBundle('PA-00000001', 'approved', 'response')));
    const bundle = requestBundle();
    await portal.fhir.submitPriorAuthorization(bundle, { headers: { Prefer: 'outcome=approved' } });
    const [sent] = fetch.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.href).toBe(`${FHIR_BASE}/Claim/$submit`);
    expect(sent?.headers.get('content-type')).toBe('application/fhir+json');
    expect(sent?.headers.get('accept')).toBe('application/fhir+json');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.headers.get('x-client-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.headers.get('prefer')).toBe('outcome=approved');
    expect(JSON.parse(sent?.body ?? '')).toEqual(bundle);
  });

  it("answers the Bundle, its ClaimResponse and the portal's reading of it", async () => {
    const answer = responseBundle('PA-00000001', 'approved', 'response');
    const { portal } = setup(fhirJson(200, answer));
    const { data, requestId } = await portal.fhir.submitPriorAuthorization(requestBundle()).withResponse();
    expect(requestId).toBe('req_200');
    expect(data.bundle).toEqual(answer);
    expect(data.claimResponse.resourceType).toBe('ClaimResponse');
    expect(data.claimResponse.meta?.profile).toEqual([PAS_PROFILES.claimResponse]);
    expect(data.decision).toMatchObject({
      referenceId: 'PA-00000001',
      status: 'approved',
      decision: { status: 'approved' },
      serviceLines: [{ lineNumber: 1, reviewAction: 'A6', approvedUnits: 12 }],
    });
  });

  it('uses the caller’s Idempotency-Key, and repeats it when it retries a 503', async () => {
    const fetch = fakeFetch(
      fhirJson(503, { resourceType: 'OperationOutcome', issue: [] }, { 'Retry-After': '0' }),
      fhirJson(200, responseBundle('PA-00000001', 'pended', 'response')),
    );
    const portal = createPortalClient({ baseUrl: BASE_URL, sessionToken: TOKEN, fetch, clock: UNIT_CLOCK });
    const { decision } = await portal.fhir.submitPriorAuthorization(requestBundle(), {
      idempotencyKey: 'key-1',
    });
    expect(decision.status).toBe('pended');
    expect(fetch.requests.map((r) => r.headers.get('idempotency-key'))).toEqual(['key-1', 'key-1']);
  });

  it('refuses a request ending beyond 180 days before sending, with the codes of preauthorizations.create and FHIRPaths', async () => {
    const { fetch, portal } = setup(fhirJson(200, {}));
    // "Today" is 2026-11-23 (UNIT_CLOCK): 2027-05-23 is 181 days out, one past the window.
    const far = {
      ...UNIT_PREAUTHORIZATION,
      serviceStartDate: '2027-05-23',
      serviceEndDate: '2027-05-28',
      serviceLines: [
        { procedureCode: '97110', units: 4, serviceStartDate: '2027-05-23', serviceEndDate: '2027-05-28' },
      ],
    };
    const error = await portal.fhir.submitPriorAuthorization(requestBundle(far)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalValidationError);
    const refused = error as PortalValidationError;
    expect(refused.operationId).toBe(FHIR_OPERATIONS.submitPriorAuthorization);
    expect(refused.violations.map(({ code, path }) => `${code} ${path}`)).toEqual([
      'SERVICE_END_BEYOND_180_DAYS Bundle.entry[0].resource.supportingInfo[0].timingPeriod.end',
      'SERVICE_END_BEYOND_180_DAYS Bundle.entry[0].resource.item[0].servicedPeriod.end',
    ]);
    expect(refused.message).toContain('Bundle.entry[0].resource.item[0].servicedPeriod.end');
    expect(fetch).not.toHaveBeenCalled();

    const viaApi = await portal.preauthorizations.create(far).catch((e: unknown) => e);
    expect((viaApi as PortalValidationError).violations.map((v) => v.code)).toEqual(
      refused.violations.map((v) => v.code),
    );
    // A day earlier is inside the window: sent.
    const inside = {
      ...far,
      serviceStartDate: '2027-05-20',
      serviceEndDate: '2027-05-22',
      serviceLines: [
        { procedureCode: '97110', units: 4, serviceStartDate: '2027-05-20', serviceEndDate: '2027-05-22' },
      ],
    };
    const ok = setup(fhirJson(200, responseBundle('PA-00000002', 'pended', 'response')));
    await ok.portal.fhir.submitPriorAuthorization(requestBundle(inside));
    expect(ok.fetch).toHaveBeenCalledTimes(1);
  });

  it('passes options.rules to the rules (coverage), as preauthorizations.create does', async () => {
    const { fetch, portal } = setup(fhirJson(200, {}));
    const error = await portal.fhir
      .submitPriorAuthorization(requestBundle(), {
        rules: { coverage: { startDate: '2020-01-01', endDate: '2026-12-31' } },
      })
      .catch((e: unknown) => e);
    expect((error as PortalValidationError).violations.map((v) => `${v.code} ${v.path}`)).toContain(
      'SERVICE_OUTSIDE_COVERAGE Bundle.entry[0].resource.supportingInfo[0].timingPeriod.end',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a Bundle that is not a PAS request Bundle with VALIDATION_FAILED at its FHIRPath', async () => {
    const { fetch, portal } = setup(fhirJson(200, {}));
    const batch = { ...requestBundle(), type: 'batch' } as Bundle;
    const error = (await portal.fhir
      .submitPriorAuthorization(batch)
      .catch((e) => e)) as PortalValidationError;
    expect(error).toBeInstanceOf(PortalValidationError);
    expect(error.violations.map(({ code, path }) => `${code} ${path}`)).toEqual([
      'VALIDATION_FAILED Bundle.type',
    ]);
    const notBundle = (await portal.fhir
      .submitPriorAuthorization({ resourceType: 'Claim' } as unknown as Bundle)
      .catch((e) => e)) as PortalValidationError;
    expect(notBundle.violations).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'Bundle' }),
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an OperationOutcome answer is the typed error, with the rule code and the FHIRPath', async () => {
    const path = 'Bundle.entry[4].resource.identifier[0]';
    const { portal } = setup(outcome(422, 'PROVIDER_IDENTITY_MISMATCH', path));
    const error = await portal.fhir.submitPriorAuthorization(requestBundle()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const failed = error as UnprocessableEntityError;
    expect(failed.status).toBe(422);
    expect(failed.code).toBe('PROVIDER_IDENTITY_MISMATCH');
    expect(failed.violations).toEqual([
      { code: 'PROVIDER_IDENTITY_MISMATCH', path, message: 'Because PROVIDER_IDENTITY_MISMATCH.' },
    ]);
    expect(failed.problem.title).toBe('Title of PROVIDER_IDENTITY_MISMATCH');
    expect(failed.requestId).toBe('req_422');
  });

  it('a 401 SESSION_EXPIRED OperationOutcome is a SessionExpiredError and ends the session', async () => {
    const signedIn = createPortalClient({
      baseUrl: BASE_URL,
      // The session answer for the sign-in, the OperationOutcome for the FHIR face.
      fetch: fakeFetch((request) =>
        request.url.includes('/fhir/r4/') ? outcome(401, 'SESSION_EXPIRED') : json(200, session(TOKEN)),
      ),
      clock: UNIT_CLOCK,
      maxRetries: 0,
      credentials: { username: 'admin.a', password: 'Portal-Test-2026!', mfaCode: async () => '246810' },
    });
    await signedIn.session.signIn();
    expect(signedIn.session.check()).toBe('active');
    const error = await signedIn.fhir.capabilities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(signedIn.session.check()).toBe('expired');
  });

  it('a 5xx without a body is a ServerError (after the retries)', async () => {
    const empty = new Response(null, {
      status: 502,
      headers: { 'X-Request-Id': 'req_502', 'Retry-After': '0' },
    });
    const { fetch, portal } = setup(empty, { maxRetries: 1 });
    const error = await portal.fhir.submitPriorAuthorization(requestBundle()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(502);
    expect((error as ServerError).code).toBe('INTERNAL_ERROR');
    expect((error as ServerError).requestId).toBe('req_502');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a malformed ClaimResponse is a PortalError, not a TypeError', async () => {
    const broken = responseBundle('PA-00000001', 'approved', 'response');
    const first = broken.entry?.[0]?.resource as unknown as Record<string, unknown>;
    first.item = { not: 'a list' };
    const { portal } = setup(fhirJson(200, broken));
    const error = await portal.fhir.submitPriorAuthorization(requestBundle()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as Error).message).toContain('could not read');
  });

  it('a 200 that is not a PAS response is a PortalError that says to check fhirBaseUrl', async () => {
    const { portal } = setup(json(200, { data: [] }));
    const error = await portal.fhir.submitPriorAuthorization(requestBundle()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as Error).message).toContain('fhirBaseUrl');
    const noClaimResponse = setup(fhirJson(200, { resourceType: 'Bundle', type: 'collection', entry: [] }));
    await expect(noClaimResponse.portal.fhir.submitPriorAuthorization(requestBundle())).rejects.toThrow(
      /ClaimResponse/,
    );
  });
});

describe('portal.fhir.inquire', () => {
  it('builds the inquiry Bundle of a query, stamped by the client clock with a random transaction id', async () => {
    const { fetch, portal } = setup(fhirJson(200, responseBundle('PA-00000001', 'approved', 'inquiry')));
    const { bundles, decisions } = await portal.fhir.inquire({ ...QUERY, referenceId: 'PA-00000001' });
    const [sent] = fetch.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.href).toBe(`${FHIR_BASE}/Claim/$inquire`);
    expect(sent?.headers.get('content-type')).toBe('application/fhir+json');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    const body = JSON.parse(sent?.body ?? '') as Bundle;
    expect(body.meta?.profile).toEqual([PAS_PROFILES.inquiryRequestBundle]);
    expect(body.timestamp).toBe(NOW);
    expect(body.identifier?.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body.entry?.[0]?.resource)).toContain('PA-00000001');
    expect(bundles).toHaveLength(1);
    expect(decisions).toEqual([expect.objectContaining({ referenceId: 'PA-00000001', status: 'approved' })]);
  });

  it('takes the transaction id and timestamp from its options', async () => {
    const { fetch, portal } = setup(fhirJson(200, responseBundle('PA-00000001', 'denied', 'inquiry')));
    await portal.fhir.inquire(QUERY, { transactionId: 'INQ-0001', timestamp: '2026-11-20T12:00:00Z' });
    const body = JSON.parse(fetch.requests[0]?.body ?? '') as Bundle;
    expect(body.identifier?.value).toBe('INQ-0001');
    expect(body.timestamp).toBe('2026-11-20T12:00:00.000Z');
  });

  it('sends a given inquiry Bundle as it is', async () => {
    const { fetch, portal } = setup(fhirJson(200, responseBundle('PA-00000001', 'denied', 'inquiry')));
    const { toPasInquiryBundle } = await import('../fhir/pas-inquiry.ts');
    const bundle = toPasInquiryBundle(QUERY, { transactionId: 'INQ-7', timestamp: NOW });
    const { decisions } = await portal.fhir.inquire(bundle);
    expect(JSON.parse(fetch.requests[0]?.body ?? '')).toEqual(bundle);
    expect(decisions[0]?.status).toBe('denied');
  });

  it('reads a Parameters answer: one Bundle and one decision per return parameter', async () => {
    const answer: FhirParameters = {
      resourceType: 'Parameters',
      parameter: [
        { name: 'return', resource: responseBundle('PA-00000001', 'approved', 'inquiry') },
        { name: 'return', resource: responseBundle('PA-00000002', 'pended', 'inquiry') },
      ],
    };
    const { portal } = setup(fhirJson(200, answer));
    const { bundles, decisions } = await portal.fhir.inquire(QUERY);
    expect(bundles).toHaveLength(2);
    expect(decisions.map((d) => `${d.referenceId} ${d.status}`)).toEqual([
      'PA-00000001 approved',
      'PA-00000002 pended',
    ]);
  });

  it('reads a Bundle of response Bundles, and no match (an empty Bundle or Parameters) as none', async () => {
    const nested = setup(
      fhirJson(200, {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { resource: responseBundle('PA-00000001', 'approved', 'inquiry') },
          { resource: responseBundle('PA-00000003', 'denied', 'inquiry') },
        ],
      }),
    );
    expect((await nested.portal.fhir.inquire(QUERY)).decisions.map((d) => d.referenceId)).toEqual([
      'PA-00000001',
      'PA-00000003',
    ]);
    const empty = setup(fhirJson(200, { resourceType: 'Bundle', type: 'collection' }));
    expect(await empty.portal.fhir.inquire(QUERY)).toEqual({ bundles: [], decisions: [] });
    const none = setup(fhirJson(200, { resourceType: 'Parameters' }));
    expect(await none.portal.fhir.inquire(QUERY)).toEqual({ bundles: [], decisions: [] });
  });

  it('refuses a query without its member, plan or provider, and a Bundle the reader refuses, before sending', async () => {
    const { fetch, portal } = setup(fhirJson(200, {}));
    const bad = { memberId: '', healthPlan: 'aetna', requestingProvider: { npi: '1407819535' } };
    const error = (await portal.fhir
      .inquire(bad as unknown as PasInquiryQuery)
      .catch((e) => e)) as PortalValidationError;
    expect(error).toBeInstanceOf(PortalValidationError);
    expect(error.operationId).toBe('Claim/$inquire');
    expect(error.violations.map((v) => v.path)).toEqual([
      '$.memberId',
      '$.healthPlan',
      '$.requestingProvider.taxId',
      '$.requestingProvider.name',
      '$.requestingProvider.address',
    ]);
    const notInquiry = (await portal.fhir
      .inquire({ resourceType: 'Bundle', type: 'batch' } as Bundle)
      .catch((e) => e)) as PortalValidationError;
    expect(notInquiry).toBeInstanceOf(PortalValidationError);
    expect(
      notInquiry.violations.every((v) => v.code === 'VALIDATION_FAILED' && v.path.startsWith('Bundle')),
    ).toBe(true);
    const badTimestamp = await portal.fhir.inquire(QUERY, { timestamp: 'yesterday' }).catch((e) => e);
    expect((badTimestamp as PortalValidationError).violations[0]?.path).toBe('options.timestamp');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an OperationOutcome answer is the typed error', async () => {
    const { portal } = setup(outcome(403, 'TAX_ID_NOT_AUTHORIZED'));
    const error = await portal.fhir.inquire(QUERY).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'PermissionDeniedError',
      status: 403,
      code: 'TAX_ID_NOT_AUTHORIZED',
    });
  });
});

describe('portal.fhir.capabilities', () => {
  it('reads the CapabilityStatement at metadata', async () => {
    const statement = { resourceType: 'CapabilityStatement', status: 'active', fhirVersion: '4.0.1' };
    const { fetch, portal } = setup(fhirJson(200, statement));
    expect(await portal.fhir.capabilities()).toEqual(statement);
    expect(fetch.requests[0]?.method).toBe('GET');
    expect(fetch.requests[0]?.headers.get('accept')).toBe('application/fhir+json');
  });

  it('is read without the session: no sign-in, no MFA prompt, no Authorization', async () => {
    const statement = { resourceType: 'CapabilityStatement', status: 'active', fhirVersion: '4.0.1' };
    const fetch = fakeFetch(fhirJson(200, statement));
    let prompted = 0;
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      fetch,
      clock: UNIT_CLOCK,
      credentials: {
        username: 'admin.a',
        password: 'Portal-Test-2026!',
        mfaCode: async () => {
          prompted += 1;
          return '246810';
        },
      },
    });
    expect(await portal.fhir.capabilities()).toEqual(statement);
    expect(fetch.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['GET /fhir/r4/metadata']);
    expect(fetch.requests[0]?.headers.has('authorization')).toBe(false);
    expect(prompted).toBe(0);
    // The other interactions still sign in first.
    const submit = setup(fhirJson(200, responseBundle('PA-00000001', 'pended', 'response')));
    await submit.portal.fhir.submitPriorAuthorization(requestBundle());
    expect(submit.fetch.requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });
});

describe('every portal.fhir method, given anything', () => {
  const methods = ['submitPriorAuthorization', 'inquire', 'capabilities'] as const;
  it.each(methods)('%s answers or rejects with a PortalError, never synchronously', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (first, second) => {
        const { fetch, portal } = setup(fhirJson(200, {}));
        const fn = portal.fhir[name] as (...args: unknown[]) => PromiseLike<unknown>;
        let outcome: unknown;
        try {
          outcome = await Promise.resolve(fn(first, second)).then(
            () => 'answered',
            (error: unknown) => error,
          );
        } catch (error) {
          outcome = new Error(`threw synchronously: ${String(error)}`);
        }
        if (outcome !== 'answered' && !(outcome instanceof PortalError)) {
          throw new Error(`fhir.${name} failed with ${String(outcome)}`);
        }
        if (outcome instanceof PortalValidationError) expect(fetch).not.toHaveBeenCalled();
      }),
      { numRuns: 60 },
    );
  });
});
