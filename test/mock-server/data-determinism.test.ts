/**
 * Determinism of the data layer and of the read domains: the same (seed, anchor date) gives the same
 * members, providers, claims and bytes; another seed gives others.
 */
import { describe, expect, it } from 'vitest';
import { createPortalData } from '../../mock-server/data/index.ts';
import { SCENARIO_CLAIMS, SCENARIO_MEMBERS } from '../../mock-server/data/scenario-members.ts';
import { createTestPortal } from './helpers.ts';

const ANCHOR = '2026-11-23';
/** A generated member of Tax ID A (index 42: group 2). */
const GENERATED_MEMBER = 'K6000000042';

function sample(seed: number, anchorDate = ANCHOR) {
  const data = createPortalData({ seed, memberCount: 50_000, anchorDate });
  const indices = [0, 1, 7, 123, 4_999, 49_999];
  return {
    members: indices.map((i) => data.member(data.memberIdAt(i))),
    scenario: data.member(SCENARIO_MEMBERS.carePlanSensitiveParts),
    providers: data.providersOfTaxId('060646668').map((p) => p.profile),
    claims: data.claimsSubmittedBetween(['060646668', '133456789'], '2026-10-01', '2026-11-23'),
    claim: data.claim(SCENARIO_CLAIMS.paidByCheck),
    benefits: data.benefits(data.memberIdAt(7), 2026),
  };
}

describe('the data layer', () => {
  it('gives the same members, providers, claims and benefits for the same seed', () => {
    expect(JSON.stringify(sample(42))).toBe(JSON.stringify(sample(42)));
  });

  it('gives the same member whatever was generated before it (no shared random state)', () => {
    const fresh = createPortalData({ seed: 42, memberCount: 50_000, anchorDate: ANCHOR });
    const busy = createPortalData({ seed: 42, memberCount: 50_000, anchorDate: ANCHOR });
    for (let i = 0; i < 300; i++) busy.member(busy.memberIdAt(i * 97));
    busy.claimsSubmittedBetween(['060646668'], '2026-09-01', '2026-11-23');
    expect(busy.member(busy.memberIdAt(31_337))).toEqual(fresh.member(fresh.memberIdAt(31_337)));
  });

  it('gives other members, providers and claims for another seed', () => {
    const a = sample(42);
    const b = sample(43);
    expect(a.members.map((m) => m?.details.firstName)).not.toEqual(
      b.members.map((m) => m?.details.firstName),
    );
    expect(a.providers.map((p) => p.npi)).not.toEqual(b.providers.map((p) => p.npi));
    expect(a.claims.map((c) => c.claim.claimNumber)).not.toEqual(b.claims.map((c) => c.claim.claimNumber));
  });

  it('keeps the documented identities across seeds', () => {
    const a = sample(1);
    const b = sample(2);
    expect(a.scenario?.details.lastName).toBe('Lindqvist');
    expect(b.scenario?.details.lastName).toBe('Lindqvist');
    expect(a.providers.slice(0, 6).map((p) => p.npi)).toEqual(b.providers.slice(0, 6).map((p) => p.npi));
    expect(a.claim?.claim.claimNumber).toBe(b.claim?.claim.claimNumber);
  });

  it('moves relative dates with the anchor date', () => {
    const early = createPortalData({ seed: 42, memberCount: 10, anchorDate: '2026-01-15' });
    const late = createPortalData({ seed: 42, memberCount: 10, anchorDate: '2026-11-23' });
    expect(early.member(SCENARIO_MEMBERS.termed)?.details.coverageEndDate).toBe('2025-11-30');
    expect(late.member(SCENARIO_MEMBERS.termed)?.details.coverageEndDate).toBe('2026-09-30');
    expect(early.claim(SCENARIO_CLAIMS.paidByCheck)?.claim.submittedOn).toBe('2025-12-06');
    expect(late.claim(SCENARIO_CLAIMS.paidByCheck)?.claim.submittedOn).toBe('2026-10-14');
  });
});

async function answers(seed: number): Promise<string[]> {
  const portal = createTestPortal({ seed });
  const billing = await portal.tokenFor('billing.a');
  const clinical = await portal.tokenFor('clinical.a');
  const texts: string[] = [];
  const record = async (response: Response) => {
    const bytes = new Uint8Array(await response.arrayBuffer());
    texts.push(
      `${response.status} ${response.headers.get('content-type')} ${Buffer.from(bytes).toString('base64')}`,
    );
  };
  await record(await portal.call('GET', '/api/v1/claims?from=2026-09-01&to=2026-11-23', { token: billing }));
  await record(await portal.call('GET', `/api/v1/members/${GENERATED_MEMBER}`, { token: clinical }));
  await record(
    await portal.call('GET', `/api/v1/members/${SCENARIO_MEMBERS.activeCommercial}/id-card/front`, {
      token: clinical,
    }),
  );
  await record(
    await portal.call('GET', `/api/v1/claims/${SCENARIO_CLAIMS.paidByCheck}/explanation-of-payment`, {
      token: billing,
    }),
  );
  const exported = await portal.call('POST', '/api/v1/claim-exports', {
    token: billing,
    json: { from: '2026-09-01', to: '2026-11-23' },
  });
  const { documentId } = (await exported.json()) as { documentId: string };
  await portal.advance({ minutes: 2 });
  await record(
    await portal.call('GET', `/api/v1/documents/${documentId}/content`, {
      token: await portal.tokenFor('billing.a'),
    }),
  );
  return texts;
}

describe('two portals with the same seed', () => {
  it('answer the same requests byte for byte, and differ for another seed', async () => {
    const first = await answers(42);
    const second = await answers(42);
    expect(second).toEqual(first);
    const other = await answers(7);
    expect(other[0]).not.toBe(first[0]);
    expect(other[4]).not.toBe(first[4]);
  });
});
