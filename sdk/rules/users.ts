import * as z from 'zod/mini';
import { calendarDayAt } from './clock.ts';
import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { addDays, daysBetween, parseIsoDate } from './dates.ts';
import { normalizeTaxId } from './identifiers.ts';
import {
  checkSponsorParticipation,
  LEAD_SITE_MANAGER_TITLES,
  type ParticipatingProvider,
} from './site-managers.ts';
import type { Violation } from './violation.ts';
import { joinPath } from './violation.ts';
import type { RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  arrayField,
  asRecord,
  describeValue,
  EmailSchema,
  field,
  NpiSchema,
  PhoneSchema,
  PinSchema,
  parseWithViolations,
  readField,
  TaxIdSchema,
  toValidationResult,
  trimmedText,
} from './zod-issues.ts';

/**
 * The roles a user holds on a Tax ID, one per Tax ID. `administrator` is the Portal Administrator /
 * Office Manager (site manager) who manages users.
 *
 * @example
 * ROLES.includes('billing_staff'); // true
 */
export const ROLES = ['administrator', 'clinical_staff', 'billing_staff', 'general_user'] as const;

/**
 * One of {@link ROLES}.
 *
 * @example
 * const role: Role = 'clinical_staff';
 */
export type Role = (typeof ROLES)[number];

/**
 * The labels of the roles.
 *
 * @example
 * ROLE_LABELS.administrator; // 'Portal Administrator / Office Manager'
 */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({
  administrator: 'Portal Administrator / Office Manager',
  clinical_staff: 'Clinical Staff',
  billing_staff: 'Billing Staff',
  general_user: 'General User',
});

/**
 * Whether a value is a {@link Role}.
 *
 * @example
 * isRole('administrator'); // true
 * isRole('admin'); // false
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * `[]` for an administrator, otherwise one `ADMIN_ROLE_REQUIRED` violation: only a Portal
 * Administrator / Office Manager invites users, changes roles, makes admins, revokes users and
 * requests provider profile updates (seeds 002, 003).
 *
 * @example
 * requireAdmin('administrator'); // []
 * requireAdmin('clinical_staff', 'invite users'); // [{ code: 'ADMIN_ROLE_REQUIRED', … }]
 */
export function requireAdmin(role: Role | undefined, action = 'do this'): Violation[] {
  if (role === 'administrator') return [];
  const held = role === undefined ? 'no role' : `the ${ROLE_LABELS[role] ?? describeValue(role)} role`;
  return [
    {
      code: 'ADMIN_ROLE_REQUIRED',
      path: '$',
      message:
        `Only a Portal Administrator / Office Manager can ${action}; you have ${held} on this Tax ID. Ask your ` +
        'Portal Administrator or Office Manager.',
    },
  ];
}

/**
 * `[]` while a Tax ID keeps at least one administrator after a change, otherwise one
 * `LAST_ADMINISTRATOR` violation: the last administrator cannot be revoked, demoted or removed, even
 * by themselves ("Each user must have an associated PlanLink Site Manager", seed 000); appoint
 * another administrator first (makeUserAdmin).
 *
 * @example
 * requireAdministratorRemains([], '133456789', 'revoke'); // [{ code: 'LAST_ADMINISTRATOR', … }]
 * requireAdministratorRemains(['USR-000005'], '133456789', 'revoke'); // []
 */
export function requireAdministratorRemains(
  administratorsAfter: readonly string[],
  taxId: string,
  action: string,
): Violation[] {
  if (administratorsAfter.length > 0) return [];
  return [
    {
      code: 'LAST_ADMINISTRATOR',
      path: '$',
      message:
        `You cannot ${action} the last Portal Administrator of Tax ID ${taxId}: its users need a site manager to ` +
        'invite users and verify the site every month. Make another user its administrator first (makeUserAdmin).',
    },
  ];
}

/**
 * `[]` for an email no other account uses, otherwise one `EMAIL_IN_USE` violation: "if a single user
 * does want separate accounts to differentiate their work across Tax IDs or to have more than one type
 * of access for a Tax ID, they must use a unique email address for each account" (seed 003). One
 * account may act for several Tax IDs: its administrator invites the same email to another Tax ID.
 *
 * @example
 * requireUniqueEmail(true, 'clinical.a@hartfordfamilymed.example'); // [{ code: 'EMAIL_IN_USE', … }]
 */
export function requireUniqueEmail(inUseByAnotherAccount: boolean, email: string): Violation[] {
  if (!inUseByAnotherAccount) return [];
  return [
    {
      code: 'EMAIL_IN_USE',
      path: '$.email',
      message:
        `${email} already belongs to another account: each account needs its own email address. To act for ` +
        "another Tax ID with that account, ask that Tax ID's Portal Administrator to invite this email instead.",
    },
  ];
}

/**
 * One role on one Tax ID.
 *
 * @example
 * const grant: RoleGrant = { taxId: '060646668', role: 'clinical_staff' };
 */
export interface RoleGrant {
  taxId: string;
  role: Role;
}

const RoleGrantsSchema = z.array(z.object({ taxId: TaxIdSchema, role: z.enum(ROLES) }));

/**
 * Validates the roles of one user: "Only one type of access may be assigned per user per Tax ID …
 * Different Tax IDs may have different types of access assigned to a single user." (seed 003). A Tax
 * ID listed twice (also written differently, `06-0646668` and `060646668`) is `ONE_ROLE_PER_TAX_ID`.
 * Never throws on any input.
 *
 * @example
 * validateRoleGrants([{ taxId: '060646668', role: 'clinical_staff' }, { taxId: '06-0646668', role: 'billing_staff' }]);
 * // ONE_ROLE_PER_TAX_ID at $[1].taxId
 */
export function validateRoleGrants(grants: unknown): RuleValidationResult<RoleGrant[]> {
  const parsed = parseWithViolations(RoleGrantsSchema, grants);
  const violations: ValidationViolation[] = [...parsed.violations];
  if (Array.isArray(grants)) {
    const first = new Map<string, { index: number; role: unknown }>();
    grants.forEach((grant, index) => {
      const taxId = normalizeTaxId(readField(grant, 'taxId'));
      if (taxId === undefined) return;
      const earlier = first.get(taxId);
      if (earlier === undefined) {
        first.set(taxId, { index, role: readField(grant, 'role') });
        return;
      }
      violations.push({
        code: 'ONE_ROLE_PER_TAX_ID',
        path: joinPath('$', index, 'taxId'),
        message:
          `Tax ID ${taxId} already has a role at $[${earlier.index}]: a user has exactly one role per Tax ID. Keep ` +
          'one of them (a user who needs two roles on one Tax ID needs a second account with its own email).',
      });
    });
  }
  return toValidationResult(parsed.data, violations);
}

/**
 * The longest invitation list sent at once (the list built with "Add to List", seed 002).
 *
 * @example
 * invitations.length <= MAX_INVITATIONS;
 */
export const MAX_INVITATIONS = 10;

const NameSchema = trimmedText(60);

/**
 * The body of `inviteUsers`: 1–10 people, each with the one role they will hold on the Tax ID.
 *
 * @example
 * UserInvitationRequestSchema.parse({ invitations: [{ firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' }] });
 */
export const UserInvitationRequestSchema = z.strictObject({
  invitations: z
    .array(
      z.strictObject({
        firstName: NameSchema,
        lastName: NameSchema,
        email: EmailSchema,
        role: z.enum(ROLES),
        zip: z.optional(z.string().check(z.regex(/^\d{5}(-\d{4})?$/))),
        npis: z.optional(z.array(NpiSchema).check(z.minLength(1), z.maxLength(100))),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_INVITATIONS)),
});

/**
 * A parsed invitation request.
 *
 * @example
 * const request: UserInvitationRequest = { invitations: [{ firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' }] };
 */
export type UserInvitationRequest = z.output<typeof UserInvitationRequestSchema>;

/**
 * Validates an invitation list, every violation at once: 1–10 invitations, names, email, role,
 * `INVALID_NPI` for each of `npis` (no NPI twice), and `ONE_ROLE_PER_TAX_ID` when one email is invited
 * twice (one person gets one role on the Tax ID). Never throws on any input.
 *
 * @example
 * validateInvitations({ invitations: [{ firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' }] }).success; // true
 */
export function validateInvitations(input: unknown): RuleValidationResult<UserInvitationRequest> {
  const parsed = parseWithViolations(UserInvitationRequestSchema, input);
  const violations: ValidationViolation[] = [...parsed.violations];
  const invitations = arrayField(asRecord(input), 'invitations') ?? [];
  const emails = new Map<string, number>();
  invitations.forEach((value, index) => {
    const invitation = asRecord(value);
    const email = field(invitation, 'email');
    if (typeof email === 'string' && email.trim() !== '') {
      const key = email.trim().toLowerCase();
      const earlier = emails.get(key);
      if (earlier === undefined) emails.set(key, index);
      else {
        violations.push({
          code: 'ONE_ROLE_PER_TAX_ID',
          path: joinPath('$', 'invitations', index, 'email'),
          message:
            `${email} is already invited at $.invitations[${earlier}]: a user has exactly one role per Tax ID. ` +
            'Invite each person once.',
        });
      }
    }
    const npis = arrayField(invitation, 'npis') ?? [];
    const seen = new Set<unknown>();
    npis.forEach((npi, npiIndex) => {
      if (typeof npi !== 'string') return;
      if (seen.has(npi)) {
        violations.push({
          code: 'VALIDATION_FAILED',
          path: joinPath('$', 'invitations', index, 'npis', npiIndex),
          message: `NPI ${npi} is listed twice: list each provider once.`,
        });
      }
      seen.add(npi);
    });
  });
  return toValidationResult(parsed.data, violations);
}

const TRUE_REQUIRED = (what: string) =>
  z.literal(true, { error: () => `${what} must be accepted (true) to register.` });

/**
 * The body of `registerOrganization` (the Lead Site Manager's application, seed 000).
 *
 * @example
 * const parsed = OrganizationRegistrationSchema.safeParse(body);
 */
export const OrganizationRegistrationSchema = z.strictObject({
  organization: z.strictObject({
    name: trimmedText(120),
    taxId: TaxIdSchema,
    groupNpi: NpiSchema,
  }),
  leadSiteManager: z.strictObject({
    firstName: NameSchema,
    lastName: NameSchema,
    title: z.enum(LEAD_SITE_MANAGER_TITLES),
    email: EmailSchema,
    phone: PhoneSchema,
    pin: PinSchema,
  }),
  sponsor: z.strictObject({
    name: trimmedText(120),
    npi: NpiSchema,
  }),
  providerAgreementAccepted: TRUE_REQUIRED('The provider agreement'),
  securityPolicyAcknowledged: TRUE_REQUIRED('The security policies'),
});

/**
 * A parsed organisation registration (Tax ID normalised).
 *
 * @example
 * const result = validateOrganizationRegistration(body);
 * if (result.success) { const registration: OrganizationRegistration = result.data; }
 */
export type OrganizationRegistration = z.output<typeof OrganizationRegistrationSchema>;

/**
 * What an organisation registration may also be checked against: whether the sponsor's NPI is a
 * participating provider (the portal's provider directory; the SDK checks it when told).
 *
 * @example
 * validateOrganizationRegistration(body, { participatingProvider: (npi) => npi === '1407819535' });
 */
export interface OrganizationRegistrationContext extends RuleContext {
  participatingProvider?: ParticipatingProvider;
}

/**
 * Validates an organisation registration, every violation at once: `LEAD_SITE_MANAGER_TITLE` (Medical
 * Director, Agency Director or Office Administrator/Manager), `INVALID_PIN` (exactly 4 digits: "All
 * PlanLink users must designate a 4 digit PIN", seed 000), `INVALID_TAX_ID`, `INVALID_NPI` for the
 * group NPI and the sponsor's NPI, `SPONSOR_NOT_PARTICIPATING` when `ctx.participatingProvider` says the
 * sponsor is not a participating provider ("The designated Sponsor Representative must be a CCP
 * Participating Provider/Physician", seed 000), and `VALIDATION_FAILED` for the rest. Never throws on
 * any input.
 *
 * @example
 * validateOrganizationRegistration({ ...body, leadSiteManager: { ...body.leadSiteManager, title: 'nurse' } });
 * // LEAD_SITE_MANAGER_TITLE at $.leadSiteManager.title
 */
export function validateOrganizationRegistration(
  input: unknown,
  ctx: OrganizationRegistrationContext = {},
): RuleValidationResult<OrganizationRegistration> {
  const parsed = parseWithViolations(OrganizationRegistrationSchema, input, {
    override: (issue) => {
      if (issue.path.length === 2 && issue.path[0] === 'leadSiteManager' && issue.path[1] === 'title') {
        return {
          code: 'LEAD_SITE_MANAGER_TITLE',
          message:
            `${issue.input === undefined ? 'The Lead Site Manager title is missing' : `${describeValue(issue.input)} is not a Lead Site Manager title`}: ` +
            'only a Medical Director, Agency Director, or Office Administrator/Manager may be listed as the Lead ' +
            'Site Manager (medical_director, agency_director, office_administrator).',
        };
      }
      if (issue.path.length === 2 && issue.path[0] === 'leadSiteManager' && issue.path[1] === 'pin') {
        return issue.code === 'custom' ? undefined : { code: 'INVALID_PIN' };
      }
      return undefined;
    },
  });
  return toValidationResult(parsed.data, [
    ...parsed.violations,
    ...checkSponsorParticipation(input, ctx.participatingProvider),
  ]);
}

/** The shortest password the portal accepts (registration and `changePassword`). */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest password the portal accepts. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The password policy of the portal, one rule for registering and for changing a password: 12 to 128
 * characters (11 and 129 fail, `VALIDATION_FAILED`).
 *
 * @example
 * PasswordSchema.safeParse('Maple-Lantern-Quiet-73').success; // true
 */
export const PasswordSchema = z
  .string()
  .check(z.minLength(PASSWORD_MIN_LENGTH), z.maxLength(PASSWORD_MAX_LENGTH));

/**
 * The body of `registerUser`: one user joining a group with its application key (from the Lead Site
 * Manager, seed 000) or the Tax ID's registration code (seed 003), exactly one of the two.
 *
 * @example
 * const parsed = UserRegistrationSchema.safeParse(body);
 */
export const UserRegistrationSchema = z.strictObject({
  applicationKey: z.optional(z.string().check(z.regex(/^AK-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/))),
  registrationCode: z.optional(z.string().check(z.regex(/^RC-\d{5}-\d{4}$/))),
  taxId: TaxIdSchema,
  firstName: NameSchema,
  lastName: NameSchema,
  email: EmailSchema,
  phone: z.optional(PhoneSchema),
  username: z.string().check(z.minLength(4), z.maxLength(64), z.regex(/^[A-Za-z0-9._@-]+$/)),
  password: PasswordSchema,
  pin: PinSchema,
  securityPolicyAcknowledged: TRUE_REQUIRED('The security policies'),
  providerAgreementAccepted: TRUE_REQUIRED('The provider agreement'),
});

/**
 * A parsed user registration (Tax ID normalised).
 *
 * @example
 * const result = validateUserRegistration(body);
 * if (result.success) { const registration: UserRegistration = result.data; }
 */
export type UserRegistration = z.output<typeof UserRegistrationSchema>;

/**
 * Validates a user registration, every violation at once: `INVALID_PIN` (exactly 4 digits),
 * `INVALID_TAX_ID`, exactly one of `applicationKey` and `registrationCode`, and `VALIDATION_FAILED`
 * for the rest (username, password of 12–128 characters, email, …). Never throws on any input.
 *
 * @example
 * validateUserRegistration({ ...body, pin: '12345' }); // INVALID_PIN at $.pin
 */
export function validateUserRegistration(input: unknown): RuleValidationResult<UserRegistration> {
  const parsed = parseWithViolations(UserRegistrationSchema, input, {
    override: (issue) =>
      issue.path.length === 1 && issue.path[0] === 'pin' && issue.code !== 'custom'
        ? { code: 'INVALID_PIN' }
        : undefined,
  });
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = asRecord(input);
  if (root !== undefined) {
    const key = field(root, 'applicationKey') !== undefined;
    const code = field(root, 'registrationCode') !== undefined;
    if (key === code) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: '$',
        message: key
          ? 'Give the application key or the registration code, not both.'
          : "Give the group's application key (from your Lead Site Manager) or the Tax ID's registration code.",
      });
    }
  }
  return toValidationResult(parsed.data, violations);
}

/**
 * "The PlanLink Site Manager must login to PlanLink at least once every thirty (30) days to confirm
 * that all PlanLink users and providers associated with their office/group should still have access"
 * (seed 000): the verification is due 30 days after the last one.
 *
 * @example
 * addDays('2026-11-01', SITE_VERIFICATION_DAYS); // '2026-12-01', the last day to verify
 */
export const SITE_VERIFICATION_DAYS = 30;

/**
 * The state of a Tax ID's monthly site verification.
 *
 * @example
 * const status: SiteVerificationStatus = { dueOn: '2026-12-01', overdue: false };
 */
export type SiteVerificationStatus =
  | { dueOn: IsoDate; overdue: false }
  | { dueOn: IsoDate; overdue: true; violation: Violation };

function requireDay(value: IsoDate | Date, name: string, timeZone: string): IsoDate {
  if (value instanceof Date) return calendarDayAt(value, timeZone);
  const day = parseIsoDate(value);
  if (day === undefined)
    throw new RangeError(`Invalid ${name} ${describeValue(value)}: expected YYYY-MM-DD.`);
  return day;
}

/**
 * When the next site verification is due and whether it is overdue. Boundary (RULES.md convention
 * "within N days is inclusive of day N"): verified on day D, the site manager may verify through
 * D + 30 (`dueOn`, still fine); from D + 31 the verification is overdue and the Tax ID's users are
 * blocked (`SITE_VERIFICATION_OVERDUE`: "Failure to complete the monthly Site Verification process in
 * a timely manner will cause all associated users to have their access blocked", seed 000). Before
 * the first verification, pass the registration day. Throws a RangeError for an invalid date.
 *
 * @example
 * siteVerificationStatus('2026-11-01', { clock: fixedClock('2026-12-01T15:00:00Z') }); // { dueOn: '2026-12-01', overdue: false }
 * siteVerificationStatus('2026-11-01', { clock: fixedClock('2026-12-02T15:00:00Z') }).overdue; // true
 */
export function siteVerificationStatus(
  lastVerifiedOn: IsoDate | Date,
  ctx: RuleContext = {},
): SiteVerificationStatus {
  const { today, timeZone } = resolveContext(ctx);
  const last = requireDay(lastVerifiedOn, 'last verification date', timeZone);
  const dueOn = addDays(last, SITE_VERIFICATION_DAYS);
  if (daysBetween(last, today) <= SITE_VERIFICATION_DAYS) return { dueOn, overdue: false };
  return {
    dueOn,
    overdue: true,
    violation: {
      code: 'SITE_VERIFICATION_OVERDUE',
      path: '$',
      message:
        `The monthly site verification was due by ${dueOn} (last verified ${last}): until a site manager completes ` +
        'it, all users of this Tax ID have their access blocked. The site manager signs in and submits the ' +
        'site verification.',
    },
  };
}

/**
 * "If an account remains inactive for 30 days, it will be locked" (seed 000).
 *
 * @example
 * ACCOUNT_INACTIVITY_DAYS; // 30
 */
export const ACCOUNT_INACTIVITY_DAYS = 30;

/**
 * Whether an account is locked for inactivity.
 *
 * @example
 * const status: AccountLockStatus = { locked: false, locksOn: '2026-12-02' };
 */
export type AccountLockStatus =
  | { locked: false; locksOn: IsoDate }
  | { locked: true; locksOn: IsoDate; violation: Violation };

/**
 * Whether an account is locked for inactivity. Boundary: last active on day D (a calendar day in the
 * plan's zone, or an instant converted to one), the days D + 1 … D + 30 are the 30 days of
 * inactivity, so the account still signs in on D + 30 and is locked from D + 31 (`locksOn`),
 * `ACCOUNT_LOCKED` ("… it will be locked, and can only be restored by contacting the … IT Service
 * Desk", seed 000). Throws a RangeError for an invalid date.
 *
 * @example
 * accountLockStatus('2026-11-01', { clock: fixedClock('2026-12-01T15:00:00Z') }).locked; // false (day 30)
 * accountLockStatus('2026-11-01', { clock: fixedClock('2026-12-02T15:00:00Z') }).locked; // true (day 31)
 */
export function accountLockStatus(lastActiveOn: IsoDate | Date, ctx: RuleContext = {}): AccountLockStatus {
  const { today, timeZone } = resolveContext(ctx);
  const last = requireDay(lastActiveOn, 'last activity date', timeZone);
  const locksOn = addDays(last, ACCOUNT_INACTIVITY_DAYS + 1);
  if (daysBetween(last, today) <= ACCOUNT_INACTIVITY_DAYS) return { locked: false, locksOn };
  return {
    locked: true,
    locksOn,
    violation: {
      code: 'ACCOUNT_LOCKED',
      path: '$',
      message:
        `This account was last used on ${last} and has been inactive for more than ${ACCOUNT_INACTIVITY_DAYS} days, ` +
        'so it is locked: only the IT Service Desk can restore it. Contact the IT Service Desk.',
    },
  };
}

/**
 * Whether a user may check the network status of a provider: "Network checks are limited to the
 * provider themselves and their authorized portal Users." (seed 003). `userProviderNpis` are the
 * NPIs the user is authorized to act for.
 *
 * @example
 * canCheckNetworkStatus(['1407819535'], '1407819535'); // true
 * canCheckNetworkStatus(['1407819535'], '1234567893'); // false
 */
export function canCheckNetworkStatus(userProviderNpis: readonly string[], npi: string): boolean {
  return userProviderNpis.includes(npi);
}

/**
 * `[]` when {@link canCheckNetworkStatus}, otherwise one `NETWORK_STATUS_FORBIDDEN` violation.
 *
 * @example
 * checkNetworkStatusAccess(['1407819535'], '1234567893'); // [{ code: 'NETWORK_STATUS_FORBIDDEN', path: '$.npi', … }]
 */
export function checkNetworkStatusAccess(userProviderNpis: readonly string[], npi: string): Violation[] {
  if (canCheckNetworkStatus(userProviderNpis, npi)) return [];
  return [
    {
      code: 'NETWORK_STATUS_FORBIDDEN',
      path: '$.npi',
      message:
        `You are not an authorized user of provider ${npi}: network checks are limited to the provider and the ` +
        "provider's authorized portal users. Check a provider you act for, or ask your Portal Administrator for access.",
    },
  ];
}

/**
 * Whether a user may read an exported document: "The document will be available only for you."
 * (seed 003) — only its owner.
 *
 * @example
 * canReadDocument('USR-000042', 'USR-000042'); // true
 * canReadDocument('USR-000042', 'USR-000043'); // false
 */
export function canReadDocument(documentOwnerId: string, userId: string): boolean {
  return documentOwnerId === userId;
}

/**
 * `[]` when {@link canReadDocument}, otherwise one `EXPORT_OWNER_ONLY` violation.
 *
 * @example
 * checkDocumentAccess('USR-000042', 'USR-000043'); // [{ code: 'EXPORT_OWNER_ONLY', … }]
 */
export function checkDocumentAccess(documentOwnerId: string, userId: string): Violation[] {
  if (canReadDocument(documentOwnerId, userId)) return [];
  return [
    {
      code: 'EXPORT_OWNER_ONLY',
      path: '$',
      message:
        'This exported document belongs to another user: an exported document is visible only to the user who ' +
        'made it. Export it yourself.',
    },
  ];
}
