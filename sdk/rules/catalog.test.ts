import { describe, expect, it } from 'vitest';
import { pinRangeError } from '../../test/support/violations.ts';
import { isRuleCode, RULE_CATALOG, ruleMeta } from './catalog.ts';
import type { RuleCode } from './violation.ts';

/**
 * Every code of RULES.md, in its order (42 table rows + ATTACHMENT_EMPTY, named in the
 * ATTACHMENT_TOO_LARGE row, + the access codes of issue 10: MEMBER_NOT_FOUND, LAST_ADMINISTRATOR, EMAIL_IN_USE; the site
 * manager codes of seed 000: SPONSOR_NOT_PARTICIPATING, SECONDARY_SITE_MANAGER_RECOMMENDED; seed 002's
 * PROVIDER_AGREEMENT_REQUIRED; the five account consolidation codes of seed 003; and the six own-account
 * and additional Tax ID codes of issue 15). A Record keyed by
 * RuleCode makes the compiler check the list against the
 * RuleCode union in both directions.
 */
const CODES: Record<RuleCode, true> = {
  SERVICE_END_BEYOND_180_DAYS: true,
  SERVICE_OUTSIDE_COVERAGE: true,
  SERVICE_DATES_REVERSED: true,
  SERVICE_LINE_REQUIRED: true,
  INVALID_CPT_CODE: true,
  INVALID_ICD10_CODE: true,
  PROVIDER_IDENTITY_MISMATCH: true,
  INVALID_NPI: true,
  INVALID_TAX_ID: true,
  REFERRAL_BACKDATE_EXCEEDED: true,
  REFERRAL_NOT_REQUIRED: true,
  REFERRAL_LOOKBACK_EXCEEDED: true,
  ATTACHMENT_TYPE_NOT_ALLOWED: true,
  ATTACHMENT_TOO_LARGE: true,
  ATTACHMENT_EMPTY: true,
  TOO_MANY_ATTACHMENTS: true,
  ATTACHMENT_LOCKED: true,
  MESSAGE_TURNAROUND: true,
  INVALID_MESSAGE_CATEGORY: true,
  MESSAGE_CONTENT_REQUIRED: true,
  SEARCH_TERM_TOO_SHORT: true,
  MEMBER_SEARCH_INCOMPLETE: true,
  ELIGIBILITY_LOOKBACK_EXCEEDED: true,
  CLAIMS_LOOKBACK_EXCEEDED: true,
  CLAIMS_WINDOW_TOO_WIDE: true,
  CHECK_IMAGE_UNAVAILABLE: true,
  CARE_PLAN_ATTESTATION_REQUIRED: true,
  CARE_PLAN_SENSITIVE: true,
  CARE_PLAN_EXPIRED: true,
  PREAUTH_NOT_EDITABLE: true,
  PREAUTH_DETAILS_PENDING: true,
  DELEGATED_MEMBER: true,
  ONE_ROLE_PER_TAX_ID: true,
  ADMIN_ROLE_REQUIRED: true,
  LEAD_SITE_MANAGER_TITLE: true,
  INVALID_PIN: true,
  SITE_VERIFICATION_OVERDUE: true,
  ACCOUNT_LOCKED: true,
  SESSION_EXPIRED: true,
  MFA_REQUIRED: true,
  NETWORK_STATUS_FORBIDDEN: true,
  REPORT_ACTIVE_MEMBERS_ONLY: true,
  EXPORT_OWNER_ONLY: true,
  MEMBER_NOT_FOUND: true,
  LAST_ADMINISTRATOR: true,
  EMAIL_IN_USE: true,
  CONSOLIDATION_ACCOUNT_NOT_FOUND: true,
  CONSOLIDATION_SAME_PLAN: true,
  ACCOUNT_ALREADY_CONSOLIDATED: true,
  ACCOUNT_CONSOLIDATED: true,
  ACCOUNTS_NOT_CONSOLIDATED: true,
  SPONSOR_NOT_PARTICIPATING: true,
  SECONDARY_SITE_MANAGER_RECOMMENDED: true,
  PROVIDER_AGREEMENT_REQUIRED: true,
  PASSWORD_UNCHANGED: true,
  PIN_UNCHANGED: true,
  EMAIL_CODE_INVALID: true,
  REGISTRATION_CODE_INVALID: true,
  TAX_ID_ALREADY_HELD: true,
  TAX_ID_HAS_ADMINISTRATOR: true,
};
const ALL_CODES = Object.keys(CODES) as RuleCode[];

/** The HTTP status of each error code; codes missing here are not errors (status null). */
const HTTP_STATUS: Partial<Record<RuleCode, number>> = {
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  CARE_PLAN_ATTESTATION_REQUIRED: 403,
  ADMIN_ROLE_REQUIRED: 403,
  SITE_VERIFICATION_OVERDUE: 403,
  ACCOUNT_LOCKED: 403,
  NETWORK_STATUS_FORBIDDEN: 403,
  EXPORT_OWNER_ONLY: 403,
  CARE_PLAN_SENSITIVE: 404,
  MEMBER_NOT_FOUND: 404,
  LAST_ADMINISTRATOR: 409,
  EMAIL_IN_USE: 409,
  CONSOLIDATION_ACCOUNT_NOT_FOUND: 422,
  CONSOLIDATION_SAME_PLAN: 422,
  ACCOUNT_ALREADY_CONSOLIDATED: 409,
  ACCOUNT_CONSOLIDATED: 403,
  ACCOUNTS_NOT_CONSOLIDATED: 403,
  TAX_ID_ALREADY_HELD: 409,
  TAX_ID_HAS_ADMINISTRATOR: 409,
  PREAUTH_NOT_EDITABLE: 409,
  ATTACHMENT_LOCKED: 409,
  PREAUTH_DETAILS_PENDING: 409,
  CARE_PLAN_EXPIRED: 410,
  CHECK_IMAGE_UNAVAILABLE: 410,
};
const NOT_ERRORS: Partial<Record<RuleCode, 'warning' | 'info'>> = {
  MESSAGE_TURNAROUND: 'info',
  REPORT_ACTIVE_MEMBERS_ONLY: 'info',
  REFERRAL_NOT_REQUIRED: 'warning',
  DELEGATED_MEMBER: 'info',
  SECONDARY_SITE_MANAGER_RECOMMENDED: 'warning',
};

describe('RULE_CATALOG', () => {
  it('lists every code of RULES.md exactly once, in its order', () => {
    expect(ALL_CODES).toHaveLength(60);
    expect(RULE_CATALOG.map((rule) => rule.code)).toEqual(ALL_CODES);
  });

  it('gives warnings and information no HTTP status', () => {
    for (const [code, kind] of Object.entries(NOT_ERRORS)) {
      expect(ruleMeta(code as RuleCode)).toMatchObject({ kind, httpStatus: null });
    }
  });

  it('answers 401/403/404/409/410 for session, permission, hidden, conflicting and gone resources, 422 otherwise', () => {
    for (const code of ALL_CODES) {
      if (code in NOT_ERRORS) continue;
      expect([code, ruleMeta(code).kind, ruleMeta(code).httpStatus]).toEqual([
        code,
        'error',
        HTTP_STATUS[code] ?? 422,
      ]);
    }
    expect(RULE_CATALOG.filter((rule) => rule.httpStatus === 422)).toHaveLength(60 - 5 - 22);
  });

  it('describes each rule with a concern, the rule text and a source', () => {
    for (const rule of RULE_CATALOG) {
      expect(rule.concern).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.rule.length).toBeGreaterThan(20);
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.limit === null || rule.limit.length > 0).toBe(true);
    }
  });

  it('states the limits of the numeric rules', () => {
    expect(ruleMeta('SERVICE_END_BEYOND_180_DAYS').limit).toBe('180 days');
    expect(ruleMeta('REFERRAL_BACKDATE_EXCEEDED').limit).toBe('30 days');
    expect(ruleMeta('REFERRAL_LOOKBACK_EXCEEDED').limit).toBe('24 months');
    expect(ruleMeta('CLAIMS_WINDOW_TOO_WIDE').limit).toBe('90 days');
    expect(ruleMeta('ATTACHMENT_TOO_LARGE').limit).toContain('26214400 bytes');
    expect(ruleMeta('TOO_MANY_ATTACHMENTS').limit).toContain('5 files');
    expect(ruleMeta('SESSION_EXPIRED').limit).toContain('15 minutes');
    expect(ruleMeta('INVALID_PIN').limit).toBe('4 digits');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(RULE_CATALOG)).toBe(true);
    expect(Object.isFrozen(RULE_CATALOG[0])).toBe(true);
  });
});

describe('ruleMeta and isRuleCode', () => {
  it('find a code and refuse unknown ones', () => {
    expect(ruleMeta('ATTACHMENT_LOCKED').httpStatus).toBe(409);
    pinRangeError(() => ruleMeta('NOPE' as RuleCode));
    expect(ALL_CODES.every(isRuleCode)).toBe(true);
    expect(isRuleCode('NOPE')).toBe(false);
    expect(isRuleCode(42)).toBe(false);
  });
});
