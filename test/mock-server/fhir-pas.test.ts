/**
 * The FHIR face of the mock portal (Da Vinci PAS 2.2.1 under /fhir/r4), called as a client would:
 * every answer is checked by the independent validator (@medplum/core over the FHIR R4 base
 * definitions), and every request shares the portal's records, rules, clock, sessions, sandboxes
 * and per-Tax-ID access.
 */
import type { Bundle, ClaimResponse, OperationOutcome, Parameters } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPasInquiryBundle } from '../../sdk/fhir/pas-inquiry.ts';
import { readPasResponse } from '../../sdk/fhir/pas-response.ts';
import { PAS_EXTENSIONS, PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from '../../sdk/fhir/systems.ts';
import { expectValidFhir } from '../support/fhir-validator.ts';
import { fhirCall, pasRequest } from './fhir-support.ts';
import {
  activeMember,
  LOPEZ_A,
  openPortal,
  preauthorizationBody,
  RIVERA_B,
  sharedMember,
  TAX_ID_A,
  TAX_ID_B,
  type TestPortal,
} from './transactions-support.ts';

function claimResponseOf(bundle: Bundle): ClaimResponse {
  return bundle.entry?.[0]?.resource as ClaimResponse;
}

function issueCodes(outcome: OperationOutcome): string[] {
  return outcome.issue.map((issue) => issue.details?.coding?.[0]?.code ?? '');
}

function inquiry(memberId: string, referenceId?: string, provider = LOPEZ_A): Bundle {
  return toPasInquiryBundle(
    {
      memberId,
      healthPlan: 'emblemhealth',
      requestingProvider: provider,
      ...(referenceId === undefined ? {} : { referenceId }),
    },
    { transactionId: 'INQ-0001', timestamp: '2026-11-23T14:00:00Z' },
  );
}

async function inquire(portal: TestPortal, token: string, body: Bundle): Promise<Bundle[]> {
  const answer = await fhirCall(portal, 'POST', '/Claim/$inquire', { token, body });
  expect(answer.status).toBe(200);
  expectValidFhir(answer.body);
  const parameters = answer.body as Parameters;
  expect(parameters.resourceType).toBe('Parameters');
  return (parameters.parameter ?? []).map((parameter) => {
    expect(parameter.name).toBe('return');
    return parameter.resource as Bundle;
  });
}

/** A member only Tax ID B may act for (for clinical.a it does not exist). */
function memberOfTaxIdBOnly(portal: TestPortal) {
  return portal.member(
    (member) =>
      member.visibleToTaxIds.includes(TAX_ID_B) &&
      !member.visibleToTaxIds.includes(TAX_ID_A) &&
      member.details.status === 'active' &&
      member.details.coverageEndDate === '9999-12-31' &&
      member.details.coverageStartDate <= '2026-01-01' &&
      member.details.delegated === undefined,
  );
}

describe('POST /fhir/r4/Claim/$submit', () => {
  it('creates the portal preauthorization and answers a valid PAS Response Bundle echoing the request', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const request = pasRequest(member.details.memberId, { notes: 'Knee pain for 8 weeks.' });
    const answer = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: request,
      headers: { prefer: 'outcome=pended' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(answer.headers.get('preference-applied')).toBe('outcome=pended');
    const bundle = answer.body as Bundle;
    expectValidFhir(bundle);
    expect(bundle.meta?.profile).toEqual([PAS_PROFILES.responseBundle]);
    // PAS Response Bundle: identifier 1..1, the submitter's transaction identifier echoed.
    expect(bundle.identifier).toEqual(request.identifier);
    const claimResponse = claimResponseOf(bundle);
    expect(claimResponse.resourceType).toBe('ClaimResponse');
    expect(claimResponse.preAuthRef).toMatch(/^PA-\d{8}$/);
    expect(claimResponse.request?.reference).toBe(request.entry?.[0]?.fullUrl);
    // "the same fullUrl and resource identifiers are used in the response as appeared in the request"
    const patientUrl = request.entry?.[1]?.fullUrl;
    expect(claimResponse.patient.reference).toBe(patientUrl);
    expect(bundle.entry?.map((entry) => entry.fullUrl)).toContain(patientUrl);
    const action = claimResponse.item?.[0]?.adjudication[0]?.extension?.[0]?.extension?.[0];
    expect(action?.url).toBe(PAS_EXTENSIONS.reviewActionCode);
    expect(action?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: SYSTEMS.x12ReviewAction,
      code: 'A4',
    });
    expect(readPasResponse(bundle)).toMatchObject({
      status: 'pended',
      referenceId: claimResponse.preAuthRef,
    });

    // One set of records: the portal API finds it, with what the Bundle said.
    const id = claimResponse.preAuthRef;
    const search = await portal.call('GET', `/api/v1/preauthorizations?memberId=${member.details.memberId}`, {
      token,
    });
    expect(search.body.data.map((row: { referenceId: string }) => row.referenceId)).toEqual([id]);
    const details = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      status: 'pended',
      notes: 'Knee pain for 8 weeks.',
      requestingProvider: LOPEZ_A,
      diagnoses: [{ code: 'M17.11', primary: true }],
      serviceLines: [{ lineNumber: 1, procedureCode: '29881', units: 2 }],
      requestDate: '2026-11-23',
    });
    // The request log names the FHIR interaction.
    const log = await portal.call('GET', '/__admin/requests');
    expect(log.body.entries.map((entry: { operationId: string }) => entry.operationId)).toContain(
      'fhir:Claim/$submit',
    );
  });

  it('answers the ClaimResponse from the receipt while the portal shows no details yet (details=pending)', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const answer = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId),
      headers: { prefer: 'outcome=pended, details=pending' },
    });
    expect(answer.status).toBe(200);
    expectValidFhir(answer.body);
    const claimResponse = claimResponseOf(answer.body);
    expect(readPasResponse(answer.body)).toMatchObject({
      status: 'pended',
      referenceId: claimResponse.preAuthRef,
    });
    expect(claimResponse.item?.map((item) => item.itemSequence)).toEqual([1]);
    // The portal itself does not open them yet.
    const details = await portal.call('GET', `/api/v1/preauthorizations/${claimResponse.preAuthRef}`, {
      token,
    });
    expect(details.body.code).toBe('PREAUTH_DETAILS_PENDING');
  });

  it('refuses day 181 with the portal rule code and the element to fix, and takes day 180', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    // Request date 2026-11-23: day 180 is 2027-05-22.
    const line = (end: string) => [
      { procedureCode: '29881', units: 2, serviceStartDate: '2026-12-01', serviceEndDate: end },
    ];
    const refused = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId, {
        serviceEndDate: '2027-05-23',
        serviceLines: line('2027-05-23'),
      }),
    });
    expect(refused.status).toBe(422);
    expectValidFhir(refused.body);
    const outcome = refused.body as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({
      severity: 'error',
      code: 'business-rule',
      details: { coding: [{ system: PORTAL_SYSTEMS.problemCode, code: 'SERVICE_END_BEYOND_180_DAYS' }] },
    });
    expect(outcome.issue.flatMap((issue) => issue.expression ?? [])).toContain(
      'Bundle.entry[0].resource.supportingInfo[0].timingPeriod.end',
    );
    // Nothing was created.
    const none = await portal.call('GET', `/api/v1/preauthorizations?memberId=${member.details.memberId}`, {
      token,
    });
    expect(none.body.data).toEqual([]);

    const taken = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId, {
        serviceEndDate: '2027-05-22',
        serviceLines: line('2027-05-22'),
      }),
    });
    expect(taken.status).toBe(200);
  });

  it('names the item element of a malformed CPT code and the provider of a TIN + NPI + address mismatch', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const answer = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId, {
        serviceLines: [
          { procedureCode: '2988', units: 2, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
        ],
      }),
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expectValidFhir(answer.body);
    const cpt = (answer.body as OperationOutcome).issue.find(
      (issue) => issue.details?.coding?.[0]?.code === 'INVALID_CPT_CODE' || issue.code === 'structure',
    );
    expect(cpt?.expression?.[0]).toMatch(/^Bundle\.entry\[0\]\.resource\.item\[0\]/);

    const mismatch = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId, {
        requestingProvider: { ...LOPEZ_A, address: { ...LOPEZ_A.address, zip: '06103' } },
      }),
    });
    expect(mismatch.status).toBe(422);
    expect(issueCodes(mismatch.body)).toContain('PROVIDER_IDENTITY_MISMATCH');
    expect((mismatch.body as OperationOutcome).issue[0]?.expression?.[0]).toMatch(
      /^Bundle\.entry\[0\]\.resource\.provider/,
    );
  });

  it('answers a member of another Tax ID exactly as a member that does not exist', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const other = memberOfTaxIdBOnly(portal);
    const hidden = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(other.details.memberId),
    });
    const unknown = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest('K0000000000'),
    });
    expect(hidden.status).toBe(unknown.status);
    expect(hidden.status).toBeGreaterThanOrEqual(400);
    expect(issueCodes(hidden.body)).toEqual(issueCodes(unknown.body));
    expect(JSON.stringify(hidden.body)).not.toContain(other.details.memberId);
    expect(JSON.stringify(hidden.body)).not.toContain(other.details.lastName);
  });

  it('acts only for the Tax IDs and permissions of the session', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const unsigned = await fhirCall(portal, 'POST', '/Claim/$submit', {
      body: pasRequest(member.details.memberId),
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.issue[0].code).toBe('login');
    expectValidFhir(unsigned.body);
    // clinical.a does not act for Tax ID B's provider.
    const token = await portal.token('clinical.a');
    const foreign = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId, { requestingProvider: RIVERA_B }),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.issue[0].code).toBe('forbidden');
  });

  it('replays an Idempotency-Key once-only: the same request answers the same preauthorization', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const body = pasRequest(member.details.memberId);
    const headers = { 'idempotency-key': 'fhir-submit-0001' };
    const first = await fhirCall(portal, 'POST', '/Claim/$submit', { token, body, headers });
    const again = await fhirCall(portal, 'POST', '/Claim/$submit', { token, body, headers });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(claimResponseOf(again.body).preAuthRef).toBe(claimResponseOf(first.body).preAuthRef);
    const search = await portal.call('GET', `/api/v1/preauthorizations?memberId=${member.details.memberId}`, {
      token,
    });
    expect(search.body.data).toHaveLength(1);
    const reused = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId, { urgency: 'expedited' }),
      headers,
    });
    expect(reused.status).toBe(409);
    expect(issueCodes(reused.body)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('keeps each sandbox its own: a request submitted in one is not in another', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const opened = await portal.call('POST', '/__admin/sandboxes', { json: {} });
    const sandbox = { 'x-mock-sandbox': opened.body.sandboxId };
    const session = await portal.call('POST', '/__admin/sessions', {
      json: { username: 'clinical.a' },
      headers: sandbox,
    });
    const submitted = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token: session.body.token,
      body: pasRequest(member.details.memberId),
      headers: sandbox,
    });
    expect(submitted.status).toBe(200);
    const token = await portal.token('clinical.a');
    expect(await inquire(portal, token, inquiry(member.details.memberId))).toEqual([]);
  });
});

describe('POST /fhir/r4/Claim/$inquire', () => {
  it('finds a request made in the portal, by member and by reference number, with a derived Patient', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
      headers: { prefer: 'outcome=approved' },
    });
    expect(created.status).toBe(201);
    const id = created.body.referenceId;
    for (const body of [inquiry(member.details.memberId), inquiry(member.details.memberId, id)]) {
      const bundles = await inquire(portal, token, body);
      expect(bundles).toHaveLength(1);
      const bundle = bundles[0] as Bundle;
      expect(bundle.meta?.profile).toEqual([PAS_PROFILES.inquiryResponseBundle]);
      const claimResponse = claimResponseOf(bundle);
      expect(claimResponse.meta?.profile).toEqual([PAS_PROFILES.claimInquiryResponse]);
      expect(claimResponse.preAuthRef).toBe(id);
      expect(readPasResponse(bundle)).toMatchObject({ status: 'approved', referenceId: id });
      expect(
        claimResponse.item?.[0]?.adjudication[0]?.extension?.[0]?.extension?.[0]?.valueCodeableConcept
          ?.coding?.[0]?.code,
      ).toBe('A1');
    }
    // No request of that number: no Bundle (0..* return).
    expect(await inquire(portal, token, inquiry(member.details.memberId, 'PA-99999999'))).toEqual([]);
  });

  it('never shows another Tax ID its requests: the answer is that of a request that does not exist', async () => {
    const portal = openPortal();
    // A member both Tax IDs may act for: the request is Tax ID A's, not the member.
    const member = sharedMember(portal);
    const tokenA = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token: tokenA,
      json: preauthorizationBody(member.details.memberId),
    });
    const id = created.body.referenceId;
    const tokenB = await portal.token('admin.b');
    expect(await inquire(portal, tokenB, inquiry(member.details.memberId, id, RIVERA_B))).toEqual([]);
    expect(await inquire(portal, tokenB, inquiry(member.details.memberId, undefined, RIVERA_B))).toEqual([]);
    expect(await inquire(portal, tokenB, inquiry(member.details.memberId, 'PA-99999999', RIVERA_B))).toEqual(
      [],
    );
    expect(await inquire(portal, tokenB, inquiry('K0000000000', undefined, RIVERA_B))).toEqual([]);
    // Tax ID A sees it.
    expect(await inquire(portal, tokenA, inquiry(member.details.memberId, id))).toHaveLength(1);
  });

  it('refuses an inquiry that does not name the member (PAS: the patient is identified by member identifier)', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const body = inquiry('K0000000000');
    const patient = body.entry?.[1]?.resource as { identifier?: unknown };
    const coverage = body.entry?.[2]?.resource as { identifier?: unknown; subscriberId?: unknown };
    delete patient.identifier;
    delete coverage.identifier;
    delete coverage.subscriberId;
    const answer = await fhirCall(portal, 'POST', '/Claim/$inquire', { token, body });
    expect(answer.status).toBe(400);
    expectValidFhir(answer.body);
    expect(answer.body.issue[0]).toMatchObject({
      code: 'required',
      expression: ['Bundle.entry[1].resource.identifier'],
    });
  });
});

describe('the FHIR endpoints as HTTP', () => {
  it('answer OperationOutcomes for what they do not take, and 5XX without a body', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const member = activeMember(portal);
    const cases: [string, Awaited<ReturnType<typeof fhirCall>>, number, string][] = [
      ['unknown path', await fhirCall(portal, 'GET', '/Patient/1', { token }), 404, 'not-found'],
      ['wrong method', await fhirCall(portal, 'GET', '/Claim/$submit', { token }), 405, 'processing'],
      [
        'not a Bundle',
        await fhirCall(portal, 'POST', '/Claim/$submit', { token, body: { resourceType: 'Claim' } }),
        400,
        'structure',
      ],
      [
        'another media type',
        await fhirCall(portal, 'POST', '/Claim/$submit', {
          token,
          body: pasRequest(member.details.memberId),
          headers: { 'content-type': 'text/plain' },
        }),
        415,
        'not-supported',
      ],
    ];
    for (const [name, answer, status, code] of cases) {
      expect({ name, status: answer.status }).toEqual({ name, status });
      expectValidFhir(answer.body);
      expect({ name, code: answer.body.issue[0].code }).toEqual({ name, code });
    }
    expect(cases[1]?.[1].headers.get('allow')).toBe('POST');

    const tooLarge = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: { ...pasRequest(member.details.memberId), padding: 'x'.repeat(1024 * 1024) },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.issue[0].code).toBe('too-costly');

    const unavailable = await fhirCall(portal, 'POST', '/Claim/$submit', {
      token,
      body: pasRequest(member.details.memberId),
      headers: { prefer: 'status=503' },
    });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toBeUndefined();
    expect(unavailable.headers.get('retry-after')).toBe('1');
  });

  it('takes the operation name percent-encoded ($ as %24)', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const member = activeMember(portal);
    const answer = await fhirCall(portal, 'POST', '/Claim/%24submit', {
      token,
      body: pasRequest(member.details.memberId),
    });
    expect(answer.status).toBe(200);
  });
});

describe('GET /fhir/r4/metadata', () => {
  it('answers a valid CapabilityStatement naming PAS 2.2.1, $submit and $inquire, at this server', async () => {
    const portal = openPortal();
    const answer = await fhirCall(portal, 'GET', '/metadata');
    expect(answer.status).toBe(200);
    expectValidFhir(answer.body);
    expect(answer.body).toMatchObject({
      resourceType: 'CapabilityStatement',
      fhirVersion: '4.0.1',
      implementation: { url: 'http://mock.test/fhir/r4' },
      software: { version: '0.1.0' },
    });
    expect(JSON.stringify(answer.body)).toContain(
      'http://hl7.org/fhir/us/davinci-pas/ImplementationGuide/hl7.fhir.us.davinci-pas|2.2.1',
    );
    const operations = answer.body.rest[0].resource.find(
      (r: { type: string }) => r.type === 'Claim',
    ).operation;
    expect(operations.map((o: { name: string }) => o.name).sort()).toEqual(['inquire', 'submit']);
  });
});

describe('the FHIR endpoints under any body', () => {
  it('never answer 5XX or a body that is not FHIR: anything is a valid OperationOutcome or an answer', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const member = activeMember(portal);
    const valid = pasRequest(member.details.memberId);
    // Arbitrary JSON, and the builder's Bundle with one element replaced by arbitrary JSON.
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => {
            const path = [...prefix, Array.isArray(value) ? Number(key) : key];
            return [path, ...paths(inner, path)];
          })
        : [];
    const all = paths(valid);
    const mutated = fc.tuple(fc.nat({ max: all.length - 1 }), fc.jsonValue()).map(([index, replacement]) => {
      const copy = structuredClone(valid) as unknown as Record<string | number, unknown>;
      const path = all[index] ?? [];
      let target = copy;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      const last = path.at(-1);
      if (last !== undefined) target[last] = replacement;
      return copy;
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), mutated),
        fc.constantFrom('$submit', '$inquire'),
        async (body, op) => {
          const answer = await fhirCall(portal, 'POST', `/Claim/${op}`, { token, body });
          expect(answer.status).toBeLessThan(500);
          expectValidFhir(answer.body);
          if (answer.status >= 400) expect(answer.body.resourceType).toBe('OperationOutcome');
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  }, 120_000);
});
