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

describe('the words and paths of the site manager rules', () => {
  const titles =
    'only an Agency Director, Office Manager or Medical Director may be designated a Site Manager, lead or ' +
    'secondary (medical_director, agency_director, office_administrator).';

  it('recommend a secondary site manager at $.secondary', () => {
    expect(siteManagerNotices(1)).toEqual([
      {
        code: 'SECONDARY_SITE_MANAGER_RECOMMENDED',
        path: '$.secondary',
        message:
          'Only one Site Manager is assigned: it is recommended that two (2) Site Managers be assigned, to share ' +
          'the responsibilities and provide an administrative backup. Designate a Secondary Site Manager ' +
          '(designateSecondarySiteManager).',
      },
    ]);
  });

  it('say whether the title is missing or which one is not a site manager title', () => {
    expect(validateSecondarySiteManager({ userId: 'USR-000002' })).toEqual({
      success: false,
      violations: [
        { code: 'LEAD_SITE_MANAGER_TITLE', path: '$.title', message: `The title is missing: ${titles}` },
      ],
      warnings: [],
    });
    expect(validateSecondarySiteManager({ userId: 'USR-000002', title: 'nurse' })).toEqual({
      success: false,
      violations: [
        {
          code: 'LEAD_SITE_MANAGER_TITLE',
          path: '$.title',
          message: `"nurse" is not a Site Manager title: ${titles}`,
        },
      ],
      warnings: [],
    });
  });

  it('leave other fields to VALIDATION_FAILED', () => {
    expect(validateSecondarySiteManager({ userId: 'USR-1', title: 'medical_director' })).toEqual({
      success: false,
      violations: [
        {
          code: 'VALIDATION_FAILED',
          path: '$.userId',
          message: '$.userId does not have the expected form /^USR-\\d{6}$/ ("USR-1").',
        },
      ],
      warnings: [],
    });
  });

  it('name the sponsor that does not participate', () => {
    expect(checkSponsorParticipation({ sponsor: { npi: '1234567893' } }, () => false)).toEqual([
      {
        code: 'SPONSOR_NOT_PARTICIPATING',
        path: '$.sponsor.npi',
        message:
          'Provider 1234567893 is not a participating provider: the designated Sponsor Representative must be a ' +
          'participating provider/physician of the plan. Name a participating physician of the group as the sponsor.',
      },
    ]);
  });
});
