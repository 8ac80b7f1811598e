import { describe, expect, it } from 'vitest';
import {
  checkSponsorParticipation,
  RECOMMENDED_SITE_MANAGERS,
  siteManagerNotices,
  validateSecondarySiteManager,
} from './site-managers.ts';
import { validateOrganizationRegistration } from './users.ts';

describe('siteManagerNotices', () => {
  it('recommends a second site manager below two, and says nothing from two on', () => {
    expect(RECOMMENDED_SITE_MANAGERS).toBe(2);
    expect(siteManagerNotices(0).map((n) => n.code)).toEqual(['SECONDARY_SITE_MANAGER_RECOMMENDED']);
    expect(siteManagerNotices(1).map((n) => n.code)).toEqual(['SECONDARY_SITE_MANAGER_RECOMMENDED']);
    expect(siteManagerNotices(2)).toEqual([]);
    expect(siteManagerNotices(3)).toEqual([]);
  });
});

describe('validateSecondarySiteManager', () => {
  it('accepts the three site manager titles', () => {
    for (const title of ['medical_director', 'agency_director', 'office_administrator']) {
      expect(validateSecondarySiteManager({ userId: 'USR-000002', title }).success).toBe(true);
    }
  });

  it('refuses another or a missing title with LEAD_SITE_MANAGER_TITLE, and a malformed user id', () => {
    const result = validateSecondarySiteManager({ userId: 'USR-2', title: 'nurse' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.violations.map((v) => [v.code, v.path])).toEqual([
      ['VALIDATION_FAILED', '$.userId'],
      ['LEAD_SITE_MANAGER_TITLE', '$.title'],
    ]);
    const missing = validateSecondarySiteManager({ userId: 'USR-000002' });
    expect(missing.success ? [] : missing.violations.map((v) => v.code)).toEqual(['LEAD_SITE_MANAGER_TITLE']);
  });
});

describe('checkSponsorParticipation', () => {
  const body = (npi: unknown) => ({ sponsor: { name: 'Adamski, John', npi } });
  const participating = (npi: string) => npi === '1407819535';

  it('passes a participating sponsor, and checks nothing without a directory', () => {
    expect(checkSponsorParticipation(body('1407819535'), participating)).toEqual([]);
    expect(checkSponsorParticipation(body('1999999992'), undefined)).toEqual([]);
  });

  it('refuses a valid NPI that does not participate, at $.sponsor.npi', () => {
    expect(checkSponsorParticipation(body('1999999992'), participating)).toEqual([
      expect.objectContaining({ code: 'SPONSOR_NOT_PARTICIPATING', path: '$.sponsor.npi' }),
    ]);
  });

  it('leaves a malformed or missing NPI to INVALID_NPI and the schema', () => {
    expect(checkSponsorParticipation(body('1407819536'), participating)).toEqual([]);
    expect(checkSponsorParticipation({}, participating)).toEqual([]);
  });

  it('is part of validateOrganizationRegistration when the context says who participates', () => {
    const registration = {
      organization: { name: 'Wethersfield Family Practice', taxId: '271234567', groupNpi: '1234567893' },
      leadSiteManager: {
        firstName: 'Nadia',
        lastName: 'Kowalski',
        title: 'office_administrator',
        email: 'nkowalski@wethersfieldfp.example',
        phone: '(860) 555-0142',
        pin: '4821',
      },
      ...body('1999999992'),
      providerAgreementAccepted: true,
      securityPolicyAcknowledged: true,
    };
    expect(validateOrganizationRegistration(registration).success).toBe(true);
    const refused = validateOrganizationRegistration(registration, { participatingProvider: participating });
    expect(refused.success ? [] : refused.violations.map((v) => v.code)).toEqual([
      'SPONSOR_NOT_PARTICIPATING',
    ]);
  });
});
