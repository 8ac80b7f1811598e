import { describe, expect, it, vi } from 'vitest';
import { BASE_URL, fakeFetch, json } from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from '../client.ts';
import { fixedClock } from '../rules/index.ts';

const referral = {
  memberId: 'K5500648801',
  referringProvider: {
    npi: '1407819535',
    taxId: '060646668',
    name: 'Adamski, John',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  },
  specialist: {
    npi: '1518060557',
    taxId: '133456789',
    name: 'Riverside Physical Therapy',
    address: { line1: '55 Water St', city: 'New York', state: 'NY', zip: '10041' },
  },
  startDate: '2026-11-23',
  visits: 3,
  diagnoses: [{ code: 'J45.40', primary: true }],
};
const created = { outcome: 'not_required', message: 'No referral is needed.' };

function client(extra: Record<string, unknown>) {
  const fetch = fakeFetch(json(200, created));
  const lines: string[] = [];
  const logger = {
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
  const portal = createPortalClient({
    baseUrl: BASE_URL,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
    clock: fixedClock('2026-11-23T15:00:00Z'),
    logger,
    ...extra,
  });
  return { portal, fetch, lines };
}

describe('warnings of the rules', () => {
  it('are sent with the call, logged, given to onWarning once with the operation, and answered', async () => {
    const onWarning = vi.fn();
    const { portal, fetch, lines } = client({ onWarning });
    const result = await portal.referrals
      .create(referral, { rules: { productType: 'essential_plan' } })
      .withResponse();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(result.warnings.map((w) => w.code)).toEqual(['REFERRAL_NOT_REQUIRED']);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning).toHaveBeenCalledWith(
      [expect.objectContaining({ code: 'REFERRAL_NOT_REQUIRED' })],
      'createReferral',
    );
    expect(lines).toEqual([
      expect.stringMatching(/^warn createReferral: REFERRAL_NOT_REQUIRED: As of January 1, 2023/),
    ]);
  });

  it('without an onWarning, the warning is logged and nothing fails', async () => {
    const { portal, lines } = client({});
    await portal.referrals.create(referral, { rules: { productType: 'essential_plan' } });
    expect(lines).toEqual([expect.stringMatching(/^warn createReferral: REFERRAL_NOT_REQUIRED/)]);
  });

  it('without a warning, nothing is logged or reported', async () => {
    const onWarning = vi.fn();
    const { portal, lines } = client({ onWarning });
    const result = await portal.referrals.create(referral).withResponse();
    expect(result.warnings).toEqual([]);
    expect(onWarning).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('an onWarning that throws never breaks the call: it is logged as an error', async () => {
    const { portal, lines } = client({
      onWarning: () => {
        throw new Error('listener failed');
      },
    });
    await expect(
      portal.referrals.create(referral, { rules: { productType: 'essential_plan' } }),
    ).resolves.toEqual(created);
    expect(lines.at(-1)).toBe('error onWarning threw');
  });
});
