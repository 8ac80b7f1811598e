import { describe, expect, it } from 'vitest';
import type { PreauthorizationCreate } from '../../../sdk/rules/index.ts';
import { ProblemError } from '../problem.ts';
import { contentKey, initialOutcome, plannedDecision } from './preauthorization-decisions.ts';

function request(serviceType: string, units: number): PreauthorizationCreate {
  const provider = {
    npi: '1234567893',
    taxId: '060646668',
    name: 'Lopez, Maria',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  };
  return {
    memberId: 'K5500648801',
    urgency: 'standard',
    serviceType,
    requestingProvider: provider,
    servicingProvider: provider,
    diagnoses: [{ code: 'M17.11', primary: true }],
    serviceStartDate: '2026-12-01',
    serviceEndDate: '2026-12-31',
    serviceLines: [
      { procedureCode: '29881', units, serviceStartDate: '2026-12-01', serviceEndDate: '2026-12-31' },
    ],
  } as PreauthorizationCreate;
}

const noFacts = { servicingOutOfNetwork: false, duplicateOf: undefined };

describe('initialOutcome', () => {
  it('follows Prefer: outcome, with the service type’s questionnaire for more information', () => {
    expect(initialOutcome(42, request('imaging', 1), { outcome: 'approved' })).toEqual({
      status: 'approved',
    });
    expect(
      initialOutcome(42, request('imaging', 1), { outcome: 'more_information_needed' }).questionnaire
        ?.questionnaireId,
    ).toBe('QNR-IMG-0017');
    expect(() => initialOutcome(42, request('imaging', 1), { outcome: 'accepted' })).toThrow(ProblemError);
  });

  it('is the same for the same seed and content, and varies across requests', () => {
    const outcomes = Array.from(
      { length: 40 },
      (_, units) => initialOutcome(42, request('physical_therapy', units + 1), {}).status,
    );
    expect(
      Array.from(
        { length: 40 },
        (_, units) => initialOutcome(42, request('physical_therapy', units + 1), {}).status,
      ),
    ).toEqual(outcomes);
    expect(new Set(outcomes)).toEqual(new Set(['more_information_needed', 'pended', 'approved']));
  });

  it('never approves an inpatient admission or a transplant at once', () => {
    for (let units = 1; units <= 50; units++) {
      expect(initialOutcome(42, request('transplant', units), {}).status).toBe('pended');
      expect(initialOutcome(7, request('inpatient_admission', units), {}).status).toBe('pended');
    }
  });
});

describe('plannedDecision', () => {
  it('denies with the reason Prefer names, or a realistic one', () => {
    const key = contentKey(request('imaging', 1));
    expect(plannedDecision(42, key, { 'denial-reason': 'duplicate_request' }, noFacts)).toMatchObject({
      status: 'denied',
      denialReason: { code: 'duplicate_request' },
    });
    expect(
      plannedDecision(42, key, { decision: 'denied' }, { ...noFacts, servicingOutOfNetwork: true }),
    ).toMatchObject({
      denialReason: { code: 'out_of_network_provider' },
    });
    expect(plannedDecision(42, key, { decision: 'approved' }, noFacts)).toEqual({ status: 'approved' });
  });

  it('approves most pended requests and gives every denial a coded reason', () => {
    const decisions = Array.from({ length: 200 }, (_, i) => plannedDecision(42, `key-${i}`, {}, noFacts));
    const approved = decisions.filter((decision) => decision.status === 'approved').length;
    expect(approved).toBeGreaterThan(120);
    expect(approved).toBeLessThan(180);
    for (const decision of decisions) {
      if (decision.status === 'denied') expect(decision.denialReason?.code).toMatch(/^not_/);
    }
  });
});
