/**
 * Every method that carries a rule checks its input first: a violation throws PortalValidationError
 * with every violation, and nothing goes over the network (the injected fetch is never called).
 */
import { describe, expect, it, vi } from 'vitest';
import { BASE_URL, fakeFetch, json } from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from '../client.ts';
import type { RequestBody } from '../core/types.ts';
import { PortalValidationError } from '../errors.ts';
import { fixedClock } from '../rules/index.ts';

const clock = fixedClock('2026-11-23T15:00:00Z');
const provider = {
  npi: '1407819535',
  taxId: '060646668',
  name: 'Adamski, John',
  address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
};
const preauth = {
  memberId: 'K5500648801',
  urgency: 'standard' as const,
  serviceType: 'physical_therapy' as const,
  requestingProvider: provider,
  servicingProvider: provider,
  diagnoses: [{ code: 'M54.50', primary: true }],
  serviceStartDate: '2026-12-01',
  serviceEndDate: '2027-02-26',
  serviceLines: [
    { procedureCode: '97110', units: 24, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
  ],
};
const referral: RequestBody<'createReferral'> = {
  memberId: 'K5500648801',
  referringProvider: provider,
  specialist: { ...provider, npi: '1518060557' },
  startDate: '2026-11-23',
  visits: 3,
  diagnoses: [{ code: 'J45.40', primary: true }],
};

function setup() {
  const fetch = fakeFetch(json(200, {}));
  const onWarning = vi.fn();
  const portal = createPortalClient({
    baseUrl: BASE_URL,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
    clock,
    onWarning,
  });
  return { fetch, portal, onWarning };
}

async function refused(call: Promise<unknown> | PromiseLike<unknown>) {
  const error = await Promise.resolve(call).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PortalValidationError);
  return (error as PortalValidationError).violations.map((v) => v.code);
}

describe('validation before sending', () => {
  const cases: [string, (portal: ReturnType<typeof setup>['portal']) => PromiseLike<unknown>, string[]][] = [
    [
      'preauthorizations.create: end 181 days out, bad CPT',
      (p) =>
        p.preauthorizations.create({
          ...preauth,
          serviceEndDate: '2027-05-23',
          serviceLines: [
            { procedureCode: '9711', units: 1, serviceStartDate: '2026-12-01', serviceEndDate: '2027-05-23' },
          ],
        }),
      ['INVALID_CPT_CODE', 'SERVICE_END_BEYOND_180_DAYS'],
    ],
    [
      'preauthorizations.checkRequirement: bad CPT',
      (p) => p.preauthorizations.checkRequirement({ memberId: 'K5500648801', procedureCodes: ['ABCDE'] }),
      ['INVALID_CPT_CODE'],
    ],
    [
      'preauthorizations.requestModification: no reason',
      (p) => p.preauthorizations.requestModification('PA-00000001', { reason: '' }),
      ['VALIDATION_FAILED'],
    ],
    [
      'session.consolidateAccounts: no password',
      (p) => p.session.consolidateAccounts({ username: 'dana.cci' } as never),
      ['VALIDATION_FAILED'],
    ],
    [
      'session.consolidateAccounts: blank username',
      (p) => p.session.consolidateAccounts({ username: '   ', password: 'Portal-Test-2026!' }),
      ['VALIDATION_FAILED'],
    ],
    [
      'referrals.create: backdated 31 days',
      (p) => p.referrals.create({ ...referral, startDate: '2026-10-23' }),
      ['REFERRAL_BACKDATE_EXCEEDED'],
    ],
    [
      'referrals.search: 25 months back',
      (p) => p.referrals.search({ direction: 'made', from: '2024-10-22', to: '2026-11-23' }),
      ['REFERRAL_LOOKBACK_EXCEEDED'],
    ],
    [
      'admissionNotifications.create: newborn without the newborn',
      (p) =>
        p.admissionNotifications.create({
          memberId: 'K5500648801',
          admissionType: 'newborn',
          admissionDate: '2026-11-22',
          facility: provider,
          diagnoses: [{ code: 'Z38.00', primary: true }],
        }),
      ['VALIDATION_FAILED'],
    ],
    [
      'members.search: one-letter name',
      (p) => p.members.search({ firstName: 'T', lastName: 'Ayod', dateOfBirth: '1954-09-05' }),
      ['SEARCH_TERM_TOO_SHORT'],
    ],
    [
      'members.search: incomplete',
      (p) => p.members.search({ lastName: 'Ayod' }),
      ['MEMBER_SEARCH_INCOMPLETE'],
    ],
    [
      'members.networkStatus: bad NPI',
      (p) => p.members.networkStatus('K5500648801', { npi: '1407819536' }),
      ['INVALID_NPI'],
    ],
    [
      'reports.pcpMemberPanel: bad NPI and Tax ID',
      (p) => p.reports.pcpMemberPanel({ pcpNpi: '1407819536', taxId: '12345' }),
      ['INVALID_NPI', 'INVALID_TAX_ID'],
    ],
    [
      'claims.search: 91-day window',
      (p) => p.claims.search({ from: '2026-01-01', to: '2026-04-01' }),
      ['CLAIMS_WINDOW_TOO_WIDE'],
    ],
    [
      'claims.export: three years back',
      (p) => p.claims.export({ from: '2023-09-01', to: '2023-10-01' }),
      ['CLAIMS_LOOKBACK_EXCEEDED'],
    ],
    [
      'messages.create: subcategory of another category',
      (p) =>
        p.messages.create({
          topic: 'general',
          senderNpi: '1407819535',
          category: 'claims',
          subcategory: 'referral_status',
          priority: 'medium',
          content: 'Where is it?',
          contactName: 'Olivia Miller',
          contactPhone: '(860) 545-7000',
        }),
      ['INVALID_MESSAGE_CATEGORY'],
    ],
    [
      'users.invite: eleven invitations',
      (p) =>
        p.users.invite('060646668', {
          invitations: Array.from({ length: 11 }, (_, i) => ({
            firstName: 'Dana',
            lastName: 'Reyes',
            email: `dana${i}@example.com`,
            role: 'clinical_staff' as const,
          })),
        }),
      ['VALIDATION_FAILED'],
    ],
    [
      'registration.registerUser: 3-digit PIN',
      (p) =>
        p.registration.registerUser({
          registrationCode: 'ABCD-1234',
          taxId: '060646668',
          firstName: 'Dana',
          lastName: 'Reyes',
          email: 'dana@example.com',
          phone: '(860) 545-7000',
          username: 'dreyes',
          password: 'Correct-Horse-Battery-42',
          pin: '123',
          providerAgreementAccepted: true,
        } as never),
      ['INVALID_PIN'],
    ],
    ['providers.get: bad NPI', (p) => p.providers.get('1407819536'), ['INVALID_NPI']],
    [
      'account.changePassword: 11 characters',
      (p) => p.account.changePassword({ currentPassword: 'Portal-Test-2026!', newPassword: 'p'.repeat(11) }),
      ['VALIDATION_FAILED'],
    ],
    [
      'account.changePassword: 129 characters',
      (p) => p.account.changePassword({ currentPassword: 'Portal-Test-2026!', newPassword: 'p'.repeat(129) }),
      ['VALIDATION_FAILED'],
    ],
    [
      'account.changePassword: the current password again',
      (p) =>
        p.account.changePassword({ currentPassword: 'Portal-Test-2026!', newPassword: 'Portal-Test-2026!' }),
      ['PASSWORD_UNCHANGED'],
    ],
    [
      'account.changePin: 3 digits',
      (p) => p.account.changePin({ currentPin: '2468', newPin: '135' }),
      ['INVALID_PIN'],
    ],
    [
      'account.changePin: 5 digits',
      (p) => p.account.changePin({ currentPin: '2468', newPin: '13579' }),
      ['INVALID_PIN'],
    ],
    [
      'account.changePin: the same PIN',
      (p) => p.account.changePin({ currentPin: '2468', newPin: '2468' }),
      ['PIN_UNCHANGED'],
    ],
    [
      'account.requestEmailChange: not an email',
      (p) => p.account.requestEmailChange({ email: 'not-an-email' }),
      ['VALIDATION_FAILED'],
    ],
    [
      'account.confirmEmailChange: a 5-digit code',
      (p) => p.account.confirmEmailChange({ changeId: 'EML-7Q4M2XPD', code: '24681' }),
      ['VALIDATION_FAILED'],
    ],
    ['account.updateSettings: nothing to change', (p) => p.account.updateSettings({}), ['VALIDATION_FAILED']],
    [
      'account.registerAdditionalTaxId: bad Tax ID',
      (p) => p.account.registerAdditionalTaxId({ taxId: '12345', registrationCode: 'RC-06123-4567' }),
      ['INVALID_TAX_ID'],
    ],
    ['providers.search: bad Tax ID', (p) => p.providers.search({ taxId: '1234' }), ['INVALID_TAX_ID']],
  ];

  it.each(cases)('%s', async (_label, call, codes) => {
    const { fetch, portal } = setup();
    const found = await refused(call(portal));
    for (const code of codes) expect(found).toContain(code);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends a valid request with the normalised input', async () => {
    const { fetch, portal } = setup();
    await portal.reports.pcpMemberPanel({ pcpNpi: '1407819535', taxId: '060646668' });
    await portal.users.list('06-0646668');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.requests[1]?.url.pathname).toBe('/api/v1/tax-ids/060646668/users');
  });

  it('sends a body with the fields the rules normalise (a Tax ID written NN-NNNNNNN as 9 digits)', async () => {
    const { fetch, portal } = setup();
    await portal.account.registerAdditionalTaxId({ taxId: '06-1234567', registrationCode: 'RC-06123-4567' });
    expect(JSON.parse(fetch.requests[0]?.body ?? '')).toEqual({
      taxId: '061234567',
      registrationCode: 'RC-06123-4567',
    });
  });

  it('surfaces warnings without blocking: REFERRAL_NOT_REQUIRED on the result, the logger and onWarning', async () => {
    const { fetch, portal, onWarning } = setup();
    const result = await portal.referrals
      .create(referral, { rules: { productType: 'essential_plan' } })
      .withResponse();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(result.warnings.map((w) => w.code)).toEqual(['REFERRAL_NOT_REQUIRED']);
    expect(onWarning).toHaveBeenCalledWith(
      [expect.objectContaining({ code: 'REFERRAL_NOT_REQUIRED' })],
      'createReferral',
    );
  });
});
