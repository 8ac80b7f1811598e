/**
 * Every stable rule code of the business rules catalog (`RULES.md`). The SDK validators and the mock
 * server's `application/problem+json` errors use the same codes.
 *
 * @example
 * const code: RuleCode = 'INVALID_NPI';
 */
export type RuleCode =
  | 'SERVICE_END_BEYOND_180_DAYS'
  | 'SERVICE_OUTSIDE_COVERAGE'
  | 'SERVICE_DATES_REVERSED'
  | 'SERVICE_LINE_REQUIRED'
  | 'INVALID_CPT_CODE'
  | 'INVALID_ICD10_CODE'
  | 'PROVIDER_IDENTITY_MISMATCH'
  | 'INVALID_NPI'
  | 'INVALID_TAX_ID'
  | 'REFERRAL_BACKDATE_EXCEEDED'
  | 'REFERRAL_NOT_REQUIRED'
  | 'REFERRAL_LOOKBACK_EXCEEDED'
  | 'ATTACHMENT_TYPE_NOT_ALLOWED'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_EMPTY'
  | 'TOO_MANY_ATTACHMENTS'
  | 'ATTACHMENT_LOCKED'
  | 'MESSAGE_TURNAROUND'
  | 'INVALID_MESSAGE_CATEGORY'
  | 'MESSAGE_CONTENT_REQUIRED'
  | 'SEARCH_TERM_TOO_SHORT'
  | 'MEMBER_SEARCH_INCOMPLETE'
  | 'ELIGIBILITY_LOOKBACK_EXCEEDED'
  | 'CLAIMS_LOOKBACK_EXCEEDED'
  | 'CLAIMS_WINDOW_TOO_WIDE'
  | 'CHECK_IMAGE_UNAVAILABLE'
  | 'CARE_PLAN_ATTESTATION_REQUIRED'
  | 'CARE_PLAN_SENSITIVE'
  | 'CARE_PLAN_EXPIRED'
  | 'PREAUTH_NOT_EDITABLE'
  | 'PREAUTH_DETAILS_PENDING'
  | 'DELEGATED_MEMBER'
  | 'ONE_ROLE_PER_TAX_ID'
  | 'ADMIN_ROLE_REQUIRED'
  | 'LEAD_SITE_MANAGER_TITLE'
  | 'INVALID_PIN'
  | 'SITE_VERIFICATION_OVERDUE'
  | 'ACCOUNT_LOCKED'
  | 'SESSION_EXPIRED'
  | 'MFA_REQUIRED'
  | 'NETWORK_STATUS_FORBIDDEN'
  | 'REPORT_ACTIVE_MEMBERS_ONLY'
  | 'EXPORT_OWNER_ONLY'
  | 'MEMBER_NOT_FOUND'
  | 'LAST_ADMINISTRATOR'
  | 'EMAIL_IN_USE'
  | 'CONSOLIDATION_ACCOUNT_NOT_FOUND'
  | 'CONSOLIDATION_SAME_PLAN'
  | 'ACCOUNT_ALREADY_CONSOLIDATED'
  | 'ACCOUNT_CONSOLIDATED'
  | 'ACCOUNTS_NOT_CONSOLIDATED'
  | 'SPONSOR_NOT_PARTICIPATING'
  | 'SECONDARY_SITE_MANAGER_RECOMMENDED'
  | 'PROVIDER_AGREEMENT_REQUIRED'
  | 'PASSWORD_UNCHANGED'
  | 'PIN_UNCHANGED'
  | 'EMAIL_CODE_INVALID'
  | 'REGISTRATION_CODE_INVALID'
  | 'TAX_ID_ALREADY_HELD'
  | 'TAX_ID_HAS_ADMINISTRATOR';

/**
 * One broken rule: its code, a JSON path into the checked input ('$', '$.serviceLines[0].serviceEndDate',
 * '$.files[2]') and a message that says what failed, why, and what to do.
 *
 * @example
 * const v: Violation = { code: 'INVALID_PIN', path: '$.leadSiteManager.pin', message: 'PIN must be exactly 4 digits.' };
 */
export interface Violation {
  code: RuleCode;
  path: string;
  message: string;
}

/**
 * The outcome of validating an input: the (possibly normalised) data and any warnings, or every
 * violation found (all of them, not only the first) and any warnings.
 *
 * @example
 * const ok: ValidationResult<string> = { success: true, data: '123456789', warnings: [] };
 */
export type ValidationResult<T> =
  | { success: true; data: T; warnings: Violation[] }
  | { success: false; violations: Violation[]; warnings: Violation[] };

/**
 * Builds a {@link Violation}.
 *
 * @example
 * violation('INVALID_NPI', '$.senderNpi', 'NPI 1234567890 has an invalid check digit; check the number.');
 */
export function violation(code: RuleCode, path: string, message: string): Violation {
  return { code, path, message };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends segments to a JSON path: numbers become `[i]`, identifier-like names `.name`, anything
 * else a quoted bracket `['odd name']`.
 *
 * @example
 * joinPath('$', 'serviceLines', 0, 'serviceEndDate'); // '$.serviceLines[0].serviceEndDate'
 * joinPath('$.files', 2); // '$.files[2]'
 */
export function joinPath(base: string, ...segments: (string | number)[]): string {
  let path = base;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else if (IDENTIFIER.test(segment)) {
      path += `.${segment}`;
    } else {
      path += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    }
  }
  return path;
}
