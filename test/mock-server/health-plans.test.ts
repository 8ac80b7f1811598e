/**
 * EmblemHealth and ConnectiCare share the portal (seed 003). Every member belongs to one plan, and what
 * is about a member carries that plan; an account of one plan sees nothing of the other's (answered
 * exactly as what does not exist), a consolidated account sees both, and every search filters by plan.
 * Consolidation (seed 003: "Once you consolidate the accounts, you will be able to use one account for
 * both EmblemHealth and ConnectiCare") over HTTP; the contract cases run it through MSW too.
 */
import { describe, expect, it } from 'vitest';
import { PERSONA_PASSWORD } from '../../mock-server/core/personas.ts';
import { healthPlanOfMember } from '../../mock-server/data/health-plans.ts';
import { SCENARIO_MEMBERS } from '../../mock-server/data/scenario-members.ts';
import { preauthorizationRequest } from '../sdk/support/targets.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';
import { LOPEZ_A } from './transactions-support.ts';

const CCI_MEMBER = SCENARIO_MEMBERS.activeCommercial; // K5500648801: odd, ConnectiCare
const EMBLEM_MEMBER = SCENARIO_MEMBERS.claimsWithRemittance; // K5500648814: even, EmblemHealth

async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A problem without its per-request fields, to compare two answers. */
function comparable(problem: Record<string, unknown>) {
  const { requestId: _requestId, instance: _instance, ...rest } = problem;
  return rest;
}

/** A general message of Tax ID A for ConnectiCare (it names no member, so it says its plan). */
function connecticareMessage() {
  return {
    topic: 'general',
    senderNpi: LOPEZ_A.npi,
    healthPlan: 'connecticare',
    category: 'provider_data',
    subcategory: 'demographic_update',
    priority: 'medium',
    content: 'Our suite number changed.',
    contactName: 'Dana Whitfield',
    contactPhone: '(860) 555-0142',
  };
}

function consolidate(portal: TestPortal, token: string, username: string, password = PERSONA_PASSWORD) {
  return portal.call('POST', '/api/v1/me/consolidation', { token, json: { username, password } });
}

describe('the health plan of a member', () => {
  it('follows the last digit of the member ID, and the New York State programs are EmblemHealth’s', () => {
    expect(healthPlanOfMember('K5500648801', 'commercial_pos')).toBe('connecticare');
    expect(healthPlanOfMember('K5500648802', 'commercial_pos')).toBe('emblemhealth');
    expect(healthPlanOfMember('K5500648809', 'medicare_advantage')).toBe('connecticare');
    for (const program of [
      'medicaid_enhanced_care',
      'harp_enhanced_care_plus',
      'child_health_plus',
      'essential_plan',
    ] as const) {
      expect(healthPlanOfMember('K5500648803', program)).toBe('emblemhealth');
    }
  });

  it('is on the member, the search row, the claims, and every record made about the member', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    expect(
      (await json(await portal.call('GET', `/api/v1/members/${CCI_MEMBER}`, { token }))).healthPlan,
    ).toBe('connecticare');
    const row = await json(await portal.call('GET', `/api/v1/members?memberId=${EMBLEM_MEMBER}`, { token }));
    expect(row.data[0].healthPlan).toBe('emblemhealth');
    const created = await json(
      await portal.call('POST', '/api/v1/preauthorizations', {
        token,
        json: preauthorizationRequest({ memberId: CCI_MEMBER }),
      }),
    );
    const read = await json(
      await portal.call('GET', `/api/v1/preauthorizations/${created.referenceId}`, { token }),
    );
    expect(read.healthPlan).toBe('connecticare');
    const billing = await portal.tokenFor('billing.a');
    const claims = await json(
      await portal.call('GET', `/api/v1/claims?memberId=${EMBLEM_MEMBER}&from=2026-09-01&to=2026-11-23`, {
        token: billing,
      }),
    );
    expect(claims.data.length).toBeGreaterThan(0);
    for (const claim of claims.data) expect(claim.healthPlan).toBe('emblemhealth');
  });
});

describe('an account of one plan', () => {
  it('answers a member of the other plan exactly as a member that does not exist', async () => {
    const portal = createTestPortal();
    const emblem = await portal.tokenFor('emblem.only');
    const other = await portal.call('GET', `/api/v1/members/${CCI_MEMBER}`, { token: emblem });
    const unknown = await portal.call('GET', '/api/v1/members/K5500649999', { token: emblem });
    expect(other.status).toBe(404);
    expect(comparable(await json(other))).toEqual(comparable(await json(unknown)));
    expect((await portal.call('GET', `/api/v1/members/${EMBLEM_MEMBER}`, { token: emblem })).status).toBe(
      200,
    );
    const cci = await portal.tokenFor('cci.only');
    expect((await portal.call('GET', `/api/v1/members/${CCI_MEMBER}`, { token: cci })).status).toBe(200);
    expect((await portal.call('GET', `/api/v1/members/${EMBLEM_MEMBER}`, { token: cci })).status).toBe(404);
    // A preauthorization for the other plan's member is refused as for an unknown member.
    const refused = await portal.call('POST', '/api/v1/preauthorizations', {
      token: emblem,
      json: preauthorizationRequest({ memberId: CCI_MEMBER }),
    });
    expect(refused.status).toBe(404);
    expect((await json(refused)).code).toBe('MEMBER_NOT_FOUND');
  });

  it('lists only its plan’s records, and a record of the other plan reads as unknown', async () => {
    const portal = createTestPortal();
    const both = await portal.tokenFor('clinical.a');
    const ids: Record<string, string> = {};
    for (const memberId of [CCI_MEMBER, EMBLEM_MEMBER]) {
      const created = await json(
        await portal.call('POST', '/api/v1/preauthorizations', {
          token: both,
          json: preauthorizationRequest({ memberId }),
        }),
      );
      ids[memberId] = created.referenceId;
    }
    const list = async (token: string, query = '') =>
      (
        await json(await portal.call('GET', `/api/v1/preauthorizations?pageSize=100${query}`, { token }))
      ).data.map(
        (row: { referenceId: string; healthPlan: string }) => `${row.referenceId}:${row.healthPlan}`,
      );
    expect(await list(both)).toEqual([
      `${ids[EMBLEM_MEMBER]}:emblemhealth`,
      `${ids[CCI_MEMBER]}:connecticare`,
    ]);
    expect(await list(both, '&healthPlan=connecticare')).toEqual([`${ids[CCI_MEMBER]}:connecticare`]);
    const emblem = await portal.tokenFor('emblem.only');
    expect(await list(emblem)).toEqual([`${ids[EMBLEM_MEMBER]}:emblemhealth`]);
    // Asking for the plan it does not see is an empty page, not an error.
    expect(await list(emblem, '&healthPlan=connecticare')).toEqual([]);
    const hidden = await portal.call('GET', `/api/v1/preauthorizations/${ids[CCI_MEMBER]}`, {
      token: emblem,
    });
    const unknown = await portal.call('GET', '/api/v1/preauthorizations/PA-99999999', { token: emblem });
    expect(hidden.status).toBe(404);
    expect(comparable(await json(hidden)).code).toBe(comparable(await json(unknown)).code);
  });

  it('filters the searches by plan: members, claims, referrals, messages (preauthorizations above)', async () => {
    const portal = createTestPortal();
    const billing = await portal.tokenFor('billing.a');
    const claimsOf = async (plan: string) =>
      (
        await json(
          await portal.call(
            'GET',
            `/api/v1/claims?from=2026-09-01&to=2026-11-23&pageSize=100&healthPlan=${plan}`,
            {
              token: billing,
            },
          ),
        )
      ).data as { healthPlan: string }[];
    const emblemClaims = await claimsOf('emblemhealth');
    const cciClaims = await claimsOf('connecticare');
    expect(emblemClaims.length).toBeGreaterThan(0);
    expect(cciClaims.length).toBeGreaterThan(0);
    expect(new Set(emblemClaims.map((claim) => claim.healthPlan))).toEqual(new Set(['emblemhealth']));
    expect(new Set(cciClaims.map((claim) => claim.healthPlan))).toEqual(new Set(['connecticare']));
    const clinical = await portal.tokenFor('clinical.a');
    const referrals = await json(
      await portal.call('GET', '/api/v1/referrals?from=2025-01-01&to=2026-11-23&pageSize=100', {
        token: clinical,
      }),
    );
    const referralPlans = new Set(referrals.data.map((row: { healthPlan: string }) => row.healthPlan));
    for (const plan of referralPlans) {
      const filtered = await json(
        await portal.call(
          'GET',
          `/api/v1/referrals?from=2025-01-01&to=2026-11-23&pageSize=100&healthPlan=${plan}`,
          {
            token: clinical,
          },
        ),
      );
      expect(filtered.data.length).toBeGreaterThan(0);
      for (const row of filtered.data) expect(row.healthPlan).toBe(plan);
    }
    const admin = await portal.tokenFor('admin.a');
    const sent = await portal.call('POST', '/api/v1/messages', {
      token: admin,
      json: connecticareMessage(),
    });
    expect(sent.status).toBe(201);
    const messages = async (plan: string) =>
      (await json(await portal.call('GET', `/api/v1/messages?healthPlan=${plan}`, { token: admin }))).page
        .totalItems;
    expect(await messages('connecticare')).toBe(1);
    expect(await messages('emblemhealth')).toBe(0);
    const members = await json(
      await portal.call('GET', `/api/v1/members?memberId=${CCI_MEMBER}&healthPlan=emblemhealth`, {
        token: clinical,
      }),
    );
    expect(members.data).toEqual([]);
  });

  it('may not write to the other plan: a message for it is 403 ACCOUNTS_NOT_CONSOLIDATED', async () => {
    const portal = createTestPortal();
    const emblem = await portal.tokenFor('emblem.only');
    const answer = await portal.call('POST', '/api/v1/messages', {
      token: emblem,
      json: connecticareMessage(),
    });
    expect(answer.status).toBe(403);
    expect((await json(answer)).code).toBe('ACCOUNTS_NOT_CONSOLIDATED');
  });
});

describe('consolidating accounts', () => {
  it('makes one account for both plans and every Tax ID; the other no longer signs in and its sessions end', async () => {
    const portal = createTestPortal();
    const emblem = await portal.tokenFor('dana.emblem');
    const cci = await portal.tokenFor('dana.cci');
    expect((await portal.call('GET', `/api/v1/members/${CCI_MEMBER}`, { token: emblem })).status).toBe(404);
    const answer = await consolidate(portal, emblem, 'dana.cci');
    expect(answer.status).toBe(200);
    expect(await json(answer)).toMatchObject({
      username: 'dana.emblem',
      healthPlans: ['emblemhealth', 'connecticare'],
      consolidatedUsername: 'dana.cci',
      taxIds: ['060646668', '133456789'],
    });
    const me = await json(await portal.call('GET', '/api/v1/me', { token: emblem }));
    expect(me.healthPlans).toEqual(['emblemhealth', 'connecticare']);
    expect(me.grants.map((grant: { taxId: string }) => grant.taxId)).toEqual(['060646668', '133456789']);
    expect((await portal.call('GET', `/api/v1/members/${CCI_MEMBER}`, { token: emblem })).status).toBe(200);
    // Tax ID B's users: the remaining account instead of the retired one.
    const usersOfB = await json(
      await portal.call('GET', '/api/v1/tax-ids/133456789/users', {
        token: await portal.tokenFor('admin.b'),
      }),
    );
    const ids = usersOfB.data.map((row: { userId: string }) => row.userId);
    expect(ids).toContain('USR-000011');
    expect(ids).not.toContain('USR-000012');
    // The other account: its session ended, and it signs in no more.
    expect((await portal.call('GET', '/api/v1/me', { token: cci })).status).toBe(401);
    const signIn = await portal.signIn('dana.cci');
    expect(signIn.status).toBe(403);
    expect((await json(signIn)).code).toBe('ACCOUNT_CONSOLIDATED');
    // Audited, and a second consolidation has nothing to do.
    const audit = await json(await portal.admin('GET', '/audit'));
    expect(JSON.stringify(audit)).toContain('account.consolidate');
    const again = await consolidate(portal, emblem, 'cci.only');
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('ACCOUNT_ALREADY_CONSOLIDATED');
  });

  it('answers an unknown username and a wrong password alike, and locks the username after repeated failures', async () => {
    const portal = createTestPortal();
    const emblem = await portal.tokenFor('dana.emblem');
    const wrong = await consolidate(portal, emblem, 'dana.cci', 'not-the-password');
    const unknown = await consolidate(portal, emblem, 'nobody.here', 'not-the-password');
    expect(wrong.status).toBe(422);
    const wrongBody = comparable(await json(wrong));
    expect(wrongBody.code).toBe('CONSOLIDATION_ACCOUNT_NOT_FOUND');
    expect(wrongBody).toEqual(comparable(await json(unknown)));
    let last: Response = wrong;
    for (let i = 0; i < 10 && last.status !== 429; i++)
      last = await consolidate(portal, emblem, 'dana.cci', `guess-${i}`);
    expect(last.status).toBe(429);
    expect((await json(last)).code).toBe('TOO_MANY_ATTEMPTS');
    // Even the right password waits out the lock.
    expect((await consolidate(portal, emblem, 'dana.cci')).status).toBe(429);
  });

  it('refuses an account of the same plan, and itself', async () => {
    const portal = createTestPortal();
    const emblem = await portal.tokenFor('dana.emblem');
    const same = await consolidate(portal, emblem, 'emblem.only');
    expect(same.status).toBe(422);
    expect((await json(same)).code).toBe('CONSOLIDATION_SAME_PLAN');
    const self = await consolidate(portal, emblem, 'dana.emblem');
    expect(self.status).toBe(422);
    expect((await json(self)).code).toBe('CONSOLIDATION_ACCOUNT_NOT_FOUND');
  });
});
