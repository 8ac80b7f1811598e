import { describe, expect, it } from 'vitest';
import type { PreauthorizationRecord } from './preauthorization-records.ts';
import { detailsAvailable, settle, toReceipt, toSummary } from './preauthorization-records.ts';

const SUBMITTED = Date.parse('2026-11-23T14:00:00Z');
const HOUR = 3_600_000;

function record(overrides: Partial<PreauthorizationRecord> = {}): PreauthorizationRecord {
  const provider = {
    npi: '1234567893',
    taxId: '060646668',
    name: 'Lopez, Maria',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  };
  return {
    referenceId: 'PA-00000001',
    taxIds: ['060646668'],
    createdBy: 'USR-000002',
    memberId: 'K5500648801',
    memberName: 'Ayod, Testh',
    healthPlan: 'connecticare',
    status: 'pended',
    urgency: 'expedited',
    serviceType: 'imaging',
    requestDate: '2026-11-23',
    submittedAt: SUBMITTED,
    decisionDueBy: SUBMITTED + 72 * HOUR,
    requestingProvider: provider,
    servicingProvider: provider,
    diagnoses: [{ code: 'M17.11', primary: true }],
    serviceStartDate: '2026-12-01',
    serviceEndDate: '2026-12-31',
    serviceLines: [
      {
        lineNumber: 1,
        procedureCode: '73721',
        units: 2,
        serviceStartDate: '2026-12-01',
        serviceEndDate: '2026-12-31',
      },
    ],
    planned: { status: 'denied', denialReason: { code: 'not_medically_necessary', description: 'No.' } },
    attachments: [],
    modifications: [],
    ...overrides,
  };
}

describe('settle', () => {
  it('leaves a pended request alone until its decision due time, then decides it as planned', () => {
    const pended = record();
    expect(settle(pended, SUBMITTED + 72 * HOUR - 1).status).toBe('pended');
    settle(pended, SUBMITTED + 72 * HOUR);
    expect(pended.status).toBe('denied');
    expect(pended.decision).toEqual({
      status: 'denied',
      decidedAt: '2026-11-26T14:00:00Z',
      denialReason: { code: 'not_medically_necessary', description: 'No.' },
    });
    expect(pended.serviceLines[0]?.approvedUnits).toBe(0);
  });

  it('approves every requested unit of an approved request', () => {
    const pended = settle(record({ planned: { status: 'approved' } }), SUBMITTED + 100 * HOUR);
    expect(pended.decision).toEqual({ status: 'approved', decidedAt: '2026-11-26T14:00:00Z' });
    expect(pended.serviceLines[0]?.approvedUnits).toBe(2);
  });

  it('denies an unanswered questionnaire for insufficient information and closes it', () => {
    const waiting = record({
      status: 'more_information_needed',
      questionnaire: {
        questionnaireId: 'Q',
        questions: [{ questionId: 'Q1', statement: 'S', kind: 'details', required: true }],
      },
    });
    settle(waiting, SUBMITTED + 72 * HOUR);
    expect(waiting.decision?.denialReason?.code).toBe('insufficient_information');
    expect(waiting.questionnaire).toBeUndefined();
  });

  it('never changes a decided request', () => {
    const approved = record({
      status: 'approved',
      decision: { status: 'approved', decidedAt: '2026-11-23T14:00:00Z' },
    });
    expect(settle(approved, SUBMITTED + 1000 * HOUR).decision?.decidedAt).toBe('2026-11-23T14:00:00Z');
  });
});

describe('views', () => {
  it('shows the details as available unless held back, and copies the receipt', () => {
    const held = record({ detailsAvailableAt: SUBMITTED + 4 * HOUR });
    expect(detailsAvailable(held, SUBMITTED + 4 * HOUR - 1)).toBe(false);
    expect(toSummary(held, SUBMITTED + 4 * HOUR).detailsAvailable).toBe(true);
    const receipt = toReceipt(held);
    expect(receipt.detailsAvailableAfter).toBe('2026-11-23T18:00:00Z');
    settle(held, SUBMITTED + 72 * HOUR);
    expect(receipt.status).toBe('pended');
  });
});
