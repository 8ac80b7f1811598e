import type { Bundle, Claim, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { expectValidFhir, fhirIssues } from './fhir-validator.ts';

const patient: Patient = {
  resourceType: 'Patient',
  identifier: [{ system: 'https://provider-portal-sdk.dev/fhir/sid/member-id', value: 'K5500648801' }],
  name: [{ family: 'Rivera', given: ['Maria'] }],
  gender: 'female',
  birthDate: '1984-03-09',
};

describe('fhirIssues (the tests’ independent FHIR R4 validator)', () => {
  it('finds nothing wrong with a valid Patient', () => {
    expect(fhirIssues(patient)).toEqual([]);
    expectValidFhir(patient);
  });

  it('names the required elements a Claim lacks (status, patient, …)', () => {
    const claim = { resourceType: 'Claim', use: 'preauthorization' } as Claim;
    const issues = fhirIssues(claim);
    expect(issues.some((issue) => issue.includes('status'))).toBe(true);
    expect(issues.some((issue) => issue.includes('patient'))).toBe(true);
  });

  // medplum checks structure, cardinality, primitive formats and invariants, not terminology: a code
  // outside a required binding passes, so the PAS tests check codes themselves.
  it('refuses a Bundle without its type, a malformed date and an element FHIR does not define', () => {
    expect(fhirIssues({ resourceType: 'Bundle' } as Bundle).join('\n')).toMatch(/Bundle\.type/);
    expect(fhirIssues({ ...patient, birthDate: '09/03/1984' })).toEqual([
      'Patient.birthDate: Invalid date format',
    ]);
    expect(fhirIssues({ ...patient, nickname: 'Mia' } as Patient).join('\n')).toMatch(/nickname/);
  });

  it('checks the invariants of base FHIR (bdl-7: full URLs are unique in a Bundle)', () => {
    const entry = { fullUrl: 'urn:uuid:7d1c1f3e-0000-4000-8000-000000000001', resource: patient };
    const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry: [entry, entry] };
    expect(fhirIssues(bundle).join('\n')).toMatch(/bdl-7/);
  });

  it('validates every entry of a Bundle and says which entry is wrong', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:7d1c1f3e-0000-4000-8000-000000000001', resource: patient },
        {
          fullUrl: 'urn:uuid:7d1c1f3e-0000-4000-8000-000000000002',
          resource: { resourceType: 'Claim' } as Claim,
        },
      ],
    };
    const issues = fhirIssues(bundle);
    expect(issues.some((issue) => issue.startsWith('entry[1]'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('entry[0]'))).toBe(false);
  });

  it('reports what is not a resource instead of throwing', () => {
    expect(fhirIssues({ resourceType: 'NoSuchType' } as unknown as Resource).length).toBeGreaterThan(0);
  });

  it('expectValidFhir fails, listing the issues, when there are any', () => {
    expect(() => expectValidFhir({ resourceType: 'Claim' } as Claim)).toThrow(
      /not valid FHIR R4[\s\S]*status/,
    );
  });
});
