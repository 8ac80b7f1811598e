import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinRangeError, pinViolations } from '../../test/support/violations.ts';
import { fixedClock } from './clock.ts';
import {
  accountLockStatus,
  canCheckNetworkStatus,
  canReadDocument,
  checkDocumentAccess,
  checkNetworkStatusAccess,
  isRole,
  requireAdmin,
  requireAdministratorRemains,
  requireUniqueEmail,
  siteVerificationStatus,
  validateInvitations,
  validateOrganizationRegistration,
  validateRoleGrants,
  validateUserRegistration,
} from './users.ts';
import type { RuleValidationResult } from './zod-issues.ts';

function codes(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}
const on = (day: string) => ({ clock: fixedClock(`${day}T15:00:00Z`) });

describe('roles', () => {
  it('knows the four roles', () => {
    expect(isRole('administrator')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });

  it('requireAdmin refuses every other role with ADMIN_ROLE_REQUIRED', () => {
    expect(requireAdmin('administrator')).toEqual([]);
    for (const role of ['clinical_staff', 'billing_staff', 'general_user', undefined] as const) {
      expect(requireAdmin(role, 'invite users')).toEqual([
        { code: 'ADMIN_ROLE_REQUIRED', path: '$', message: expect.stringContaining('can invite users') },
      ]);
    }
  });

  it('validateRoleGrants allows one role per Tax ID, different roles on different Tax IDs', () => {
    expect(
      validateRoleGrants([
        { taxId: '060646668', role: 'clinical_staff' },
        { taxId: '113456782', role: 'administrator' },
      ]).success,
    ).toBe(true);
    expect(
      codes(
        validateRoleGrants([
          { taxId: '060646668', role: 'clinical_staff' },
          { taxId: '113456782', role: 'administrator' },
          { taxId: '06-0646668', role: 'billing_staff' },
        ]),
      ),
    ).toEqual([['ONE_ROLE_PER_TAX_ID', '$[2].taxId']]);
    expect(codes(validateRoleGrants([{ taxId: '0606', role: 'boss' }]))).toEqual([
      ['INVALID_TAX_ID', '$[0].taxId'],
      ['VALIDATION_FAILED', '$[0].role'],
    ]);
    fc.assert(fc.property(fc.anything(), (input) => typeof validateRoleGrants(input).success === 'boolean'));
  });

  it('validateRoleGrants does not compare grants whose Tax ID is not valid', () => {
    expect(
      codes(
        validateRoleGrants([
          { taxId: '0606', role: 'clinical_staff' },
          { taxId: '0606', role: 'billing_staff' },
          { role: 'general_user' },
        ]),
      ),
    ).toEqual([
      ['INVALID_TAX_ID', '$[0].taxId'],
      ['INVALID_TAX_ID', '$[1].taxId'],
      ['VALIDATION_FAILED', '$[2].taxId'],
    ]);
  });

  it('requireAdministratorRemains refuses a change that leaves a Tax ID without administrator', () => {
    expect(requireAdministratorRemains(['USR-000005'], '133456789', 'revoke')).toEqual([]);
    const last = requireAdministratorRemains([], '133456789', 'revoke');
    expect(last.map((v) => [v.code, v.path])).toEqual([['LAST_ADMINISTRATOR', '$']]);
    pinViolations(last);
  });

  it('requireUniqueEmail refuses an email another account uses', () => {
    expect(requireUniqueEmail(false, 'clinical.a@hartfordfamilymed.example')).toEqual([]);
    const taken = requireUniqueEmail(true, 'clinical.a@hartfordfamilymed.example');
    expect(taken.map((v) => [v.code, v.path])).toEqual([['EMAIL_IN_USE', '$.email']]);
    pinViolations(taken);
  });
});

describe('validateInvitations', () => {
  const invite = (i: number, overrides: Record<string, unknown> = {}) => ({
    firstName: 'Karen',
    lastName: 'Chen',
    email: `user${i}@hartfordfamilymed.example`,
    role: 'billing_staff',
    ...overrides,
  });

  it('accepts 1 to 10 invitations and refuses 0 and 11', () => {
    expect(validateInvitations({ invitations: [invite(1)] }).success).toBe(true);
    expect(
      validateInvitations({ invitations: Array.from({ length: 10 }, (_, i) => invite(i)) }).success,
    ).toBe(true);
    expect(codes(validateInvitations({ invitations: [] }))).toEqual([['VALIDATION_FAILED', '$.invitations']]);
    expect(
      codes(validateInvitations({ invitations: Array.from({ length: 11 }, (_, i) => invite(i)) })),
    ).toEqual([['VALIDATION_FAILED', '$.invitations']]);
  });

  it('checks email, role and each NPI', () => {
    const result = validateInvitations({
      invitations: [invite(1, { email: 'karen', role: 'owner', npis: ['1407819535', '1407819530'] })],
    });
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.invitations[0].email'],
      ['VALIDATION_FAILED', '$.invitations[0].role'],
      ['INVALID_NPI', '$.invitations[0].npis[1]'],
    ]);
  });

  it('refuses the same person twice (one role per Tax ID) and the same NPI twice', () => {
    const result = validateInvitations({
      invitations: [
        invite(1),
        invite(2, { email: 'USER1@hartfordfamilymed.example', npis: ['1407819535', '1407819535'] }),
      ],
    });
    expect(codes(result)).toEqual([
      ['ONE_ROLE_PER_TAX_ID', '$.invitations[1].email'],
      ['VALIDATION_FAILED', '$.invitations[1].npis[1]'],
    ]);
  });

  it('compares emails trimmed and in any case', () => {
    const result = validateInvitations({
      invitations: [invite(1), invite(2, { email: ' user1@hartfordfamilymed.example ' })],
    });
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.invitations[1].email'],
      ['ONE_ROLE_PER_TAX_ID', '$.invitations[1].email'],
    ]);
  });

  it('does not take two different addresses for one (ß is not ss)', () => {
    const result = validateInvitations({
      invitations: [
        invite(1, { email: 'strasse@hartfordfamilymed.example' }),
        invite(2, { email: 'straße@hartfordfamilymed.example' }),
      ],
    });
    expect(codes(result)).toEqual([['VALIDATION_FAILED', '$.invitations[1].email']]);
  });

  it('does not compare missing, empty or blank emails, nor NPIs that are not strings', () => {
    const { email: _none, ...withoutEmail } = invite(1);
    const result = validateInvitations({
      invitations: [
        withoutEmail,
        withoutEmail,
        invite(3, { email: '' }),
        invite(4, { email: '' }),
        invite(5, { email: '  ' }),
        invite(6, { email: '  ', npis: [1407819535, 1407819535] }),
      ],
    });
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.invitations[0].email'],
      ['VALIDATION_FAILED', '$.invitations[1].email'],
      ['VALIDATION_FAILED', '$.invitations[2].email'],
      ['VALIDATION_FAILED', '$.invitations[3].email'],
      ['VALIDATION_FAILED', '$.invitations[4].email'],
      ['VALIDATION_FAILED', '$.invitations[5].email'],
      ['VALIDATION_FAILED', '$.invitations[5].npis[0]'],
      ['VALIDATION_FAILED', '$.invitations[5].npis[1]'],
    ]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (input) => typeof validateInvitations(input).success === 'boolean'));
  });
});

describe('validateOrganizationRegistration', () => {
  const registration = (overrides: Record<string, unknown> = {}, manager: Record<string, unknown> = {}) => ({
    organization: { name: 'Hartford Family Medicine Group', taxId: '06-0646668', groupNpi: '1407819535' },
    leadSiteManager: {
      firstName: 'Olivia',
      lastName: 'Miller',
      title: 'office_administrator',
      email: 'omiller@hartfordfamilymed.example',
      phone: '(860) 555-0142',
      pin: '4821',
      ...manager,
    },
    sponsor: { name: 'John Adamski, MD', npi: '1234567893' },
    providerAgreementAccepted: true,
    securityPolicyAcknowledged: true,
    ...overrides,
  });

  it('accepts a complete application and normalises the Tax ID', () => {
    const result = validateOrganizationRegistration(registration());
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.organization.taxId).toBe('060646668');
  });

  it('allows only a Medical Director, Agency Director or Office Administrator as Lead Site Manager', () => {
    for (const title of ['medical_director', 'agency_director', 'office_administrator']) {
      expect(validateOrganizationRegistration(registration({}, { title })).success).toBe(true);
    }
    for (const title of ['nurse', undefined]) {
      expect(codes(validateOrganizationRegistration(registration({}, { title })))).toEqual([
        ['LEAD_SITE_MANAGER_TITLE', '$.leadSiteManager.title'],
      ]);
    }
  });

  it('needs a PIN of exactly 4 digits', () => {
    for (const pin of ['123', '12345', 'abcd', 1234, undefined]) {
      expect(codes(validateOrganizationRegistration(registration({}, { pin })))).toEqual([
        ['INVALID_PIN', '$.leadSiteManager.pin'],
      ]);
    }
    expect(validateOrganizationRegistration(registration({}, { pin: '0000' })).success).toBe(true);
  });

  it('keeps VALIDATION_FAILED for the Lead Site Manager’s other fields', () => {
    expect(
      codes(validateOrganizationRegistration(registration({}, { firstName: 5, phone: undefined }))),
    ).toEqual([
      ['VALIDATION_FAILED', '$.leadSiteManager.firstName'],
      ['VALIDATION_FAILED', '$.leadSiteManager.phone'],
    ]);
  });

  it('reports every problem together', () => {
    const result = validateOrganizationRegistration(
      registration({
        organization: { name: 'HFM', taxId: '0606', groupNpi: '1407819530' },
        sponsor: { name: 'Dr A', npi: '1234567890' },
        providerAgreementAccepted: false,
      }),
    );
    expect(codes(result)).toEqual([
      ['INVALID_TAX_ID', '$.organization.taxId'],
      ['INVALID_NPI', '$.organization.groupNpi'],
      ['INVALID_NPI', '$.sponsor.npi'],
      ['VALIDATION_FAILED', '$.providerAgreementAccepted'],
    ]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        (input) => typeof validateOrganizationRegistration(input).success === 'boolean',
      ),
    );
  });
});

describe('validateUserRegistration', () => {
  const user = (overrides: Record<string, unknown> = {}) => ({
    applicationKey: 'AK-7Q4M-2XPD-9H3B',
    taxId: '060646668',
    firstName: 'Daniel',
    lastName: 'Reyes',
    email: 'dreyes@hartfordfamilymed.example',
    username: 'dreyes.hfm',
    password: 'Maple-Lantern-Quiet-73',
    pin: '4821',
    securityPolicyAcknowledged: true,
    providerAgreementAccepted: true,
    ...overrides,
  });

  it('accepts a registration with an application key or a registration code', () => {
    expect(validateUserRegistration(user()).success).toBe(true);
    expect(
      validateUserRegistration(user({ applicationKey: undefined, registrationCode: 'RC-58213-0471' }))
        .success,
    ).toBe(true);
  });

  it('needs exactly one of application key and registration code', () => {
    expect(codes(validateUserRegistration(user({ applicationKey: undefined })))).toEqual([
      ['VALIDATION_FAILED', '$'],
    ]);
    expect(codes(validateUserRegistration(user({ registrationCode: 'RC-58213-0471' })))).toEqual([
      ['VALIDATION_FAILED', '$'],
    ]);
  });

  it('needs a 4-digit PIN, a valid Tax ID and a 12-character password', () => {
    expect(
      codes(validateUserRegistration(user({ pin: '48210', taxId: '06-064666', password: 'short' }))),
    ).toEqual([
      ['INVALID_TAX_ID', '$.taxId'],
      ['VALIDATION_FAILED', '$.password'],
      ['INVALID_PIN', '$.pin'],
    ]);
  });

  it('answers INVALID_PIN also for a missing PIN or one that is not a string', () => {
    for (const pin of [4821, undefined]) {
      expect(codes(validateUserRegistration(user({ pin })))).toEqual([['INVALID_PIN', '$.pin']]);
    }
  });

  it('input that is not an object is one violation at $', () => {
    for (const input of [null, 'AK-7Q4M-2XPD-9H3B', [user()]]) {
      expect(codes(validateUserRegistration(input))).toEqual([['VALIDATION_FAILED', '$']]);
    }
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => typeof validateUserRegistration(input).success === 'boolean'),
    );
  });
});

describe('siteVerificationStatus', () => {
  it('is due 30 days after the last verification: day 30 is fine, day 31 overdue', () => {
    expect(siteVerificationStatus('2026-11-01', on('2026-11-01'))).toEqual({
      dueOn: '2026-12-01',
      overdue: false,
    });
    expect(siteVerificationStatus('2026-11-01', on('2026-12-01'))).toEqual({
      dueOn: '2026-12-01',
      overdue: false,
    });
    expect(siteVerificationStatus('2026-11-01', on('2026-12-02'))).toEqual({
      dueOn: '2026-12-01',
      overdue: true,
      violation: {
        code: 'SITE_VERIFICATION_OVERDUE',
        path: '$',
        message: expect.stringContaining('due by 2026-12-01'),
      },
    });
  });

  it('accepts an instant, read as a New York day', () => {
    // 23:30 on 2026-11-01 in New York.
    expect(siteVerificationStatus(new Date('2026-11-02T04:30:00Z'), on('2026-12-01')).dueOn).toBe(
      '2026-12-01',
    );
    pinRangeError(() => siteVerificationStatus('2026-11-31', on('2026-12-01')));
  });
});

describe('accountLockStatus', () => {
  it('locks an account inactive for 30 days: usable on day 30, locked from day 31', () => {
    expect(accountLockStatus('2026-11-01', on('2026-12-01'))).toEqual({
      locked: false,
      locksOn: '2026-12-02',
    });
    expect(accountLockStatus('2026-11-01', on('2026-12-02'))).toEqual({
      locked: true,
      locksOn: '2026-12-02',
      violation: { code: 'ACCOUNT_LOCKED', path: '$', message: expect.stringContaining('IT Service Desk') },
    });
  });

  it('reads the last activity instant on the New York calendar', () => {
    // 23:00 on 2026-11-01 in New York (04:00Z on the 2nd).
    expect(accountLockStatus(new Date('2026-11-02T04:00:00Z'), on('2026-12-02')).locked).toBe(true);
    expect(accountLockStatus(new Date('2026-11-02T05:00:00Z'), on('2026-12-02')).locked).toBe(false);
    pinRangeError(() => accountLockStatus('2026-11-31', on('2026-12-01')));
  });
});

describe('network status and documents', () => {
  it('limits network checks to the providers the user acts for (NETWORK_STATUS_FORBIDDEN)', () => {
    expect(canCheckNetworkStatus(['1407819535'], '1407819535')).toBe(true);
    expect(canCheckNetworkStatus(['1407819535'], '1234567893')).toBe(false);
    expect(checkNetworkStatusAccess(['1407819535'], '1407819535')).toEqual([]);
    expect(checkNetworkStatusAccess([], '1234567893')).toEqual([
      { code: 'NETWORK_STATUS_FORBIDDEN', path: '$.npi', message: expect.stringContaining('1234567893') },
    ]);
  });

  it('shows an exported document to its owner only (EXPORT_OWNER_ONLY)', () => {
    expect(canReadDocument('USR-000042', 'USR-000042')).toBe(true);
    expect(canReadDocument('USR-000042', 'USR-000043')).toBe(false);
    expect(checkDocumentAccess('USR-000042', 'USR-000042')).toEqual([]);
    expect(checkDocumentAccess('USR-000042', 'USR-000043')).toEqual([
      { code: 'EXPORT_OWNER_ONLY', path: '$', message: expect.any(String) },
    ]);
  });
});

describe('the words of the users rules', () => {
  it('are pinned: admin role, site verification, account lock, network status and documents', () => {
    for (const role of ['clinical_staff', 'general_user', 'superuser' as never, undefined] as const) {
      pinViolations(requireAdmin(role, 'invite users'));
    }
    pinViolations(requireAdmin('billing_staff'));
    const overdue = siteVerificationStatus('2026-11-01', on('2026-12-02'));
    pinViolations(overdue.overdue ? [overdue.violation] : fail());
    const locked = accountLockStatus('2026-11-01', on('2026-12-02'));
    pinViolations(locked.locked ? [locked.violation] : fail());
    pinViolations(checkNetworkStatusAccess([], '1234567893'));
    pinViolations(checkDocumentAccess('USR-000042', 'USR-000043'));
  });
});

function fail(): never {
  throw new Error('expected a violation');
}
