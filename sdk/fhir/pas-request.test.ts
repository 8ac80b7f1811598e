/**
 * The PAS request mapping (pas-request.ts): what the builder writes is valid FHIR R4 and keeps the PAS
 * request profiles' mandatory rules, reads back as the request it came from, and the reader names
 * what is wrong with any other Bundle, never throwing.
 *
 * IG pages cited: https://hl7.org/fhir/us/davinci-pas/STU2/<page>.html (PAS 2.2.1).
 */
import type { Bundle, Claim, ClaimItem, Coverage, Organization, Patient } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectValidFhir, fhirIssues } from '../../test/support/fhir-validator.ts';
import {
  ADMISSION_REQUEST,
  DME_REQUEST,
  GROUP,
  normalizedRequest,
  type PreauthorizationCreate,
  PT_REQUEST,
  preauthorizationCreateArb,
  REQUEST_OPTIONS,
  THERAPIST,
} from '../../test/support/pas-fixtures.ts';
import { SERVICE_TYPE_X12 } from './codes.ts';
import { fhirPathOf, readPasRequestBundle, toPasRequestBundle } from './pas-request.ts';
import { PAS_EXTENSIONS, PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';

const IG = 'https://hl7.org/fhir/us/davinci-pas/STU2';

function build(request: PreauthorizationCreate = PT_REQUEST): Bundle {
  return toPasRequestBundle(request, REQUEST_OPTIONS);
}

function claimOf(bundle: Bundle): Claim {
  return bundle.entry?.[0]?.resource as Claim;
}

/** The resource a Bundle-local reference points at. */
function target<T>(bundle: Bundle, reference: string | undefined): T {
  const entry = bundle.entry?.find((e) => e.fullUrl === reference);
  if (entry === undefined) throw new Error(`no entry ${String(reference)}`);
  return entry.resource as T;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

const SERVICE_TYPES = Object.keys(SERVICE_TYPE_X12) as PreauthorizationCreate['serviceType'][];

describe('toPasRequestBundle: valid FHIR R4', () => {
  it.each([
    ['physical therapy, two lines, servicing ≠ requesting', PT_REQUEST],
    ['expedited admission, servicing = requesting', ADMISSION_REQUEST],
    ['DME with HCPCS codes and a dashed Tax ID', DME_REQUEST],
  ])('%s', (_name, request) => {
    expectValidFhir(build(request));
  });

  it.each(
    SERVICE_TYPES.flatMap((serviceType) =>
      (['standard', 'expedited'] as const).map((urgency) => [serviceType, urgency] as const),
    ),
  )('%s, %s', (serviceType, urgency) => {
    expectValidFhir(build({ ...PT_REQUEST, serviceType, urgency }));
  });

  it('a request with 50 lines and 12 diagnoses', () => {
    const line = PT_REQUEST.serviceLines[0];
    if (line === undefined) throw new Error('fixture');
    const request: PreauthorizationCreate = {
      ...PT_REQUEST,
      diagnoses: Array.from({ length: 12 }, (_, i) => ({ code: `M54.${10 + i}` })),
      serviceLines: Array.from({ length: 50 }, () => line),
    };
    const bundle = build(request);
    expectValidFhir(bundle);
    expect(claimOf(bundle).item?.map((item) => item.sequence)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('every valid-shaped request (property)', () => {
    fc.assert(
      fc.property(preauthorizationCreateArb, (request) => {
        expect(fhirIssues(build(request))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('is pure: the same request and options give the same Bundle, another transaction other full URLs', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
    const other = toPasRequestBundle(PT_REQUEST, { ...REQUEST_OPTIONS, transactionId: 'TX-2' });
    expect(other.entry?.[0]?.fullUrl).not.toBe(build().entry?.[0]?.fullUrl);
    expect(() => toPasRequestBundle(PT_REQUEST, { ...REQUEST_OPTIONS, timestamp: 'yesterday' })).toThrow(
      RangeError,
    );
  });
});

describe('readPasRequestBundle ∘ toPasRequestBundle: the request back', () => {
  it.each([
    ['physical therapy (primary diagnosis, modifiers, notes, line2)', PT_REQUEST],
    ['admission (servicing = requesting)', ADMISSION_REQUEST],
    ['DME (HCPCS, dashed Tax ID)', DME_REQUEST],
  ])('%s', (_name, request) => {
    const reading = readPasRequestBundle(build(request));
    expect(reading.issues).toEqual([]);
    expect(reading.request).toEqual(request);
  });

  it('every valid-shaped request (property)', () => {
    fc.assert(
      fc.property(preauthorizationCreateArb, (request) => {
        const reading = readPasRequestBundle(build(request));
        expect(reading.issues).toEqual([]);
        expect(reading.request).toEqual(request);
      }),
      { numRuns: 200 },
    );
  });

  it('the same provider at two practice addresses stays two providers', () => {
    const elsewhere = { ...GROUP, address: { ...GROUP.address, line1: '1 Main St' } };
    const request = { ...PT_REQUEST, servicingProvider: elsewhere };
    const bundle = build(request);
    expect(bundle.entry?.filter((e) => e.resource?.resourceType === 'Organization')).toHaveLength(3);
    expect(readPasRequestBundle(bundle).request).toEqual(request);
  });

  it('values FHIR cannot write read back as absent (empty line2, blank notes, no modifiers, primary false)', () => {
    const request: PreauthorizationCreate = {
      ...PT_REQUEST,
      servicingProvider: { ...THERAPIST, address: { ...THERAPIST.address, line2: '' } },
      diagnoses: [{ code: 'M54.50', primary: false }],
      serviceLines: PT_REQUEST.serviceLines.map((line) => ({ ...line, modifiers: [] })),
      notes: '   ',
    };
    const bundle = build(request);
    expectValidFhir(bundle);
    expect(JSON.stringify(bundle)).not.toMatch(/"(valueString|line)":\s*("\s*"|\[[^\]]*""\])/);
    expect(readPasRequestBundle(bundle).request).toEqual(normalizedRequest(request));
  });

  it('reads the paths of every field it read', () => {
    const { paths } = readPasRequestBundle(build());
    expect(paths).toMatchObject({
      memberId: 'Bundle.entry[1].resource.identifier',
      urgency: 'Bundle.entry[0].resource.priority',
      serviceType: 'Bundle.entry[0].resource.item[0].category',
      requestingProvider: 'Bundle.entry[0].resource.provider',
      servicingProvider: 'Bundle.entry[0].resource.careTeam[0].provider',
      'diagnoses[1].code': 'Bundle.entry[0].resource.diagnosis[1].diagnosisCodeableConcept',
      serviceStartDate: 'Bundle.entry[0].resource.supportingInfo[0].timingPeriod.start',
      'serviceLines[1].units': 'Bundle.entry[0].resource.item[1].quantity.value',
      'serviceLines[0].procedureCode': 'Bundle.entry[0].resource.item[0].productOrService',
    });
  });
});

describe('fhirPathOf: the element a portal rule names', () => {
  const { paths } = readPasRequestBundle(build());

  it.each([
    ['serviceLines[0].units', 'Bundle.entry[0].resource.item[0].quantity.value'],
    ['$.serviceLines[1].serviceEndDate', 'Bundle.entry[0].resource.item[1].servicedPeriod.end'],
    ['serviceLines[1].modifiers[0]', 'Bundle.entry[0].resource.item[1].modifier'],
    ['requestingProvider.npi', 'Bundle.entry[0].resource.provider'],
    ['diagnoses[0].code', 'Bundle.entry[0].resource.diagnosis[0].diagnosisCodeableConcept'],
    ['memberId', 'Bundle.entry[1].resource.identifier'],
    ['serviceLines[7]', 'Bundle.entry[0].resource.item'],
    ['unexpected', 'Bundle.entry[0].resource'],
    ['', 'Bundle.entry[0].resource'],
  ])('%s → %s', (path, expected) => {
    expect(fhirPathOf(path, paths)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// Broken Bundles

function broken(change: (bundle: Bundle) => unknown): ReturnType<typeof readPasRequestBundle> {
  const bundle = clone(build()) as Bundle;
  const replaced = change(bundle);
  return readPasRequestBundle(replaced === undefined ? bundle : replaced);
}

function expressions(reading: ReturnType<typeof readPasRequestBundle>): string[] {
  return reading.issues.map((issue) => `${issue.code} ${issue.expression}`);
}

describe('readPasRequestBundle: what is wrong, and where', () => {
  it('not a Bundle', () => {
    for (const body of [null, 'Bundle', [], { resourceType: 'Claim' }]) {
      expect(expressions(readPasRequestBundle(body))).toEqual(['structure Bundle']);
    }
  });

  it('no Claim at all', () => {
    const reading = broken((b) => {
      b.entry = (b.entry ?? []).slice(1);
    });
    expect(expressions(reading)).toEqual(['invariant Bundle.entry[0].resource']);
    expect(reading.issues[0]?.diagnostics).toMatch(/ClaimFirst/);
    expect(reading.request).toEqual({});
  });

  it('the Claim not first (ClaimFirst)', () => {
    const reading = broken((b) => {
      b.entry?.reverse();
    });
    expect(expressions(reading)).toContain('invariant Bundle.entry[0].resource');
  });

  it('an empty Bundle', () => {
    expect(expressions(broken((b) => ({ ...b, entry: [] })))).toEqual(['invariant Bundle.entry[0].resource']);
  });

  it('use other than preauthorization', () => {
    const reading = broken((b) => {
      claimOf(b).use = 'claim';
    });
    expect(expressions(reading)).toEqual(['value Bundle.entry[0].resource.use']);
  });

  it('type other than collection, no identifier, no timestamp', () => {
    const reading = broken((b) => {
      b.type = 'transaction';
      delete b.identifier;
      delete b.timestamp;
    });
    expect(expressions(reading)).toEqual([
      'value Bundle.type',
      'required Bundle.identifier',
      'required Bundle.timestamp',
    ]);
  });

  it('an entry without fullUrl, an entry without resource', () => {
    const reading = broken((b) => {
      delete b.entry?.[2]?.fullUrl;
      b.entry?.push({ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    });
    expect(expressions(reading)).toEqual([
      'required Bundle.entry[2].fullUrl',
      'required Bundle.entry[6].resource',
    ]);
  });

  it('two Claims (a PAS Claim Update) and a related claim are not supported', () => {
    const reading = broken((b) => {
      b.entry?.push({ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: claimOf(b) });
      claimOf(b).related = [{ claim: { reference: 'Claim/1' } }];
    });
    expect(expressions(reading)).toEqual([
      'not-supported Bundle.entry',
      'not-supported Bundle.entry[0].resource.related',
    ]);
  });

  it('no patient reference: the member ID is missing, named at Claim.patient', () => {
    const reading = broken((b) => {
      delete (claimOf(b) as Partial<Claim>).patient;
      delete (claimOf(b) as Partial<Claim>).insurance;
    });
    expect(reading.request.memberId).toBeUndefined();
    expect(reading.paths.memberId).toBe('Bundle.entry[0].resource.patient');
    expect(fhirPathOf('memberId', reading.paths)).toBe('Bundle.entry[0].resource.patient');
  });

  it('a patient reference to nowhere falls back to the Coverage member identifier', () => {
    const reading = broken((b) => {
      claimOf(b).patient = { reference: 'urn:uuid:00000000-0000-4000-8000-00000000dead' };
    });
    expect(reading.request.memberId).toBe(PT_REQUEST.memberId);
  });

  it('a provider reference to nowhere: the requesting provider is missing, named at Claim.provider', () => {
    const reading = broken((b) => {
      claimOf(b).provider = { reference: 'Organization/unknown' };
    });
    expect(reading.request.requestingProvider).toBeUndefined();
    expect(fhirPathOf('requestingProvider.taxId', reading.paths)).toBe('Bundle.entry[0].resource.provider');
  });

  it('items of two categories: the portal takes one service type per request', () => {
    const reading = broken((b) => {
      const item = claimOf(b).item?.[1] as ClaimItem;
      item.category = { coding: [{ system: SYSTEMS.x12ServiceType, code: 'AD' }] };
    });
    expect(expressions(reading)).toEqual(['business-rule Bundle.entry[0].resource.item[1].category']);
  });

  it('a line without quantity or code is read without them, for the portal rules to name', () => {
    const reading = broken((b) => {
      const item = claimOf(b).item?.[0] as ClaimItem;
      delete item.quantity;
      delete (item as Partial<ClaimItem>).productOrService;
    });
    const lines = reading.request.serviceLines as Record<string, unknown>[];
    expect(lines[0]).not.toHaveProperty('units');
    expect(lines[0]).not.toHaveProperty('procedureCode');
    expect(fhirPathOf('serviceLines[0].units', reading.paths)).toBe(
      'Bundle.entry[0].resource.item[0].quantity.value',
    );
  });

  it('another client’s Bundle: references as Type/id, X12 codes only, a CPT code without our systems', () => {
    const reading = broken((b) => {
      for (const entry of b.entry ?? []) {
        const resource = entry.resource as Patient;
        resource.id = `id${b.entry?.indexOf(entry)}`;
        entry.fullUrl = `http://ehr.example/fhir/${resource.resourceType}/${resource.id}`;
      }
      const claim = claimOf(b);
      claim.patient = { reference: 'Patient/id1' };
      claim.provider = { reference: 'Organization/id4' };
      const member = claim.careTeam?.[0];
      if (member !== undefined) member.provider = { reference: 'Organization/id5' };
      claim.insurance = [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/id2' } }];
      for (const item of claim.item ?? []) {
        item.category = { coding: [{ system: SYSTEMS.x12ServiceType, code: 'PT' }] };
      }
      target<Patient>(b, 'http://ehr.example/fhir/Patient/id1').identifier = [
        {
          type: { coding: [{ system: SYSTEMS.identifierType, code: 'MB' }] },
          system: 'urn:plan',
          value: 'K5500648801',
        },
      ];
    });
    expect(reading.issues).toEqual([]);
    expect(reading.request).toEqual(PT_REQUEST);
  });
});

describe('readPasRequestBundle never throws', () => {
  it('on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const reading = readPasRequestBundle(value);
        expect(reading.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('on any Bundle-shaped value (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ resourceType: fc.constant('Bundle'), type: fc.anything(), entry: fc.anything() }),
        (value) => {
          expect(() => readPasRequestBundle(value)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on a built Bundle with any one element replaced by any value (property)', () => {
    const original = build();
    const slots: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (path.length > 0) slots.push(path);
      if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
        }
      }
    };
    walk(original, []);
    fc.assert(
      fc.property(fc.nat({ max: slots.length - 1 }), fc.anything(), (slot, replacement) => {
        const bundle = clone(original) as unknown as Record<string | number, unknown>;
        const path = slots[slot] ?? [];
        let parent = bundle;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1) as string | number] = replacement;
        const reading = readPasRequestBundle(bundle);
        expect(Array.isArray(reading.issues)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// PAS mandatory constraints, as the builder writes them

describe(`PAS Request Bundle (${IG}/StructureDefinition-profile-pas-request-bundle.html)`, () => {
  const bundle = build();

  it('names the profile, is a collection with identifier 1..1 and timestamp 1..1', () => {
    expect(bundle.meta?.profile).toEqual([PAS_PROFILES.requestBundle]);
    expect(bundle.type).toBe('collection');
    expect(bundle.identifier).toEqual({
      system: `urn:trnorg:1${GROUP.taxId}`,
      value: REQUEST_OPTIONS.transactionId,
    });
    expect(bundle.timestamp).toBe(REQUEST_OPTIONS.timestamp);
  });

  it('ClaimFirst: "entry.first().resource is Claim", and one Claim (slice Claim 1..2)', () => {
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe('Claim');
    expect(bundle.entry?.filter((e) => e.resource?.resourceType === 'Claim')).toHaveLength(1);
  });

  it('entry.fullUrl 1..1 and entry.resource 1..1, unique; entry.search/request/response 0..0', () => {
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(entry.resource).toBeDefined();
      expect(Object.keys(entry).sort()).toEqual(['fullUrl', 'resource']);
    }
    expect(new Set(bundle.entry?.map((e) => e.fullUrl)).size).toBe(bundle.entry?.length);
  });

  it('every reference of every entry resolves inside the Bundle', () => {
    const urls = new Set(bundle.entry?.map((e) => e.fullUrl));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]*"/g) ?? [];
    expect(references.length).toBeGreaterThan(5);
    for (const reference of references) expect(urls.has(reference.slice(13, -1))).toBe(true);
  });
});

describe(`PAS Claim (${IG}/StructureDefinition-profile-claim.html)`, () => {
  const bundle = build();
  const claim = claimOf(bundle);
  const items = claim.item ?? [];

  it('profile, status = active, use = preauthorization, type from Claim Types', () => {
    expect(claim.meta?.profile).toEqual([PAS_PROFILES.claim]);
    expect(claim.status).toBe('active');
    expect(claim.use).toBe('preauthorization');
    expect(claim.type.coding?.[0]).toEqual({ system: SYSTEMS.claimType, code: 'professional' });
    expect(claimOf(build(ADMISSION_REQUEST)).type.coding?.[0]?.code).toBe('institutional');
  });

  it('identifier 1..2, each a PAS Identifier (system 1..1, value 1..1), urn:trnorg scheme', () => {
    expect(claim.identifier).toHaveLength(1);
    expect(claim.identifier?.[0]).toEqual({
      system: `urn:trnorg:1${GROUP.taxId}`,
      value: REQUEST_OPTIONS.transactionId,
    });
  });

  it('patient → PAS Beneficiary, insurer 1..1 → PAS Insurer, provider → PAS Requestor', () => {
    expect(target<Patient>(bundle, claim.patient.reference).meta?.profile).toEqual([
      PAS_PROFILES.beneficiary,
    ]);
    const insurer = target<Organization>(bundle, claim.insurer?.reference);
    expect(insurer.meta?.profile).toEqual([PAS_PROFILES.insurer]);
    expect(target<Organization>(bundle, claim.provider?.reference).meta?.profile).toEqual([
      PAS_PROFILES.requestor,
    ]);
  });

  it('careTeam: every member with careTeamClaimScope (1..1), the servicing provider as overall member', () => {
    expect(claim.careTeam).toHaveLength(1);
    const member = claim.careTeam?.[0];
    expect(member?.extension).toEqual([{ url: PAS_EXTENSIONS.careTeamClaimScope, valueBoolean: true }]);
    expect(member?.role?.coding?.[0]).toMatchObject({ system: SYSTEMS.x12EntityIdentifier, code: 'SJ' });
    const servicing = target<Organization>(bundle, member?.provider.reference);
    expect(servicing.name).toBe(THERAPIST.name);
    expect(items.every((item) => item.careTeamSequence?.[0] === member?.sequence)).toBe(true);
  });

  it('careTeam.provider is the requestor Organization when servicing = requesting', () => {
    const admission = build(ADMISSION_REQUEST);
    const c = claimOf(admission);
    expect(c.careTeam?.[0]?.provider.reference).toBe(c.provider?.reference);
    expect(admission.entry?.filter((e) => e.resource?.resourceType === 'Organization')).toHaveLength(2);
  });

  it('insurance: focal = true, coverage → PAS Coverage', () => {
    expect(claim.insurance).toEqual([
      { sequence: 1, focal: true, coverage: { reference: expect.any(String) } },
    ]);
    expect(target<Coverage>(bundle, claim.insurance?.[0]?.coverage.reference).meta?.profile).toEqual([
      PAS_PROFILES.coverage,
    ]);
  });

  it('diagnosis: ICD-10-CM (X12 278 Diagnosis Code, required), type 0..1 from X12 278 Diagnosis Type (principal)', () => {
    expect(claim.diagnosis?.map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.system)).toEqual([
      SYSTEMS.icd10cm,
      SYSTEMS.icd10cm,
    ]);
    expect(claim.diagnosis?.[0]?.type).toEqual([
      { coding: [{ system: SYSTEMS.pasTempCodes, code: 'principal', display: 'Principal Diagnosis' }] },
    ]);
    expect(claim.diagnosis?.[1]?.type).toBeUndefined();
  });

  it('item 1..*: requestType 1..1 and certificationType 1..1 extensions (ImmediateLevelOfCare not triggered)', () => {
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const urls = item.extension?.map((e) => e.url);
      expect(urls?.filter((url) => url === PAS_EXTENSIONS.serviceItemRequestType)).toHaveLength(1);
      expect(urls?.filter((url) => url === PAS_EXTENSIONS.certificationType)).toHaveLength(1);
      const certification = item.extension?.find((e) => e.url === PAS_EXTENSIONS.certificationType);
      expect(certification?.valueCodeableConcept?.coding?.[0]).toMatchObject({
        system: SYSTEMS.x12CertificationType,
        code: 'I',
      });
      // ImmediateLevelOfCare: certification type 1 (immediate appeal) would need a level of service code.
      expect(certification?.valueCodeableConcept?.coding?.[0]?.code).not.toBe('1');
    }
    const admission = claimOf(build(ADMISSION_REQUEST)).item?.[0];
    expect(
      admission?.extension?.find((e) => e.url === PAS_EXTENSIONS.serviceItemRequestType)?.valueCodeableConcept
        ?.coding?.[0]?.code,
    ).toBe('AR');
  });

  it('item.category 1..1 with an X12 1365 service type code (required binding)', () => {
    for (const serviceType of SERVICE_TYPES) {
      for (const item of claimOf(build({ ...PT_REQUEST, serviceType })).item ?? []) {
        const x12 = item.category?.coding?.filter((c) => c.system === SYSTEMS.x12ServiceType);
        expect(x12).toEqual([{ system: SYSTEMS.x12ServiceType, ...SERVICE_TYPE_X12[serviceType] }]);
        expect(item.category?.coding).toContainEqual({
          system: PORTAL_SYSTEMS.serviceType,
          code: serviceType,
        });
      }
    }
  });

  it('item.productOrService: CPT, or HCPCS under the system X12 278 Requested Service Type names', () => {
    expect(items[0]?.productOrService.coding).toEqual([
      { system: 'http://www.ama-assn.org/go/cpt', code: '97110' },
    ]);
    const dme = claimOf(build(DME_REQUEST)).item ?? [];
    expect(dme.map((item) => item.productOrService.coding?.[0]?.system)).toEqual([
      'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
      'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    ]);
  });

  it('item.modifier: each under the system that defines it (X12 278 Requested Service Modifier Type: CPT or HCPCS)', () => {
    expect(items[0]?.modifier).toEqual([{ coding: [{ system: SYSTEMS.hcpcs, code: 'GP' }] }]);
    const withCpt = claimOf(
      build({
        ...PT_REQUEST,
        serviceLines: PT_REQUEST.serviceLines.map((line) => ({ ...line, modifiers: ['59', 'GP'] })),
      }),
    );
    expect(withCpt.item?.[0]?.modifier?.map((m) => m.coding?.[0]?.system)).toEqual([
      SYSTEMS.cpt,
      SYSTEMS.hcpcs,
    ]);
  });

  it('item.location[x] 1..1 as a CodeableConcept: a CMS place of service code (X12 278 Location Type)', () => {
    for (const item of items) {
      expect(item.locationCodeableConcept?.coding).toEqual([{ system: SYSTEMS.placeOfService, code: '11' }]);
    }
    const home = claimOf(toPasRequestBundle(PT_REQUEST, { ...REQUEST_OPTIONS, placeOfService: '12' }));
    expect(home.item?.[0]?.locationCodeableConcept?.coding?.[0]?.code).toBe('12');
  });

  it('item.quantity: a PAS Quantity (value 1..1), item.servicedPeriod with full dates', () => {
    expect(items.map((item) => item.quantity)).toEqual([{ value: 24 }, { value: 12 }]);
    for (const item of items) {
      expect(item.servicedPeriod?.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.servicedPeriod?.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('supportingInfo: PatientEvent with timing 1..1 and no value; MessageText with valueString and no timing', () => {
    expect(claim.supportingInfo).toEqual([
      {
        sequence: 1,
        category: { coding: [{ system: SYSTEMS.pasTempCodes, code: 'patientEvent' }] },
        timingPeriod: { start: PT_REQUEST.serviceStartDate, end: PT_REQUEST.serviceEndDate },
      },
      {
        sequence: 2,
        category: { coding: [{ system: SYSTEMS.pasTempCodes, code: 'freeFormMessage' }] },
        valueString: PT_REQUEST.notes,
      },
    ]);
  });

  it('related 0..0', () => {
    expect(claim.related).toBeUndefined();
  });
});

describe(`PAS Coverage (${IG}/StructureDefinition-profile-coverage.html), Insurer, Requestor, Beneficiary`, () => {
  const bundle = build();
  const claim = claimOf(bundle);
  const coverage = target<Coverage>(bundle, claim.insurance?.[0]?.coverage.reference);

  it('Coverage: identifier[memberid] 1..1 (type MB), status = active, payor → the insurer', () => {
    const members = coverage.identifier?.filter((i) => i.type?.coding?.[0]?.code === 'MB');
    expect(members).toHaveLength(1);
    expect(members?.[0]?.value).toBe(PT_REQUEST.memberId);
    expect(coverage.status).toBe('active');
    expect(coverage.payor).toEqual([claim.insurer]);
    expect(coverage.beneficiary).toEqual(claim.patient);
  });

  it('Coverage invariant self-beneficiary: relationship has X12 code 18, so no subscriber is needed', () => {
    expect(coverage.relationship?.coding).toContainEqual({
      system: SYSTEMS.x12Relationship,
      code: '18',
      display: 'Self',
    });
    expect(coverage.subscriber).toBeUndefined();
  });

  it(`Insurer (${IG}/StructureDefinition-profile-insurer.html): active = true, type X12 98 PR`, () => {
    const insurer = target<Organization>(bundle, claim.insurer?.reference);
    expect(insurer.active).toBe(true);
    expect(insurer.type?.[0]?.coding?.[0]).toMatchObject({ system: SYSTEMS.x12EntityIdentifier, code: 'PR' });
    expect(insurer.name).toBe('EmblemHealth');
  });

  it(`Requestor (${IG}/StructureDefinition-profile-requestor.html): active = true, TIN (USEIN) and NPI, address`, () => {
    const requestor = target<Organization>(bundle, claim.provider?.reference);
    expect(requestor.active).toBe(true);
    expect(requestor.identifier).toEqual([
      { system: 'http://terminology.hl7.org/NamingSystem/USEIN', value: GROUP.taxId },
      { system: SYSTEMS.npi, value: GROUP.npi },
    ]);
    expect(requestor.address?.[0]).toMatchObject({
      line: [GROUP.address.line1],
      city: 'Hartford',
      postalCode: '06102',
    });
  });

  it(`Beneficiary (${IG}/StructureDefinition-profile-beneficiary.html): the member identifier (system and value)`, () => {
    const patient = target<Patient>(bundle, claim.patient.reference);
    expect(patient.identifier).toEqual([
      {
        type: { coding: [{ system: SYSTEMS.identifierType, code: 'MB', display: 'Member Number' }] },
        system: PORTAL_SYSTEMS.memberId,
        value: PT_REQUEST.memberId,
      },
    ]);
  });

  // PAS Beneficiary's parent, US Core Patient 7.0.0, makes identifier, name and gender mandatory;
  // us-core-6 takes the data-absent-reason extension where neither family nor given is known.
  it('Beneficiary on US Core Patient: name and gender always, marked absent/unknown when the app has none', () => {
    const patient = target<Patient>(bundle, claim.patient.reference);
    expect(patient.name).toEqual([
      {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' },
        ],
      },
    ]);
    expect(patient.gender).toBe('unknown');
    const named = toPasRequestBundle(PT_REQUEST, {
      ...REQUEST_OPTIONS,
      patient: { firstName: 'Maria', lastName: 'Rivera', gender: 'female', dateOfBirth: '1984-03-09' },
    });
    const member = target<Patient>(named, claimOf(named).patient.reference);
    expect(member).toMatchObject({
      name: [{ family: 'Rivera', given: ['Maria'] }],
      gender: 'female',
      birthDate: '1984-03-09',
    });
    expectValidFhir(named);
    expect(readPasRequestBundle(named).request).toEqual(PT_REQUEST);
  });
});
