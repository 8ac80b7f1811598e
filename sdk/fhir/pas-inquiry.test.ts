/**
 * The PAS inquiry mapping (pas-inquiry.ts): the inquiry Bundle is valid FHIR R4 and keeps the PAS
 * Inquiry Request Bundle's rules, reads back as the query, and the reader never throws.
 *
 * IG pages cited: https://hl7.org/fhir/us/davinci-pas/STU2/<page>.html (PAS 2.2.1).
 */
import type { Bundle, Claim, Patient } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../test/support/fhir-validator.ts';
import { GROUP } from '../../test/support/pas-fixtures.ts';
import { readPasInquiryBundle, toPasInquiryBundle } from './pas-inquiry.ts';
import { PAS_EXTENSIONS, PAS_PROFILES } from './systems.ts';

const IG = 'https://hl7.org/fhir/us/davinci-pas/STU2';
const OPTIONS = { transactionId: 'INQ-0001', timestamp: '2026-11-30T15:00:00Z' };
const QUERY = { memberId: 'K5500648801', healthPlan: 'emblemhealth' as const, requestingProvider: GROUP };

describe('toPasInquiryBundle', () => {
  it('is valid FHIR R4, with and without a reference number', () => {
    expectValidFhir(toPasInquiryBundle(QUERY, OPTIONS));
    expectValidFhir(toPasInquiryBundle({ ...QUERY, referenceId: 'PA-20261123' }, OPTIONS));
  });

  it(`keeps the PAS Inquiry Request Bundle (${IG}/StructureDefinition-profile-pas-inquiry-request-bundle.html)`, () => {
    const bundle = toPasInquiryBundle(QUERY, OPTIONS);
    expect(bundle.meta?.profile).toEqual([PAS_PROFILES.inquiryRequestBundle]);
    expect(bundle.type).toBe('collection');
    expect(bundle.identifier?.value).toBe('INQ-0001');
    expect(bundle.timestamp).toBe('2026-11-30T15:00:00.000Z');
    expect(bundle.entry?.every((e) => typeof e.fullUrl === 'string' && e.resource !== undefined)).toBe(true);
    // ClaimFirst, one Claim (slice Claim 1..1), a PAS Claim Inquiry.
    const claim = bundle.entry?.[0]?.resource as Claim;
    expect(claim.meta?.profile).toEqual([PAS_PROFILES.claimInquiry]);
    expect(bundle.entry?.filter((e) => e.resource?.resourceType === 'Claim')).toHaveLength(1);
    // PAS Claim Inquiry (StructureDefinition-profile-claim-inquiry.html): identifier 1..1, use, status, insurer 1..1.
    expect(claim.identifier).toHaveLength(1);
    expect(claim).toMatchObject({ use: 'preauthorization', status: 'active' });
    expect(claim.insurer?.reference).toBe(bundle.entry?.[3]?.fullUrl);
  });

  it('the Patient is a US Core Patient (identifier, name, gender) identified by member ID', () => {
    const patient = toPasInquiryBundle(QUERY, OPTIONS).entry?.[1]?.resource as Patient;
    expect(patient.identifier?.[0]?.value).toBe('K5500648801');
    expect(patient.name).toHaveLength(1);
    expect(patient.gender).toBe('unknown');
  });

  it('names one request by the Claim-level authorization number extension', () => {
    const claim = toPasInquiryBundle({ ...QUERY, referenceId: 'PA-20261123' }, OPTIONS).entry?.[0]
      ?.resource as Claim;
    expect(claim.extension).toEqual([
      { url: PAS_EXTENSIONS.authorizationNumber, valueString: 'PA-20261123' },
    ]);
  });
});

describe('readPasInquiryBundle', () => {
  it('reads the query back', () => {
    const reading = readPasInquiryBundle(
      toPasInquiryBundle({ ...QUERY, referenceId: 'PA-20261123' }, OPTIONS),
    );
    expect(reading.issues).toEqual([]);
    expect(reading.query).toEqual({
      memberId: 'K5500648801',
      referenceId: 'PA-20261123',
      taxId: GROUP.taxId,
      npi: GROUP.npi,
    });
    expect(reading.patient?.resource?.resourceType).toBe('Patient');
  });

  it('an inquiry that does not name the member is refused where the member should be', () => {
    const bundle = structuredClone(toPasInquiryBundle(QUERY, OPTIONS)) as Bundle;
    (bundle.entry?.[1]?.resource as Patient).identifier = [];
    const coverage = bundle.entry?.[2]?.resource as { identifier?: unknown; subscriberId?: unknown };
    delete coverage.identifier;
    delete coverage.subscriberId;
    expect(readPasInquiryBundle(bundle).issues.map((i) => `${i.code} ${i.expression}`)).toEqual([
      'required Bundle.entry[1].resource.identifier',
    ]);
  });

  it('never throws, on any value or a built inquiry with one element replaced (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => Array.isArray(readPasInquiryBundle(value).issues)),
      {
        numRuns: 300,
      },
    );
    const original = toPasInquiryBundle({ ...QUERY, referenceId: 'PA-1' }, OPTIONS);
    const slots: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (path.length > 0) slots.push(path);
      if (value !== null && typeof value === 'object')
        for (const [key, child] of Object.entries(value))
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(original, []);
    fc.assert(
      fc.property(fc.nat({ max: slots.length - 1 }), fc.anything(), (slot, replacement) => {
        const bundle = structuredClone(original) as unknown as Record<string | number, unknown>;
        const path = slots[slot] ?? [];
        let parent = bundle;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1) as string | number] = replacement;
        return Array.isArray(readPasInquiryBundle(bundle).issues);
      }),
      { numRuns: 2000 },
    );
  });
});
