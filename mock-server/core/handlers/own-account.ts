/**
 * Your own account (seed 004's training index: "Login and Settings: the steps for logging in and
 * changing settings"): the password, the 4-digit PIN, the email address (confirmed with a code
 * emailed to the new address) and the settings. The input rules are sdk/rules/own-account.ts; the
 * facts (the current password and PIN, who else uses an email, the pending changes) are here.
 *
 * A wrong current password or PIN answers like a failed sign-in (401 INVALID_CREDENTIALS) and counts
 * as one (core/sign-in-throttle.ts), so these operations cannot be used to guess either. Audit entries
 * name what changed, never a password, PIN, code or address.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import {
  checkEmailChangeCode,
  EMAIL_CHANGE_MAX_ATTEMPTS,
  EMAIL_CHANGE_TTL_MS,
  emailTakenByAnother,
  type RuleValidationResult,
  requireUniqueEmail,
  validateAccountSettingsUpdate,
  validateEmailChangeConfirmation,
  validateEmailChangeRequest,
  validatePasswordChange,
  validatePinChange,
} from '../../../sdk/rules/index.ts';
import { signedInUser, userTaxIds } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { maskEmail, sendEmail } from '../mailbox.ts';
import { oncePerRequest } from '../once-per-request.ts';
import { PERSONA_MFA_CODE } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, recordAudit } from '../sandbox.ts';
import { UPPER_ALPHANUMERIC, uniqueSecret } from '../secrets.ts';
import { endSessionsOf } from '../sessions.ts';
import { assertNotLocked, recordFailure, recordSuccess } from '../sign-in-throttle.ts';
import type { AccountSettings, DomainHandlers, HandlerContext, PortalUser } from '../types.ts';

type Schemas = components['schemas'];

/** The sandbox collection of pending email changes, by changeId. */
export const EMAIL_CHANGES = 'email-changes';

interface EmailChangeRecord {
  changeId: string;
  userId: string;
  email: string;
  expiresAt: number;
  attempts: number;
  used: boolean;
}

const passwordChange = oncePerRequest((ctx: HandlerContext) => validatePasswordChange(ctx.body));
const pinChange = oncePerRequest((ctx: HandlerContext) => validatePinChange(ctx.body));
const emailRequest = oncePerRequest((ctx: HandlerContext) => validateEmailChangeRequest(ctx.body));
const emailConfirmation = oncePerRequest((ctx: HandlerContext) => validateEmailChangeConfirmation(ctx.body));
const settingsUpdate = oncePerRequest((ctx: HandlerContext) => validateAccountSettingsUpdate(ctx.body));

function violationsOf<T>(result: RuleValidationResult<T>) {
  return result.success ? [] : result.violations;
}

function parsed<T>(result: RuleValidationResult<T>): T {
  if (!result.success) throw ProblemError.fromViolations(result.violations);
  return result.data;
}

/** A wrong current password or PIN: answered and counted like a failed sign-in. */
function wrongCredential(ctx: HandlerContext, user: PortalUser, what: 'password' | 'PIN'): never {
  recordFailure(ctx.sandbox, user.username, 'password');
  throw new ProblemError('INVALID_CREDENTIALS', `The current ${what} is not correct.`);
}

function now(ctx: HandlerContext): number {
  return ctx.sandbox.clock.now().getTime();
}

/** The settings of an account, with the defaults until it changes them. */
function settingsOf(user: PortalUser): AccountSettings {
  user.settings ??= {
    notifications: { messages: true, authorizationDecisions: true, siteVerification: false },
    defaultTaxId: null,
    securityPolicyAcknowledgedAt: null,
  };
  return user.settings;
}

function settingsBody(user: PortalUser): Schemas['AccountSettings'] {
  const settings = settingsOf(user);
  // A default Tax ID the account no longer acts for is no default.
  const defaultTaxId =
    settings.defaultTaxId !== null && userTaxIds(user).includes(settings.defaultTaxId)
      ? settings.defaultTaxId
      : null;
  return {
    notifications: { ...settings.notifications },
    defaultTaxId,
    securityPolicyAcknowledgedAt: settings.securityPolicyAcknowledgedAt,
  };
}

function changePassword(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const body = parsed(passwordChange(ctx));
  assertNotLocked(ctx.sandbox, user.username);
  if (user.password === '' || body.currentPassword !== user.password) wrongCredential(ctx, user, 'password');
  recordSuccess(ctx.sandbox, user.username, 'password');
  user.password = body.newPassword;
  // A changed password ends the account's other sessions; the one that changed it stays signed in.
  const otherSessionsEnded = endSessionsOf(ctx.sandbox, user.userId, ctx.session?.token);
  recordAudit(ctx, 'account.password_change', user.userId, { otherSessionsEnded });
  const answer: Schemas['PasswordChangeResult'] = { changedAt: isoTimestamp(now(ctx)), otherSessionsEnded };
  return { status: 200, body: answer };
}

function changePin(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const body = parsed(pinChange(ctx));
  assertNotLocked(ctx.sandbox, user.username);
  // "This information is required to verify the user's identity when calling the MHS IT Service Desk" (seed 000).
  if (user.pin === undefined || body.currentPin !== user.pin) wrongCredential(ctx, user, 'PIN');
  recordSuccess(ctx.sandbox, user.username, 'password');
  user.pin = body.newPin;
  recordAudit(ctx, 'account.pin_change', user.userId);
  const answer: Schemas['PinChangeResult'] = { changedAt: isoTimestamp(now(ctx)) };
  return { status: 200, body: answer };
}

function assertEmailFree(ctx: HandlerContext, user: PortalUser, email: string): void {
  // "they must use a unique email address for each account" (seed 003), compared without case.
  const [inUse] = requireUniqueEmail(
    emailTakenByAnother(ctx.sandbox.users.values(), email, user.userId),
    email,
  );
  if (inUse !== undefined) throw new ProblemError(inUse.code, inUse.message, { violations: [inUse] });
}

function requestEmailChange(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const { email } = parsed(emailRequest(ctx));
  if (email.toLowerCase() === user.email.toLowerCase()) {
    throw new ProblemError('VALIDATION_FAILED', 'This is already the email address of your account.', {
      violations: [{ code: 'VALIDATION_FAILED', path: '$.email', message: 'This is your current address.' }],
    });
  }
  assertEmailFree(ctx, user, email);
  const changes = collection<EmailChangeRecord>(ctx.sandbox, EMAIL_CHANGES);
  // A new request replaces the account's pending ones: only the newest code confirms.
  for (const change of changes.values()) if (change.userId === user.userId) change.used = true;
  const changeId = uniqueSecret('EML-', 8, changes, UPPER_ALPHANUMERIC);
  const record: EmailChangeRecord = {
    changeId,
    userId: user.userId,
    email,
    expiresAt: now(ctx) + EMAIL_CHANGE_TTL_MS,
    attempts: 0,
    used: false,
  };
  changes.set(changeId, record);
  sendEmail(ctx.sandbox, {
    to: email,
    subject: 'Confirm your new email address',
    text: `Enter the code ${PERSONA_MFA_CODE} to make this the email address of your Provider Portal account. It expires at ${isoTimestamp(record.expiresAt)}.`,
    code: PERSONA_MFA_CODE,
  });
  sendEmail(ctx.sandbox, {
    to: user.email,
    subject: 'A change of your email address was requested',
    text: 'Someone signed in to your Provider Portal account asked to change its email address. If it was not you, change your password and call Provider Customer Service.',
  });
  recordAudit(ctx, 'account.email_change_request', user.userId, { changeId });
  const answer: Schemas['EmailChangePending'] = {
    changeId,
    deliveredTo: maskEmail(email),
    expiresAt: isoTimestamp(record.expiresAt),
  };
  return { status: 202, body: answer };
}

function confirmEmailChange(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const body = parsed(emailConfirmation(ctx));
  assertNotLocked(ctx.sandbox, user.username);
  const change = collection<EmailChangeRecord>(ctx.sandbox, EMAIL_CHANGES).get(body.changeId);
  const codeMatches = body.code === PERSONA_MFA_CODE;
  const [refused] = checkEmailChangeCode(change, user.userId, now(ctx), codeMatches);
  if (refused !== undefined) {
    if (change !== undefined && change.userId === user.userId && !change.used && !codeMatches) {
      // Wrong codes are limited like the emailed sign-in code: per change and per account.
      recordFailure(ctx.sandbox, user.username, 'mfa');
      change.attempts += 1;
      if (change.attempts >= EMAIL_CHANGE_MAX_ATTEMPTS) change.used = true;
    }
    throw ProblemError.fromViolations([refused]);
  }
  if (change === undefined) throw new Error('unreachable: checkEmailChangeCode refuses a missing change');
  assertEmailFree(ctx, user, change.email);
  change.used = true;
  const oldEmail = user.email;
  user.email = change.email;
  sendEmail(ctx.sandbox, {
    to: oldEmail,
    subject: 'Your email address was changed',
    text: `The email address of your Provider Portal account is now ${maskEmail(change.email)}. If it was not you, call Provider Customer Service.`,
  });
  recordAudit(ctx, 'account.email_change', user.userId, { changeId: change.changeId });
  const answer: Schemas['EmailChangeResult'] = { email: user.email, changedAt: isoTimestamp(now(ctx)) };
  return { status: 200, body: answer };
}

function updateAccountSettings(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const body = parsed(settingsUpdate(ctx));
  if (
    body.defaultTaxId !== undefined &&
    body.defaultTaxId !== null &&
    !userTaxIds(user).includes(body.defaultTaxId)
  ) {
    throw new ProblemError('TAX_ID_NOT_AUTHORIZED', 'The default Tax ID must be one you act for.');
  }
  const settings = settingsOf(user);
  for (const [key, value] of Object.entries(body.notifications ?? {})) {
    if (typeof value === 'boolean')
      settings.notifications[key as keyof AccountSettings['notifications']] = value;
  }
  if (body.defaultTaxId !== undefined) settings.defaultTaxId = body.defaultTaxId;
  if (body.securityPolicyAcknowledged === true)
    settings.securityPolicyAcknowledgedAt = isoTimestamp(now(ctx));
  recordAudit(ctx, 'account.settings_update', user.userId, { fields: Object.keys(body).sort() });
  return { status: 200, body: settingsBody(user) };
}

export const ownAccountHandlers: DomainHandlers = {
  changePassword: { rules: (ctx) => violationsOf(passwordChange(ctx)), handle: changePassword },
  changePin: { rules: (ctx) => violationsOf(pinChange(ctx)), handle: changePin },
  requestEmailChange: { rules: (ctx) => violationsOf(emailRequest(ctx)), handle: requestEmailChange },
  confirmEmailChange: { rules: (ctx) => violationsOf(emailConfirmation(ctx)), handle: confirmEmailChange },
  getAccountSettings: { handle: (ctx) => ({ status: 200, body: settingsBody(signedInUser(ctx)) }) },
  updateAccountSettings: { rules: (ctx) => violationsOf(settingsUpdate(ctx)), handle: updateAccountSettings },
};
