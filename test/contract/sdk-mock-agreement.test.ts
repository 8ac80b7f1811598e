/**
 * The headline promise, checked as a property: the SDK refuses, before sending, exactly the requests
 * the portal refuses, with the same codes. Valid preauthorizations, referrals, admission notifications,
 * messages, registrations, invitations, account consolidations, password, PIN and email changes,
 * settings updates, additional Tax IDs and member, claims, referral and
 * provider searches are mutated
 * at random (dates around the 180-day, 30-day backdate, coverage, lookback and window boundaries,
 * codes, NPIs, Tax IDs in both forms, PINs, units, visits, weights, modifiers, lists, lengths, enums,
 * paging, unknown and missing fields); each is given to the SDK (with the facts the portal has: today,
 * the member's coverage or product, the provider directory) and, untouched, to the mock portal. Where
 * the SDK sends, the portal must accept; where it refuses, the portal must refuse with the same rule
 * codes. A drift between the rules' zod schemas and the contract's JSON schemas (a length, a pattern)
 * fails here. Facts of access and state (another Tax ID, a taken username) are left out: no input rule
 * can know them.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountDirectory } from '../../mock-server/core/handlers/account-links.ts';
import { PERSONA_PASSWORD, PERSONA_PIN } from '../../mock-server/core/personas.ts';
import { createPortalClient, PortalApiError, PortalValidationError } from '../../sdk/index.ts';
import { addDays, fixedClock, type ProviderDirectory } from '../../sdk/rules/index.ts';
import { BASE, createTestPortal, TEST_CLOCK, type TestPortal } from '../mock-server/helpers.ts';
import { preauthorizationRequest } from '../sdk/support/targets.ts';

const TODAY = TEST_CLOCK.slice(0, 10);
type Body = Record<string, unknown> & { serviceLines: Record<string, unknown>[] };
type Mutation = (body: Body) => void;

const day = (offset: number) => addDays(TODAY, offset);
const dateValue = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((n) => day(n)),
  fc.integer({ min: 175, max: 185 }).map((n) => day(n)),
  fc.integer({ min: 8, max: 120 }).map((n) => day(n)),
  fc.constantFrom('2025-02-30', '2026-13-01', '', '12/01/2026', '1999-01-01'),
);
const set = (body: Body, key: string, value: unknown) => {
  body[key] = value;
};
// A change to a field of a nested object (a provider), when it is still there.
const setIn = (body: Body, key: string, field: string, value: unknown) => {
  const nested = body[key];
  if (typeof nested === 'object' && nested !== null) (nested as Record<string, unknown>)[field] = value;
};
// A change to the first service line, when there still is one.
const setLine = (body: Body, key: string, value: unknown) => {
  const first = body.serviceLines[0];
  if (first !== undefined) first[key] = value;
};

const mutations: fc.Arbitrary<Mutation>[] = [
  dateValue.map((d) => (b) => set(b, 'serviceEndDate', d)),
  dateValue.map((d) => (b) => set(b, 'serviceStartDate', d)),
  dateValue.map((d) => (b) => setLine(b, 'serviceEndDate', d)),
  dateValue.map((d) => (b) => setLine(b, 'serviceStartDate', d)),
  fc
    .constantFrom('97110', '9711', '971100', 'ABCDE', '0001F', 'E0601', 'e0601', '', 97110)
    .map((c) => (b) => setLine(b, 'procedureCode', c)),
  fc.constantFrom(0, 1, 999, 1000, 1.5, '2', -1).map((u) => (b) => setLine(b, 'units', u)),
  fc
    .array(fc.constantFrom('GP', 'RT', '59', 'gp', 'GPX', ''), { maxLength: 5 })
    .map((m) => (b) => setLine(b, 'modifiers', m)),
  fc.constant((b: Body) => set(b, 'serviceLines', [])),
  fc.array(fc.constantFrom('M17.11', 'M1711', 'Z00.00', 'XYZ', 'J45.40'), { maxLength: 13 }).map(
    (codes) => (b) =>
      set(
        b,
        'diagnoses',
        codes.map((code) => ({ code })),
      ),
  ),
  fc.constantFrom('standard', 'expedited', 'urgent', '').map((u) => (b) => set(b, 'urgency', u)),
  fc
    .constantFrom('outpatient_procedure', 'imaging', 'dental', '')
    .map((t) => (b) => set(b, 'serviceType', t)),
  fc
    .constantFrom('1234567893', '1234567894', '123456789', 'abcdefghij')
    .map((npi) => (b) => setIn(b, 'requestingProvider', 'npi', npi)),
  fc
    .constantFrom('060646668', '06-0646668', '06064666', '0606466680', 'TAXID')
    .map((taxId) => (b) => setIn(b, 'requestingProvider', 'taxId', taxId)),
  fc
    .constantFrom('', ' ', 'x'.repeat(120), 'x'.repeat(121))
    .map((name) => (b) => setIn(b, 'servicingProvider', 'name', name)),
  fc.constantFrom(1999, 2000, 2001).map((n) => (b) => set(b, 'notes', 'n'.repeat(n))),
  fc.constantFrom('K5500648801', 'k5500648801', 'K55', '').map((id) => (b) => set(b, 'memberId', id)),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
  fc
    .constantFrom('memberId', 'urgency', 'diagnoses', 'serviceEndDate', 'servicingProvider')
    .map((key) => (b) => void delete b[key]),
];

const preauthorizationMutations = mutations;

const referralMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .oneof(
      fc.integer({ min: -32, max: 3 }).map((n) => day(n)),
      fc.constantFrom('2025-02-30', ''),
    )
    .map((d) => (b) => set(b, 'startDate', d)),
  fc
    .oneof(
      fc.integer({ min: -5, max: 400 }).map((n) => day(n)),
      fc.constantFrom('2026-02-30'),
    )
    .map((d) => (b) => set(b, 'endDate', d)),
  fc.constantFrom(0, 1, 3, 99, 100, 2.5, '3').map((v) => (b) => set(b, 'visits', v)),
  fc.array(fc.constantFrom('J45.40', 'J4540', 'XYZ'), { maxLength: 13 }).map(
    (codes) => (b) =>
      set(
        b,
        'diagnoses',
        codes.map((code) => ({ code })),
      ),
  ),
  fc
    .constantFrom('1273645899', '1273645898', '12736458')
    .map((npi) => (b) => setIn(b, 'specialist', 'npi', npi)),
  fc
    .constantFrom('061555123', '06-1555123', '0615551')
    .map((taxId) => (b) => setIn(b, 'referringProvider', 'taxId', taxId)),
  fc.constantFrom(999, 1000, 1001).map((n) => (b) => set(b, 'reason', 'r'.repeat(n))),
  // K5500648803 is a Medicaid Enhanced Care member: no referral needed (a warning, still sent);
  // K5500648802 is termed (SERVICE_OUTSIDE_COVERAGE).
  fc
    .constantFrom('K5500648801', 'K5500648803', 'K5500648802', 'K55')
    .map((id) => (b) => set(b, 'memberId', id)),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
  fc.constantFrom('memberId', 'specialist', 'visits', 'startDate').map((key) => (b) => void delete b[key]),
];

const REFERRAL = {
  memberId: 'K5500648801',
  referringProvider: { ...preauthorizationRequest().requestingProvider },
  specialist: { ...preauthorizationRequest().servicingProvider },
  startDate: TODAY,
  visits: 3,
  diagnoses: [{ code: 'J45.40', primary: true }],
};

const ADMISSION = {
  memberId: 'K5500648801',
  admissionType: 'emergent_inpatient',
  admissionDate: day(-1),
  facility: {
    npi: '1003000126',
    taxId: '060646668',
    name: 'Hartford Family Medicine Group',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  },
  attendingProvider: { ...preauthorizationRequest().requestingProvider },
  diagnoses: [{ code: 'J45.52', primary: true }],
};

const admissionMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .oneof(
      fc.integer({ min: -40, max: 3 }).map((n) => day(n)),
      fc.constantFrom('2025-02-30', ''),
    )
    .map((d) => (b) => set(b, 'admissionDate', d)),
  fc
    .constantFrom('maternity', 'emergent_inpatient', 'newborn', 'elective')
    .map((t) => (b) => set(b, 'admissionType', t)),
  fc
    .record({
      birthDate: fc.integer({ min: -3, max: 1 }).map((n) => day(n)),
      sex: fc.constantFrom('female', 'male', 'undetermined', 'unknown'),
      birthWeightGrams: fc.constantFrom(199, 200, 3400, 7000, 7001),
    })
    .map((newborn) => (b) => set(b, 'newborn', newborn)),
  fc.array(fc.constantFrom('J45.52', 'O80', 'J4552', 'XYZ'), { maxLength: 13 }).map(
    (codes) => (b) =>
      set(
        b,
        'diagnoses',
        codes.map((code) => ({ code })),
      ),
  ),
  fc
    .constantFrom('1003000126', '1003000127', '100300012')
    .map((npi) => (b) => setIn(b, 'facility', 'npi', npi)),
  fc
    .constantFrom('060646668', '06-0646668', '133456789', '06064666')
    .map((taxId) => (b) => setIn(b, 'facility', 'taxId', taxId)),
  // K5500648807 is a member whose admissions a delegated entity reviews (still accepted); K5500648802
  // is termed (SERVICE_OUTSIDE_COVERAGE).
  fc
    .constantFrom('K5500648801', 'K5500648807', 'K5500648802', 'K55')
    .map((id) => (b) => set(b, 'memberId', id)),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
  fc
    .constantFrom('memberId', 'facility', 'attendingProvider', 'admissionDate')
    .map((key) => (b) => void delete b[key]),
];

const MESSAGE = {
  topic: 'general',
  senderNpi: '1234567893',
  category: 'claims',
  subcategory: 'claim_status',
  priority: 'medium',
  content: 'What is the status of claim 2026C00123456?',
  contactName: 'Daniel Reyes',
  contactPhone: '(860) 545-7000',
};

const messageMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('general', 'transaction', 'other').map((t) => (b) => set(b, 'topic', t)),
  // 9999REMIT003 is a claim of Tax ID A (a transaction the user cannot see answers 404: no rule of
  // the SDK's, so the well-formed references here are visible ones).
  fc
    .constantFrom(
      { type: 'claim', id: '9999REMIT003' },
      { type: 'claim', id: '' },
      { type: 'preauthorization', id: 'a b' },
      { type: 'invoice', id: '9999REMIT003' },
    )
    .map((transaction) => (b) => set(b, 'transaction', transaction)),
  fc.constantFrom('claims', 'eligibility', 'nonsense').map((category) => (b) => set(b, 'category', category)),
  fc
    .constantFrom('claim_status', 'benefits', 'nonsense')
    .map((subcategory) => (b) => set(b, 'subcategory', subcategory)),
  fc.constantFrom('urgent', 'high', 'medium', 'low', 'whenever').map((p) => (b) => set(b, 'priority', p)),
  fc
    .constantFrom('', '   ', 'x'.repeat(4000), 'x'.repeat(4001))
    .map((content) => (b) => set(b, 'content', content)),
  fc.constantFrom('', ' ', 'x'.repeat(100), 'x'.repeat(101)).map((n) => (b) => set(b, 'contactName', n)),
  fc
    .constantFrom('(860) 545-7000', '860-545-7000', '545-7000', '(860) 545-700')
    .map((phone) => (b) => set(b, 'contactPhone', phone)),
  fc.constantFrom('1234567893', '1234567894').map((npi) => (b) => set(b, 'senderNpi', npi)),
  fc.constantFrom('K5500648801', 'K55').map((id) => (b) => set(b, 'memberId', id)),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
  fc.constantFrom('content', 'priority', 'senderNpi').map((key) => (b) => void delete b[key]),
];

const nameValue = fc.constantFrom('A', 'Ab', 'Testh', ' ', '');
const memberSearchMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('K5500648801', 'K55', 'k5500648801', '').map((id) => (b) => set(b, 'memberId', id)),
  fc.constant((b: Body) => void delete b.memberId),
  nameValue.map((name) => (b) => set(b, 'firstName', name)),
  nameValue.map((name) => (b) => set(b, 'lastName', name)),
  fc.constantFrom('1980-04-12', '1980-02-30', day(1), '').map((dob) => (b) => set(b, 'dateOfBirth', dob)),
  fc
    .oneof(
      fc.constantFrom(-731, -730, -729, 0, 1).map((n) => day(n)),
      fc.constant('2026-02-30'),
    )
    .map((asOf) => (b) => set(b, 'asOf', asOf)),
  fc.constantFrom(0, 1, 100, 101).map((size) => (b) => set(b, 'pageSize', size)),
];

const claimsSearchMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom(-91, -90, -89, -60, 1).map((n) => (b) => set(b, 'from', day(n))),
  fc.constantFrom(-100, -1, 0, 1).map((n) => (b) => set(b, 'to', day(n))),
  fc.constantFrom(-731, -730, -800).map((n) => (b) => set(b, 'from', day(n))),
  fc.constantFrom('2026-02-30', '').map((d) => (b) => set(b, 'to', d)),
  fc.constantFrom('K5500648801', 'K55').map((id) => (b) => set(b, 'memberId', id)),
  fc
    .constantFrom('2026C00123456', '26C001', '2026c00123456')
    .map((claim) => (b) => set(b, 'claimNumber', claim)),
  fc.constantFrom('paid', 'denied', 'lost').map((status) => (b) => set(b, 'status', status)),
  fc.constantFrom('1234567893', '1234567894').map((npi) => (b) => set(b, 'providerNpi', npi)),
  fc.constantFrom(0, 100, 101).map((size) => (b) => set(b, 'pageSize', size)),
];

const referralSearchMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('all', 'inbound', 'outbound', 'sideways').map((d) => (b) => set(b, 'direction', d)),
  fc.constantFrom(-731, -730, -729, -30, 1).map((n) => (b) => set(b, 'from', day(n))),
  fc.constantFrom(-800, -1, 0, 1).map((n) => (b) => set(b, 'to', day(n))),
  fc.constantFrom('2026-02-30', '').map((d) => (b) => set(b, 'from', d)),
  fc.constantFrom('K5500648801', 'K55').map((id) => (b) => set(b, 'memberId', id)),
  fc.constantFrom('1234567893', '1234567894').map((npi) => (b) => set(b, 'providerNpi', npi)),
  fc.constantFrom(0, 100, 101).map((size) => (b) => set(b, 'pageSize', size)),
];

const providerSearchMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('Lopez', 'L', '').map((name) => (b) => set(b, 'name', name)),
  fc.constant((b: Body) => void delete b.name),
  fc.constantFrom('1234567893', '1234567894', '12345').map((npi) => (b) => set(b, 'npi', npi)),
  // (Another Tax ID would be a question of access, 403, which no input rule can know.)
  fc.constantFrom('060646668', '06-0646668', '0606').map((taxId) => (b) => set(b, 'taxId', taxId)),
  fc.constantFrom(0, 100, 101).map((size) => (b) => set(b, 'pageSize', size)),
];

const ORGANIZATION = {
  organization: { name: 'Wethersfield Family Practice', taxId: '271234567', groupNpi: '1234567893' },
  leadSiteManager: {
    firstName: 'Nadia',
    lastName: 'Kowalski',
    title: 'office_administrator',
    email: 'nkowalski@wethersfieldfp.example',
    phone: '(860) 555-0142',
    pin: '4821',
  },
  sponsor: { name: 'Adamski, John', npi: '1407819535' },
  providerAgreementAccepted: true,
  securityPolicyAcknowledged: true,
};

const pinValue = fc.constantFrom('4821', '482', '48211', 'abcd', '');
const organizationMutations: fc.Arbitrary<Mutation>[] = [
  // (A Tax ID already registered would be a 409 of the portal's state, not of the input.)
  fc
    .constantFrom('271234567', '27-1234567', '27123456', '')
    .map((taxId) => (b) => setIn(b, 'organization', 'taxId', taxId)),
  fc.constantFrom('1234567893', '1234567894').map((npi) => (b) => setIn(b, 'organization', 'groupNpi', npi)),
  fc
    .constantFrom('', ' ', 'x'.repeat(120), 'x'.repeat(121))
    .map((n) => (b) => setIn(b, 'organization', 'name', n)),
  fc
    .constantFrom('office_administrator', 'medical_director', 'nurse', '')
    .map((title) => (b) => setIn(b, 'leadSiteManager', 'title', title)),
  pinValue.map((pin) => (b) => setIn(b, 'leadSiteManager', 'pin', pin)),
  fc
    .constantFrom('nkowalski@wethersfieldfp.example', 'nkowalski', '')
    .map((email) => (b) => setIn(b, 'leadSiteManager', 'email', email)),
  fc
    .constantFrom('(860) 555-0142', '860.555.0142', '555-0142')
    .map((phone) => (b) => setIn(b, 'leadSiteManager', 'phone', phone)),
  // 1999999992 is a valid NPI the directory does not know (SPONSOR_NOT_PARTICIPATING).
  fc
    .constantFrom('1407819535', '1407819536', '1999999992')
    .map((npi) => (b) => setIn(b, 'sponsor', 'npi', npi)),
  fc.constantFrom(true, false, 'yes').map((v) => (b) => set(b, 'providerAgreementAccepted', v)),
  fc.constant((b: Body) => void delete b.sponsor),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
];

const USER = {
  registrationCode: 'RC-06064-6668',
  taxId: '060646668',
  firstName: 'Karen',
  lastName: 'Chen',
  email: 'kchen@hartfordfamilymed.example',
  username: 'kchen.hfm',
  password: 'Correct-Horse-Battery-42',
  pin: '2468',
  securityPolicyAcknowledged: true,
  providerAgreementAccepted: true,
};

const userMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('RC-06064-6668', 'RC-0606-6668', '').map((code) => (b) => set(b, 'registrationCode', code)),
  fc.constant((b: Body) => set(b, 'applicationKey', 'AK-HFMG-0606-4666')),
  fc.constantFrom('060646668', '06-0646668', '0606466').map((taxId) => (b) => set(b, 'taxId', taxId)),
  fc.constantFrom('abc', 'abcd', 'kchen.hfm', 'bad name!').map((u) => (b) => set(b, 'username', u)),
  fc.constantFrom(11, 12, 128, 129).map((n) => (b) => set(b, 'password', 'p'.repeat(n))),
  pinValue.map((pin) => (b) => set(b, 'pin', pin)),
  fc.constantFrom('kchen@example.com', 'kchen@', '').map((email) => (b) => set(b, 'email', email)),
  fc.constantFrom('(860) 555-0142', '555-0142').map((phone) => (b) => set(b, 'phone', phone)),
  fc.constantFrom(true, false).map((v) => (b) => set(b, 'securityPolicyAcknowledged', v)),
  fc.constantFrom('Karen', '', ' ', 'x'.repeat(61)).map((n) => (b) => set(b, 'firstName', n)),
  fc.constant((b: Body) => void delete b.registrationCode),
];

const ACCOUNT_LINK = {
  providerType: 'practitioner',
  practitionerFirstName: 'John',
  practitionerLastName: 'Adamski',
  taxId: '060646668',
  providerId: 'CCA0051877',
  zip: '06102',
  providerAgreementAccepted: true,
};

// (A Tax ID with an administrator the caller is not on would be the portal's state, not the input:
// the caller, clinical.a, is on Tax ID A. The SDK does not check the shapes of a link body, only its
// rules, so the mutations keep the shapes well-formed.)
const accountLinkMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('CCA0051877', 'CCA0051902', 'CCA0048213').map((id) => (b) => set(b, 'providerId', id)),
  fc.constantFrom('06102', '06032', '06457', '99501', '06147-4418').map((zip) => (b) => set(b, 'zip', zip)),
  fc.constantFrom(true, false, 'yes').map((v) => (b) => set(b, 'providerAgreementAccepted', v)),
  fc.constant((b: Body) => void delete b.providerAgreementAccepted),
  fc.constantFrom('Adamski', 'ADAMSKI', 'Lopez').map((n) => (b) => set(b, 'practitionerLastName', n)),
  fc.constantFrom('060646668', '06-0646668', '0606466').map((taxId) => (b) => set(b, 'taxId', taxId)),
];

// (The Lead Site Manager, a revoked or unknown user would be the portal's state, not the input.)
const secondarySiteManagerMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('USR-000002', 'USR-000003', 'USR-2', '', 42).map((id) => (b) => set(b, 'userId', id)),
  fc
    .constantFrom('medical_director', 'agency_director', 'office_administrator', 'nurse', '', null)
    .map((title) => (b) => set(b, 'title', title)),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
  fc.constantFrom('userId', 'title').map((key) => (b) => void delete b[key]),
];

const invitationValue = fc.record({
  firstName: fc.constantFrom('Dana', '', 'x'.repeat(61)),
  lastName: fc.constantFrom('Reyes', ' '),
  email: fc.constantFrom('dreyes@hartfordfamilymed.example', 'DReyes@hartfordfamilymed.example', 'dreyes@'),
  role: fc.constantFrom('clinical_staff', 'billing_staff', 'general_user', 'superuser'),
});
const invitationMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .array(invitationValue, { maxLength: 11 })
    .map((invitations) => (b) => set(b, 'invitations', invitations)),
  fc.constant((b: Body) => set(b, 'unexpected', true)),
];

// Only input changes: another existing username or a wrong password is a fact of state no input rule
// can know (CONSOLIDATION_ACCOUNT_NOT_FOUND), so the password stays right or becomes malformed.
const consolidationMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .constantFrom('', '   ', '  dana.cci  ', 'd'.repeat(101), 42, null)
    .map((username) => (b) => set(b, 'username', username)),
  fc.constantFrom('', 'p'.repeat(129), null, 7).map((password) => (b) => set(b, 'password', password)),
  fc.constantFrom('username', 'password').map((key) => (b) => {
    delete b[key];
  }),
  fc.constant((b: Body) => set(b, 'rememberMe', true)),
];

// Your own account. Only input changes: a wrong current password or PIN, another account's email and
// a wrong or used code are facts of state no input rule can know (INVALID_CREDENTIALS, EMAIL_IN_USE,
// EMAIL_CODE_INVALID, REGISTRATION_CODE_INVALID). Lengths at the limits and their neighbours.
const passwordChangeMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .constantFrom(11, 12, 13, 127, 128, 129, 0)
    .map((length) => (b) => set(b, 'newPassword', 'n'.repeat(length))),
  fc.constantFrom(PERSONA_PASSWORD, null, 42).map((value) => (b) => set(b, 'newPassword', value)),
  fc.constantFrom('', 'c'.repeat(129), null).map((value) => (b) => set(b, 'currentPassword', value)),
  fc.constantFrom('currentPassword', 'newPassword').map((key) => (b) => {
    delete b[key];
  }),
  fc.constant((b: Body) => set(b, 'confirmPassword', 'Maple-Lantern-Quiet-73')),
];

const ownPinValue = fc.constantFrom('135', '1357', '13579', '2468', 'abcd', '', 1357, null, ' 135');
// A well-formed wrong current PIN is a fact of state (INVALID_CREDENTIALS): only malformed ones here.
const malformedPin = fc.constantFrom('135', '13579', 'abcd', '', 1357, null, ' 135');
const pinChangeMutations: fc.Arbitrary<Mutation>[] = [
  ownPinValue.map((pin) => (b) => set(b, 'newPin', pin)),
  malformedPin.map((pin) => (b) => set(b, 'currentPin', pin)),
  fc.constantFrom('currentPin', 'newPin').map((key) => (b) => {
    delete b[key];
  }),
  fc.constant((b: Body) => set(b, 'pin', '1357')),
];

const emailChangeMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .constantFrom(
      'olivia.new@example.com',
      'OLIVIA.NEW@EXAMPLE.COM',
      `${'o'.repeat(64)}@${'d'.repeat(60)}.example`,
      'not-an-email',
      'olivia@',
      '',
      42,
      null,
    )
    .map((email) => (b) => set(b, 'email', email)),
  fc.constant((b: Body) => {
    delete b.email;
  }),
  fc.constant((b: Body) => set(b, 'confirmEmail', 'olivia.new@example.com')),
];

const settingsMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .constantFrom('060646668', '06-0646668', null, '12345', 60646668)
    .map((taxId) => (b) => set(b, 'defaultTaxId', taxId)),
  fc
    .constantFrom(true, false, 'yes', null)
    .map((value) => (b) => set(b, 'securityPolicyAcknowledged', value)),
  fc
    .constantFrom({ messages: false }, {}, { messages: 'no' }, { sms: true }, null)
    .map((value) => (b) => set(b, 'notifications', value)),
  fc.constantFrom('defaultTaxId', 'securityPolicyAcknowledged', 'notifications').map((key) => (b) => {
    delete b[key];
  }),
  fc.constant((b: Body) => set(b, 'theme', 'dark')),
];

const additionalTaxIdMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .constantFrom('06-1234567', '12345', '0612345678', '', 61234567, null)
    .map((taxId) => (b) => set(b, 'taxId', taxId)),
  fc
    .constantFrom('RC-0612-4567', 'rc-06123-4567', 'RC-06123-45678', '', null)
    .map((code) => (b) => set(b, 'registrationCode', code)),
  fc.constantFrom('taxId', 'registrationCode').map((key) => (b) => {
    delete b[key];
  }),
  fc.constant((b: Body) => set(b, 'role', 'administrator')),
];

function mutated(base: object, all: fc.Arbitrary<Mutation>[]) {
  return fc.array(fc.oneof(...all), { maxLength: 3 }).map((changes) => {
    const body = structuredClone(base) as Body;
    for (const change of changes) change(body);
    return body;
  });
}

// As openapi-fetch writes a query: each defined value as text.
const queryString = (query: Body) =>
  new URLSearchParams(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  ).toString();

const codeSet = (violations: readonly { code: string }[]) =>
  [...new Set(violations.map((v) => v.code))].sort();

type Facts = Record<string, unknown>;
type Data = NonNullable<ReturnType<TestPortal['core']['sandbox']>>['data'];
type Client = ReturnType<typeof createPortalClient>;

interface Operation {
  name: string;
  path: string;
  /** A search sends its input as the query string; a create as the JSON body. */
  method?: 'GET' | 'POST' | 'PATCH';
  /** Who calls (default clinical.a; `null` for a public operation, without a session). */
  as?: string | null;
  requests: fc.Arbitrary<Body>;
  /** What the portal knows that the SDK is told through `options.rules`. */
  facts(data: Data, body: Body): Facts;
  send(sdk: Client, body: Body, rules: Facts): Promise<unknown>;
}

const directory =
  (data: Data): ProviderDirectory =>
  (provider) =>
    data.isKnownProviderIdentity(provider);
// A fact about the member only when the request names a member the portal knows.
const memberOf = (data: Data, body: Body) =>
  typeof body.memberId === 'string' ? data.member(body.memberId) : undefined;

const coverageOf = (member: NonNullable<ReturnType<typeof memberOf>>) => ({
  startDate: member.details.coverageStartDate,
  endDate: member.details.coverageEndDate,
});

const OPERATIONS: Operation[] = [
  {
    name: 'a preauthorization request',
    path: '/api/v1/preauthorizations',
    requests: mutated(preauthorizationRequest(), preauthorizationMutations),
    facts: (data, body) => {
      const member = memberOf(data, body);
      return {
        providerDirectory: directory(data),
        ...(member === undefined
          ? {}
          : {
              coverage: {
                startDate: member.details.coverageStartDate,
                endDate: member.details.coverageEndDate,
              },
            }),
      };
    },
    send: (sdk, body, rules) => sdk.preauthorizations.create(body as never, { rules: rules as never }),
  },
  {
    name: 'a referral',
    path: '/api/v1/referrals',
    requests: mutated(REFERRAL, referralMutations),
    facts: (data, body) => {
      const member = memberOf(data, body);
      return {
        providerDirectory: directory(data),
        ...(member === undefined
          ? {}
          : { productType: member.details.productType, coverage: coverageOf(member) }),
      };
    },
    send: (sdk, body, rules) => sdk.referrals.create(body as never, { rules: rules as never }),
  },
  {
    name: 'an admission notification',
    path: '/api/v1/admission-notifications',
    requests: mutated(ADMISSION, admissionMutations),
    facts: (data, body) => {
      const member = memberOf(data, body);
      return {
        providerDirectory: directory(data),
        ...(member === undefined ? {} : { coverage: coverageOf(member) }),
      };
    },
    send: (sdk, body, rules) => sdk.admissionNotifications.create(body as never, { rules: rules as never }),
  },
  {
    name: 'a message',
    path: '/api/v1/messages',
    requests: mutated(MESSAGE, messageMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.messages.create(body as never),
  },
  {
    name: 'a member search',
    path: '/api/v1/members',
    method: 'GET',
    requests: mutated({ memberId: 'K5500648801' }, memberSearchMutations),
    facts: () => ({}),
    send: async (sdk, body) => sdk.members.search(body as never),
  },
  {
    name: 'a claims search',
    path: '/api/v1/claims',
    method: 'GET',
    as: 'billing.a',
    requests: mutated({ from: day(-59), to: TODAY }, claimsSearchMutations),
    facts: () => ({}),
    send: async (sdk, body) => sdk.claims.search(body as never),
  },
  {
    name: 'an organisation registration',
    path: '/api/v1/registrations/organizations',
    as: null,
    requests: mutated(ORGANIZATION, organizationMutations),
    facts: (data) => ({
      participatingProvider: (npi: string) => data.provider(npi)?.profile.networkStatus === 'in_network',
    }),
    send: (sdk, body, rules) =>
      sdk.registration.registerOrganization(body as never, { rules: rules as never }),
  },
  {
    name: 'a user registration',
    path: '/api/v1/registrations/users',
    as: null,
    requests: mutated(USER, userMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.registration.registerUser(body as never),
  },
  {
    name: 'invitations',
    path: '/api/v1/tax-ids/060646668/invitations',
    as: 'admin.a',
    requests: mutated(
      {
        invitations: [
          {
            firstName: 'Dana',
            lastName: 'Reyes',
            email: 'dreyes@hartfordfamilymed.example',
            role: 'clinical_staff',
          },
        ],
      },
      invitationMutations,
    ),
    facts: () => ({}),
    send: (sdk, body) => sdk.users.invite('060646668', body as never),
  },
  {
    name: 'a secondary site manager designation',
    path: '/api/v1/tax-ids/060646668/site-managers/secondary',
    as: 'admin.a',
    requests: mutated({ userId: 'USR-000002', title: 'medical_director' }, secondarySiteManagerMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.users.designateSecondarySiteManager('060646668', body as never),
  },
  {
    name: 'a provider account link',
    path: '/api/v1/accounts/links',
    requests: mutated(ACCOUNT_LINK, accountLinkMutations),
    facts: (data) => ({ accountDirectory: accountDirectory({ data }) }),
    send: (sdk, body, rules) => sdk.registration.linkAccount(body as never, { rules: rules as never }),
  },
  {
    name: 'a referral search',
    path: '/api/v1/referrals',
    method: 'GET',
    requests: mutated({ direction: 'all', from: day(-180), to: TODAY }, referralSearchMutations),
    facts: () => ({}),
    send: async (sdk, body) => sdk.referrals.search(body as never),
  },
  {
    name: 'an account consolidation',
    path: '/api/v1/me/consolidation',
    as: 'dana.emblem',
    requests: mutated({ username: 'dana.cci', password: PERSONA_PASSWORD }, consolidationMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.session.consolidateAccounts(body as never),
  },
  {
    name: 'a password change',
    path: '/api/v1/me/password',
    requests: mutated(
      { currentPassword: PERSONA_PASSWORD, newPassword: 'Maple-Lantern-Quiet-73' },
      passwordChangeMutations,
    ),
    facts: () => ({}),
    send: (sdk, body) => sdk.account.changePassword(body as never),
  },
  {
    name: 'a PIN change',
    path: '/api/v1/me/pin',
    requests: mutated({ currentPin: PERSONA_PIN, newPin: '1357' }, pinChangeMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.account.changePin(body as never),
  },
  {
    name: 'an email change request',
    path: '/api/v1/me/email-change',
    requests: mutated({ email: 'clinical.a.new@hartfordfamilymed.example' }, emailChangeMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.account.requestEmailChange(body as never),
  },
  {
    name: 'a settings update',
    path: '/api/v1/me/settings',
    method: 'PATCH',
    requests: mutated({ defaultTaxId: '060646668', securityPolicyAcknowledged: true }, settingsMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.account.updateSettings(body as never),
  },
  {
    name: 'an additional Tax ID',
    path: '/api/v1/me/tax-ids',
    requests: mutated({ taxId: '061234567', registrationCode: 'RC-06123-4567' }, additionalTaxIdMutations),
    facts: () => ({}),
    send: (sdk, body) => sdk.account.registerAdditionalTaxId(body as never),
  },
  {
    name: 'a provider search',
    path: '/api/v1/providers',
    method: 'GET',
    requests: mutated({ name: 'Lopez' }, providerSearchMutations),
    facts: () => ({}),
    send: async (sdk, body) => sdk.providers.search(body as never),
  },
];

describe.each(OPERATIONS)('the SDK and the mock portal agree on $name', (operation) => {
  let portal: TestPortal;
  beforeEach(() => {
    portal = createTestPortal();
  });

  it('the SDK sends what the portal accepts and refuses what it refuses, with the same codes', async () => {
    const seen = { sent: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(operation.requests, async (body) => {
        await portal.admin('POST', '/reset'); // no duplicate of an earlier run
        const data = portal.core.sandbox()?.data;
        if (data === undefined) throw new Error('the mock has no data');
        const sdk = createPortalClient({
          baseUrl: `${BASE}/api/v1`,
          ...(operation.as === null
            ? {}
            : { sessionToken: await portal.tokenFor(operation.as ?? 'clinical.a') }),
          clock: fixedClock(TEST_CLOCK),
          fetch: (request) => portal.core.handle(request),
          maxRetries: 0,
        });

        const outcome = await operation.send(sdk, body, operation.facts(data, body)).then(
          () => ({ sent: true as const, codes: [] as string[] }),
          (error: unknown) => {
            if (error instanceof PortalValidationError)
              return { sent: false as const, codes: codeSet(error.violations) };
            if (error instanceof PortalApiError) {
              return { sent: true as const, codes: [`HTTP ${error.status}`, ...codeSet(error.violations)] };
            }
            throw error;
          },
        );

        seen[outcome.sent ? 'sent' : 'refused'] += 1;
        if (outcome.sent) {
          // Sent: the portal accepted it (a refusal here is a rule the SDK does not know).
          expect(outcome.codes).toEqual([]);
          return;
        }
        // Refused before sending: the portal refuses the same request, for the same reasons.
        await portal.admin('POST', '/reset');
        const token = operation.as === null ? null : await portal.tokenFor(operation.as ?? 'clinical.a');
        const answer =
          operation.method === 'GET'
            ? await portal.call('GET', `${operation.path}?${queryString(body)}`, { token })
            : await portal.call(operation.method ?? 'POST', operation.path, { json: body, token });
        expect([400, 422]).toContain(answer.status);
        const problem = (await answer.json()) as { violations?: { code: string }[] };
        expect(codeSet(problem.violations ?? [])).toEqual(outcome.codes);
      }),
      { numRuns: 300 },
    );
    // Both sides of the promise were exercised, not only one.
    expect(seen.sent).toBeGreaterThan(30);
    expect(seen.refused).toBeGreaterThan(30);
  });
});
