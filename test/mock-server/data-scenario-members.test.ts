/**
 * The documented scenario members, claims and checks behave as documented (scenario-members.ts), for
 * every seed, and the scenario catalog lists them.
 */
import { describe, expect, it } from 'vitest';
import { createPortalData } from '../../mock-server/data/index.ts';
import {
  SCENARIO_MEMBERS as M,
  SCENARIO_CHECKS,
  SCENARIO_CLAIMS,
  SCENARIO_MEMBER_IDS,
  scenarioEntries,
} from '../../mock-server/data/scenario-members.ts';
import { createTestPortal } from './helpers.ts';

const ANCHOR = '2026-11-23';
const TAX_ID_A = '060646668';
const TAX_ID_B = '133456789';

describe.each([1, 42, 2026])('scenario members with seed %i', (seed) => {
  const data = createPortalData({ seed, memberCount: 1000, anchorDate: ANCHOR });
  const member = (id: string) => {
    const record = data.member(id);
    if (record === undefined) throw new Error(`no member ${id}`);
    return record;
  };

  it('exist with fixed IDs in the member ID format', () => {
    for (const id of SCENARIO_MEMBER_IDS) expect(member(id).details.memberId).toBe(id);
    expect(new Set(SCENARIO_MEMBER_IDS).size).toBe(SCENARIO_MEMBER_IDS.length);
  });

  it('cover each product and coverage state', () => {
    const active = member(M.activeCommercial).details;
    expect([active.status, active.productType, active.coverageEndDate, active.lastName]).toEqual([
      'active',
      'commercial_pos',
      '9999-12-31',
      'Ayod',
    ]);
    expect(member(M.termed).details.status).toBe('termed');
    expect(member(M.termed).details.coverageEndDate).toBe('2026-09-30');
    expect(member(M.futureCoverage).details.status).toBe('future');
    const noReferral = [M.medicaid, M.harp, M.childHealthPlus, M.essentialPlan].map(
      (id) => member(id).details,
    );
    expect(noReferral.map((d) => d.productType)).toEqual([
      'medicaid_enhanced_care',
      'harp_enhanced_care_plus',
      'child_health_plus',
      'essential_plan',
    ]);
    for (const details of noReferral) expect(details.referralRequired).toBe(false);
    expect(member(M.medicareAdvantage).details.lineOfBusiness).toBe('medicare');
  });

  it('have the documented delegation, ID card and visibility', () => {
    expect(member(M.delegated).details.delegated?.entityName).toBe('Riverside Care Management Organization');
    expect(member(M.temporaryIdCard).idCard.temporary).toBe(true);
    expect(member(M.activeCommercial).idCard.temporary).toBe(false);
    expect(member(M.taxIdBOnly).visibleToTaxIds).toEqual([TAX_ID_B]);
    expect(member(M.activeCommercial).visibleToTaxIds).toEqual([TAX_ID_A]);
  });

  it('have the documented care plans', () => {
    expect(member(M.activeCommercial).carePlan?.plan.problems.map((p) => p.title)).toEqual([
      'compatibility test',
      'Asthma Control',
    ]);
    const parts = member(M.carePlanSensitiveParts).carePlan;
    expect(parts?.whollySensitive).toBe(false);
    expect(parts?.plan.problems.some((p) => p.sensitive === true)).toBe(true);
    expect(parts?.plan.problems.some((p) => p.sensitive !== true)).toBe(true);
    const whole = member(M.carePlanWhollySensitive).carePlan;
    expect(whole?.whollySensitive).toBe(true);
    expect(member(M.carePlanCompleted10DaysAgo).carePlan?.plan.completedOn).toBe('2026-11-13');
    expect(member(M.carePlanCompleted45DaysAgo).carePlan?.plan.completedOn).toBe('2026-10-09');
    expect(member(M.noCarePlan).carePlan).toBeUndefined();
  });

  it('have the documented claims and checks', () => {
    const paid = data.claim(SCENARIO_CLAIMS.paidByCheck)?.claim;
    expect(paid?.memberId).toBe(M.claimsWithRemittance);
    expect(paid?.remittance?.checkNumber).toBe(SCENARIO_CHECKS.recent);
    expect(data.claim(SCENARIO_CLAIMS.denied)?.claim.remittance?.claimPaidAmount).toBe(0);
    expect(data.claim(SCENARIO_CLAIMS.paidByEft)?.claim.payment?.method).toBe('eft');
    for (const id of [SCENARIO_CLAIMS.withoutRemittance, SCENARIO_CLAIMS.received, SCENARIO_CLAIMS.pended]) {
      const claim = data.claim(id)?.claim;
      expect(claim?.memberId).toBe(M.claimsWithoutRemittance);
      expect(claim?.remittance).toBeNull();
      expect(claim?.remittanceMessage).toBe('No records found');
    }
    expect(data.claim(SCENARIO_CLAIMS.taxIdB)?.taxId).toBe(TAX_ID_B);
    expect((data.payment(SCENARIO_CHECKS.overTwoYearsOld)?.issuedOn ?? '') < '2024-11-23').toBe(true);
    expect(data.payment(SCENARIO_CHECKS.recent)?.claimNumbers).toEqual([
      SCENARIO_CLAIMS.paidByCheck,
      SCENARIO_CLAIMS.denied,
    ]);
  });

  it('are found by name search', () => {
    const found = data.membersByName({ firstName: 'te', lastName: 'ayo', dateOfBirth: '1954-09-05' });
    expect(found.map((m) => m.details.memberId)).toEqual([M.activeCommercial]);
  });
});

describe('the scenario catalog', () => {
  it('lists every scenario member with what it triggers', () => {
    const members = scenarioEntries.flatMap((entry) => (entry.kind === 'member' ? [entry] : []));
    expect(members.map((entry) => entry.id)).toEqual([...SCENARIO_MEMBER_IDS]);
    for (const entry of members) expect(entry.triggers.length).toBeGreaterThan(0);
  });

  it('is served at GET /__admin/scenarios', async () => {
    const portal = createTestPortal();
    const response = await portal.admin('GET', '/scenarios');
    const text = await response.text();
    for (const id of SCENARIO_MEMBER_IDS) expect(text).toContain(id);
    for (const value of [
      SCENARIO_CLAIMS.withoutRemittance,
      SCENARIO_CHECKS.overTwoYearsOld,
      'outcome=ready',
    ]) {
      expect(text).toContain(value);
    }
  });
});

describe('scenario members through the portal', () => {
  it('answer their documented care plan outcomes', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const view = async (memberId: string) => {
      const attested = await portal.call('POST', `/api/v1/members/${memberId}/care-plan/attestations`, {
        token,
        json: { attested: true },
      });
      const { attestationId } = (await attested.json()) as { attestationId: string };
      const response = await portal.call('GET', `/api/v1/members/${memberId}/care-plan`, {
        token,
        headers: { 'X-Care-Plan-Attestation': attestationId },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await view(M.activeCommercial)).body.sensitivePartsWithheld).toBe(false);
    const parts = await view(M.carePlanSensitiveParts);
    expect(parts.body.sensitivePartsWithheld).toBe(true);
    expect(JSON.stringify(parts.body)).not.toMatch(/Depression|Substance Use|HIV|"sensitive"/);
    const whole = await view(M.carePlanWhollySensitive);
    expect([whole.status, whole.body.code, whole.body.careTeamPhone]).toEqual([
      404,
      'CARE_PLAN_SENSITIVE',
      '800-447-0768',
    ]);
    const recent = await view(M.carePlanCompleted10DaysAgo);
    expect([recent.status, recent.body.completedOn, recent.body.availableUntil]).toEqual([
      200,
      '2026-11-13',
      '2026-12-13',
    ]);
    const old = await view(M.carePlanCompleted45DaysAgo);
    expect([old.status, old.body.code]).toEqual([410, 'CARE_PLAN_EXPIRED']);
    const none = await view(M.noCarePlan);
    expect([none.status, none.body.code, none.body.careTeamPhone]).toEqual([
      404,
      'NOT_FOUND',
      '800-390-3522',
    ]);
  });
});
