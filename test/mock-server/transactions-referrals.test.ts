import { describe, expect, it } from 'vitest';
import {
  activeMember,
  LOPEZ_A,
  openPortal,
  PATEL,
  RIVERA_B,
  sharedMember,
  TAX_ID_A,
  type TestPortal,
  verifySite,
} from './transactions-support.ts';

function referralBody(memberId: string, overrides: Record<string, unknown> = {}) {
  return {
    memberId,
    referringProvider: LOPEZ_A,
    specialist: PATEL,
    startDate: '2026-11-16',
    visits: 6,
    diagnoses: [{ code: 'M17.11', primary: true }],
    reason: 'Right knee osteoarthritis; evaluation for injection.',
    ...overrides,
  };
}

const EVERYTHING = 'from=2024-11-23&to=2026-11-23&pageSize=100';

async function created(portal: TestPortal, token: string, body: unknown) {
  const answer = await portal.call('POST', '/api/v1/referrals', { token, json: body });
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('referrals', () => {
  it('are created with a tracking number and found again by search and details', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const body = await created(portal, token, referralBody(member.details.memberId));
    expect(body).toMatchObject({
      outcome: 'created',
      trackingNumber: expect.stringMatching(/^RF-\d{8}$/),
      referral: {
        memberId: member.details.memberId,
        startDate: '2026-11-16',
        endDate: '2027-05-15',
        visits: 6,
        visitsUsed: 0,
        status: 'active',
        source: 'portal',
        submittedAt: '2026-11-23T14:00:00Z',
        specialist: PATEL,
      },
    });
    const made = await portal.call('GET', `/api/v1/referrals?direction=made&${EVERYTHING}`, { token });
    expect(made.body.data[0]).toMatchObject({
      trackingNumber: body.trackingNumber,
      direction: 'made',
      referringProviderNpi: LOPEZ_A.npi,
      specialistName: 'Patel, Raj',
    });
    const details = await portal.call('GET', `/api/v1/referrals/${body.trackingNumber}`, { token });
    expect(details.status).toBe(200);
    expect(details.body).toEqual(body.referral);
    const byMember = await portal.call(
      'GET',
      `/api/v1/referrals?memberId=${member.details.memberId}&${EVERYTHING}`,
      {
        token,
      },
    );
    expect(byMember.body.data.map((row: any) => row.trackingNumber)).toContain(body.trackingNumber);
  });

  it.each(['medicaid_enhanced_care', 'harp_enhanced_care_plus', 'child_health_plus', 'essential_plan'])(
    'are not required for %s members: 200 not_required, nothing stored',
    async (productType) => {
      const portal = openPortal();
      const member = activeMember(portal, productType);
      const token = await portal.token('clinical.a');
      const answer = await portal.call('POST', '/api/v1/referrals', {
        token,
        json: referralBody(member.details.memberId),
        headers: { 'idempotency-key': `not-required-${productType}` },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        outcome: 'not_required',
        code: 'REFERRAL_NOT_REQUIRED',
        productType,
      });
      expect(answer.body.message).toContain('January 1, 2023');
      const search = await portal.call(
        'GET',
        `/api/v1/referrals?memberId=${member.details.memberId}&${EVERYTHING}`,
        {
          token,
        },
      );
      expect(
        search.body.data.filter(
          (row: any) => row.source === 'portal' && row.submittedAt === '2026-11-23T14:00:00Z',
        ),
      ).toEqual([]);
    },
  );

  it('may be backdated 30 days, not 31', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    await created(portal, token, referralBody(member.details.memberId, { startDate: '2026-10-24' }));
    const refused = await portal.call('POST', '/api/v1/referrals', {
      token,
      json: referralBody(member.details.memberId, { startDate: '2026-10-23', endDate: '2026-10-01' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REFERRAL_BACKDATE_EXCEEDED');
    expect(refused.body.violations.map((v: any) => v.code)).toEqual([
      'REFERRAL_BACKDATE_EXCEEDED',
      'SERVICE_DATES_REVERSED',
    ]);
  });

  it('are refused for a referring provider of another Tax ID (403) and an unknown provider address (422)', async () => {
    const portal = openPortal();
    const member = sharedMember(portal);
    const token = await portal.token('admin.b');
    const forbidden = await portal.call('POST', '/api/v1/referrals', {
      token,
      json: referralBody(member.details.memberId),
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('TAX_ID_NOT_AUTHORIZED');
    const mismatch = await portal.call('POST', '/api/v1/referrals', {
      token,
      json: referralBody(member.details.memberId, {
        referringProvider: RIVERA_B,
        specialist: { ...PATEL, taxId: '061777234' },
      }),
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('PROVIDER_IDENTITY_MISMATCH');
  });

  it('made by one Tax ID are received by the specialist’s Tax ID, and invisible to others', async () => {
    const portal = openPortal();
    const member = sharedMember(portal);
    const tokenB = await portal.token('admin.b');
    const toA = await created(
      portal,
      tokenB,
      referralBody(member.details.memberId, { referringProvider: RIVERA_B, specialist: LOPEZ_A }),
    );
    const tokenA = await portal.token('clinical.a');
    const received = await portal.call('GET', `/api/v1/referrals?direction=received&${EVERYTHING}`, {
      token: tokenA,
    });
    expect(received.body.data).toContainEqual(
      expect.objectContaining({
        trackingNumber: toA.trackingNumber,
        direction: 'received',
        specialistNpi: LOPEZ_A.npi,
      }),
    );
    const madeByA = await portal.call('GET', `/api/v1/referrals?direction=made&${EVERYTHING}`, {
      token: tokenA,
    });
    expect(madeByA.body.data.map((row: any) => row.trackingNumber)).not.toContain(toA.trackingNumber);
    const madeByB = await portal.call('GET', `/api/v1/referrals?direction=made&${EVERYTHING}`, {
      token: tokenB,
    });
    expect(madeByB.body.data.map((row: any) => row.trackingNumber)).toContain(toA.trackingNumber);
    expect(
      (await portal.call('GET', `/api/v1/referrals/${toA.trackingNumber}`, { token: tokenA })).status,
    ).toBe(200);

    const toPatel = await created(portal, tokenA, referralBody(member.details.memberId));
    const hidden = await portal.call('GET', `/api/v1/referrals/${toPatel.trackingNumber}`, { token: tokenB });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    const searchB = await portal.call('GET', `/api/v1/referrals?${EVERYTHING}`, { token: tokenB });
    expect(searchB.body.data.map((row: any) => row.trackingNumber)).not.toContain(toPatel.trackingNumber);
  });

  it('include referrals on file, some by fax or phone, the same for a seed', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const all = await portal.call('GET', `/api/v1/referrals?${EVERYTHING}`, { token });
    expect(all.body.data.length).toBeGreaterThan(3);
    const sources = new Set(all.body.data.map((row: any) => row.source));
    expect(sources.has('fax') || sources.has('phone')).toBe(true);
    expect(new Set(all.body.data.map((row: any) => row.direction))).toEqual(new Set(['made', 'received']));
    const dates = all.body.data.map((row: any) => row.submittedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const first = all.body.data[0];
    const details = await portal.call('GET', `/api/v1/referrals/${first.trackingNumber}`, { token });
    expect(details.body).toMatchObject({ trackingNumber: first.trackingNumber, source: first.source });

    const again = openPortal();
    const againToken = await again.token('clinical.a');
    expect((await again.call('GET', `/api/v1/referrals?${EVERYTHING}`, { token: againToken })).body).toEqual(
      all.body,
    );
    const multi = await again.call('GET', `/api/v1/referrals?${EVERYTHING}`, {
      token: await again.token('multi.tin'),
    });
    expect(multi.body.page.totalItems).toBeGreaterThan(all.body.page.totalItems);
  });

  it('are searched at most 24 months back: the same day two years ago passes, the day before fails', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const ok = await portal.call('GET', '/api/v1/referrals?from=2024-11-23&to=2026-11-23', { token });
    expect(ok.status).toBe(200);
    const refused = await portal.call('GET', '/api/v1/referrals?from=2024-11-22&to=2026-11-23', { token });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REFERRAL_LOOKBACK_EXCEEDED');
    const reversed = await portal.call('GET', '/api/v1/referrals?from=2026-11-23&to=2026-11-01', { token });
    expect(reversed.status).toBe(400);
  });

  it('expire after their end date and drop out of reach after 24 months', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const body = await created(
      portal,
      token,
      referralBody(member.details.memberId, { endDate: '2026-12-15' }),
    );
    await portal.setClock('2026-12-16T15:00:00Z');
    token = await portal.token('clinical.a');
    const expired = await portal.call('GET', `/api/v1/referrals/${body.trackingNumber}`, { token });
    expect(expired.body.status).toBe('expired');
    await portal.setClock('2028-11-23T15:00:00Z');
    await verifySite(portal, 'admin.a', TAX_ID_A);
    token = await portal.token('clinical.a');
    const kept = await portal.call('GET', `/api/v1/referrals/${body.trackingNumber}`, { token });
    expect(kept.status).toBe(200);
    await portal.setClock('2028-11-24T15:00:00Z');
    token = await portal.token('clinical.a');
    const gone = await portal.call('GET', `/api/v1/referrals/${body.trackingNumber}`, { token });
    expect(gone.status).toBe(404);
  });

  it('are created once for an Idempotency-Key sent twice', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const headers = { 'idempotency-key': 'rf-1' };
    const json = referralBody(member.details.memberId);
    const first = await portal.call('POST', '/api/v1/referrals', { token, json, headers });
    const second = await portal.call('POST', '/api/v1/referrals', { token, json, headers });
    expect(second.body).toEqual(first.body);
    const search = await portal.call(
      'GET',
      `/api/v1/referrals?memberId=${member.details.memberId}&direction=made&${EVERYTHING}`,
      {
        token,
      },
    );
    expect(search.body.data.filter((row: any) => row.submittedAt === '2026-11-23T14:00:00Z')).toHaveLength(1);
  });
});
