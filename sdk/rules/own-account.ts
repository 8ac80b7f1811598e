/**
 * Your own account: changing the password, the email address, the 4-digit PIN and the settings, and
 * registering an additional Tax ID with its registration code. Seed 004's training index: "Login and
 * Settings: the steps for logging in and changing settings" and "Registering Additional Tax IDs".
 *
 * The password follows the registration policy ({@link PasswordSchema}: 12–128 characters), the PIN
 * the registration PIN rule (`INVALID_PIN`, "All PlanLink users must designate a 4 digit PIN for
 * themselves", seed 000); each differs from the current one (`PASSWORD_UNCHANGED`, `PIN_UNCHANGED`).
 * Facts the SDK cannot know (the current password, who else uses an email, which codes were sent)
 * are checked by the portal with the functions here, given those facts.
 */
import * as z from 'zod/mini';
import { PasswordSchema } from './users.ts';
import type { Violation } from './violation.ts';
import type { RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  asRecord,
  EmailSchema,
  field,
  PinSchema,
  parseWithViolations,
  TaxIdSchema,
  toValidationResult,
} from './zod-issues.ts';

/** How long the code emailed to a new address confirms the change: 10 minutes (expired at 10:00.000). */
export const EMAIL_CHANGE_TTL_MS = 10 * 60_000;
/** Wrong codes one email change allows before it is spent (as for the emailed sign-in code). */
export const EMAIL_CHANGE_MAX_ATTEMPTS = 5;

/**
 * The body of `changePassword`.
 *
 * @example
 * PasswordChangeSchema.safeParse({ currentPassword: 'old', newPassword: 'Maple-Lantern-Quiet-73' }).success; // true
 */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(128)),
  newPassword: PasswordSchema,
});

/** A parsed password change. */
export type PasswordChange = z.output<typeof PasswordChangeSchema>;

/**
 * Checks a password change before it is sent: the current password given, the new one 12–128
 * characters (`VALIDATION_FAILED`) and not the current one (`PASSWORD_UNCHANGED`).
 *
 * @example
 * validatePasswordChange({ currentPassword: 'Portal!Pass2026', newPassword: 'short' }).success; // false
 */
export function validatePasswordChange(input: unknown): RuleValidationResult<PasswordChange> {
  const parsed = parseWithViolations(PasswordChangeSchema, input);
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = asRecord(input);
  const current = root === undefined ? undefined : field(root, 'currentPassword');
  if (typeof current === 'string' && current !== '' && current === field(root ?? {}, 'newPassword')) {
    violations.push({
      code: 'PASSWORD_UNCHANGED',
      path: '$.newPassword',
      message: 'The new password is your current password: choose a different one.',
    });
  }
  return toValidationResult(parsed.data, violations);
}

/**
 * The body of `changePin`: both PINs exactly 4 digits (`INVALID_PIN`, the registration rule).
 *
 * @example
 * PinChangeSchema.safeParse({ currentPin: '2468', newPin: '4821' }).success; // true
 */
export const PinChangeSchema = z.strictObject({ currentPin: PinSchema, newPin: PinSchema });

/** A parsed PIN change. */
export type PinChange = z.output<typeof PinChangeSchema>;

/**
 * Checks a PIN change before it is sent: "All PlanLink users must designate a 4 digit PIN for
 * themselves" (seed 000): `INVALID_PIN` for 3 or 5 digits or letters, `PIN_UNCHANGED` when the new PIN
 * is the current one.
 *
 * @example
 * validatePinChange({ currentPin: '2468', newPin: '12345' }); // INVALID_PIN at $.newPin
 */
export function validatePinChange(input: unknown): RuleValidationResult<PinChange> {
  const parsed = parseWithViolations(PinChangeSchema, input, {
    override: (issue) =>
      issue.path.length === 1 && issue.code !== 'custom' && issue.code !== 'unrecognized_keys'
        ? { code: 'INVALID_PIN' }
        : undefined,
  });
  const violations: ValidationViolation[] = [...parsed.violations];
  if (parsed.data !== undefined && parsed.data.currentPin === parsed.data.newPin) {
    violations.push({
      code: 'PIN_UNCHANGED',
      path: '$.newPin',
      message: 'The new PIN is your current PIN: choose a different one.',
    });
  }
  return toValidationResult(parsed.data, violations);
}

/**
 * The body of `requestEmailChange`.
 *
 * @example
 * EmailChangeRequestSchema.safeParse({ email: 'olivia@example.com' }).success; // true
 */
export const EmailChangeRequestSchema = z.strictObject({ email: EmailSchema });

/** A parsed email change request. */
export type EmailChangeRequest = z.output<typeof EmailChangeRequestSchema>;

/**
 * Checks an email change request before it is sent: a well-formed address (`VALIDATION_FAILED`).
 *
 * @example
 * validateEmailChangeRequest({ email: 'not-an-email' }).success; // false
 */
export function validateEmailChangeRequest(input: unknown): RuleValidationResult<EmailChangeRequest> {
  const parsed = parseWithViolations(EmailChangeRequestSchema, input);
  return toValidationResult(parsed.data, parsed.violations);
}

/**
 * Whether an email address is an account's other than `selfUserId` (any account's without it), compared
 * without case: "they must use a unique email address for each account" (seed 003).
 *
 * @example
 * emailTakenByAnother([{ userId: 'USR-1', email: 'A@x.example' }], 'a@X.example', 'USR-2'); // true
 */
export function emailTakenByAnother(
  accounts: Iterable<{ userId: string; email: string }>,
  email: string,
  selfUserId?: string,
): boolean {
  const wanted = email.toLowerCase();
  for (const account of accounts) {
    if (account.userId !== selfUserId && account.email.toLowerCase() === wanted) return true;
  }
  return false;
}

/**
 * The body of `confirmEmailChange`: the change's id and the 6-digit code emailed to the new address.
 *
 * @example
 * EmailChangeConfirmationSchema.safeParse({ changeId: 'EML-7Q4M2XPD', code: '246810' }).success; // true
 */
export const EmailChangeConfirmationSchema = z.strictObject({
  changeId: z.string().check(z.regex(/^EML-[A-Z0-9]{8}$/)),
  code: z.string().check(z.regex(/^\d{6}$/)),
});

/** A parsed email change confirmation. */
export type EmailChangeConfirmation = z.output<typeof EmailChangeConfirmationSchema>;

/**
 * Checks an email change confirmation before it is sent (`VALIDATION_FAILED` for a malformed id or a
 * code that is not 6 digits).
 *
 * @example
 * validateEmailChangeConfirmation({ changeId: 'EML-7Q4M2XPD', code: '12' }).success; // false
 */
export function validateEmailChangeConfirmation(
  input: unknown,
): RuleValidationResult<EmailChangeConfirmation> {
  const parsed = parseWithViolations(EmailChangeConfirmationSchema, input);
  return toValidationResult(parsed.data, parsed.violations);
}

/** What the portal knows of one pending email change when a code is given for it. */
export interface PendingEmailChange {
  userId: string;
  expiresAt: number;
  attempts: number;
  used: boolean;
}

/**
 * The violation of confirming `change` (undefined when unknown) by `userId` at `now` with a code that
 * matches or not; `[]` when the change may go ahead. One answer (`EMAIL_CODE_INVALID`) for an unknown,
 * another account's, expired (at `expiresAt` exactly), spent, used or wrong code.
 *
 * @example
 * checkEmailChangeCode(undefined, 'USR-1', 0, true); // [{ code: 'EMAIL_CODE_INVALID', … }]
 */
export function checkEmailChangeCode(
  change: PendingEmailChange | undefined,
  userId: string,
  now: number,
  codeMatches: boolean,
): Violation[] {
  let why: string | undefined;
  if (change === undefined || change.userId !== userId) why = 'There is no such email change of yours.';
  else if (change.used) why = 'This email change was already confirmed or too many codes were tried.';
  else if (now >= change.expiresAt) why = 'The code has expired.';
  else if (!codeMatches) why = 'The code is not correct: enter the 6-digit code emailed to the new address.';
  if (why === undefined) return [];
  return [
    {
      code: 'EMAIL_CODE_INVALID',
      path: '$.code',
      message: `${why} Ask for a new code if needed.`,
    },
  ];
}

/**
 * The body of `updateAccountSettings`: any of the notification switches, the default Tax ID (or
 * `null`), and `securityPolicyAcknowledged: true`.
 *
 * @example
 * AccountSettingsUpdateSchema.safeParse({ notifications: { messages: false } }).success; // true
 */
export const AccountSettingsUpdateSchema = z
  .strictObject({
    notifications: z.optional(
      z.strictObject({
        messages: z.optional(z.boolean()),
        authorizationDecisions: z.optional(z.boolean()),
        siteVerification: z.optional(z.boolean()),
      }),
    ),
    defaultTaxId: z.optional(z.nullable(TaxIdSchema)),
    securityPolicyAcknowledged: z.optional(z.literal(true)),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Give at least one setting to change.'));

/** A parsed settings update (the default Tax ID normalised to 9 digits). */
export type AccountSettingsUpdate = z.output<typeof AccountSettingsUpdateSchema>;

/**
 * Checks a settings update before it is sent (`VALIDATION_FAILED`; `INVALID_TAX_ID` for a malformed
 * default Tax ID). Whether the Tax ID is one of yours is the portal's fact (403 `TAX_ID_NOT_AUTHORIZED`).
 *
 * @example
 * validateAccountSettingsUpdate({}).success; // false: nothing to change
 */
export function validateAccountSettingsUpdate(input: unknown): RuleValidationResult<AccountSettingsUpdate> {
  const parsed = parseWithViolations(AccountSettingsUpdateSchema, input);
  return toValidationResult(parsed.data, parsed.violations);
}

/**
 * The body of `registerAdditionalTaxId`: the Tax ID and the single registration code sent for it.
 *
 * @example
 * AdditionalTaxIdSchema.safeParse({ taxId: '06-1234567', registrationCode: 'RC-06123-4567' }).success; // true
 */
export const AdditionalTaxIdSchema = z.strictObject({
  taxId: TaxIdSchema,
  registrationCode: z.string().check(z.regex(/^RC-\d{5}-\d{4}$/)),
});

/** A parsed additional Tax ID registration (Tax ID normalised). */
export type AdditionalTaxId = z.output<typeof AdditionalTaxIdSchema>;

/**
 * Checks an additional Tax ID registration before it is sent (`INVALID_TAX_ID`, `VALIDATION_FAILED`
 * for a code that is not `RC-` + 5 digits + `-` + 4 digits).
 *
 * @example
 * validateAdditionalTaxId({ taxId: '12345', registrationCode: 'RC-06123-4567' }); // INVALID_TAX_ID
 */
export function validateAdditionalTaxId(input: unknown): RuleValidationResult<AdditionalTaxId> {
  const parsed = parseWithViolations(AdditionalTaxIdSchema, input);
  return toValidationResult(parsed.data, parsed.violations);
}

/** The portal's facts about an additional Tax ID registration. */
export interface AdditionalTaxIdFacts {
  /** The account already acts for the Tax ID. */
  alreadyHeld: boolean;
  /** The Tax ID is known and the code is its registration code, not used yet. */
  codeValid: boolean;
  /** Some account is already the Tax ID's administrator. */
  hasAdministrator: boolean;
}

/**
 * The violation of registering an additional Tax ID, in this order: `TAX_ID_ALREADY_HELD`,
 * `REGISTRATION_CODE_INVALID` (one answer for an unknown Tax ID, a wrong code and a used one: "a
 * single registration code per Tax ID", seed 003, never telling whether the Tax ID exists), and
 * `TAX_ID_HAS_ADMINISTRATOR` ("we will reach out to your designated Administrator", seed 003: one).
 *
 * @example
 * checkAdditionalTaxId({ alreadyHeld: false, codeValid: false, hasAdministrator: false });
 * // [{ code: 'REGISTRATION_CODE_INVALID', … }]
 */
export function checkAdditionalTaxId(facts: AdditionalTaxIdFacts): Violation[] {
  if (facts.alreadyHeld) {
    return [
      {
        code: 'TAX_ID_ALREADY_HELD',
        path: '$.taxId',
        message: 'Your account already acts for this Tax ID.',
      },
    ];
  }
  if (!facts.codeValid) {
    return [
      {
        code: 'REGISTRATION_CODE_INVALID',
        path: '$.registrationCode',
        message:
          'The registration code does not unlock this Tax ID: check both, or ask Provider Customer Service for a new registration code.',
      },
    ];
  }
  if (facts.hasAdministrator) {
    return [
      {
        code: 'TAX_ID_HAS_ADMINISTRATOR',
        path: '$.taxId',
        message:
          'This Tax ID already has its Portal Administrator: ask them for access, or use the Provider Portal Registration Form to learn who they are.',
      },
    ];
  }
  return [];
}
