import { describe, expect, it } from 'vitest';
import { expectValidFhir, fhirIssues } from '../../../test/support/fhir-validator.ts';
import { capabilityStatement } from './capability.ts';

const OPTIONS = { baseUrl: 'http://127.0.0.1:4010/fhir/r4/', date: '2026-11-23', softwareVersion: '0.1.0' };

describe('capabilityStatement (GET /fhir/r4/metadata)', () => {
  const statement = capabilityStatement(OPTIONS);

  it('is valid FHIR R4 (its invariants too: cpb-1 rest, cpb-14 an instance has its implementation)', () => {
    expectValidFhir(statement);
  });

  it('the validator would notice a statement without its kind or fhirVersion', () => {
    const { kind: _, fhirVersion: __, ...broken } = statement;
    expect(fhirIssues(broken as typeof statement).join('\n')).toMatch(
      /kind[\s\S]*fhirVersion|fhirVersion[\s\S]*kind/,
    );
  });

  it('an instance needs its implementation (cpb-14), which the validator checks', () => {
    const { implementation: _, ...broken } = statement;
    expect(fhirIssues(broken as typeof statement).join('\n')).toMatch(/cpb-14/);
  });

  it('an instance: FHIR 4.0.1, JSON, this server’s base URL (no trailing slash), its software and date', () => {
    expect(statement).toMatchObject({
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      date: '2026-11-23',
      implementation: { url: 'http://127.0.0.1:4010/fhir/r4' },
      software: { name: 'provider-portal-sdk mock portal', version: '0.1.0' },
    });
  });

  it('names the Da Vinci PAS implementation guide, version 2.2.1', () => {
    // CapabilityStatement.implementationGuide is a canonical of the ImplementationGuide resource.
    expect(statement.implementationGuide).toEqual([
      'http://hl7.org/fhir/us/davinci-pas/ImplementationGuide/hl7.fhir.us.davinci-pas|2.2.1',
    ]);
    // Not the IG's Intermediary capabilities: those also need Subscriptions.
    expect(statement.instantiates).toBeUndefined();
  });

  it('a server with Claim $submit and $inquire, by their PAS OperationDefinitions, and the PAS Claim profiles', () => {
    const rest = statement.rest ?? [];
    expect(rest.map((r) => r.mode)).toEqual(['server']);
    const resources = rest[0]?.resource ?? [];
    expect(resources.map((r) => r.type)).toEqual(['Claim']);
    expect(resources[0]?.operation?.map(({ name, definition }) => ({ name, definition }))).toEqual([
      { name: 'submit', definition: 'http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-submit' },
      { name: 'inquire', definition: 'http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-inquiry' },
    ]);
    expect(resources[0]?.supportedProfile).toEqual([
      'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim',
      'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim-inquiry',
    ]);
  });

  it('says how to authenticate: Bearer session tokens from POST /api/v1/session', () => {
    expect(statement.rest?.[0]?.security?.description).toMatch(/Bearer[\s\S]*POST \/api\/v1\/session/);
  });

  it('is pure: the same options give the same statement', () => {
    expect(capabilityStatement(OPTIONS)).toEqual(statement);
    expect(capabilityStatement({ ...OPTIONS, softwareVersion: '0.2.0' }).software?.version).toBe('0.2.0');
  });
});
