import type { RuleCode } from './violation.ts';

/**
 * What a rule code is: its kind (an error that refuses the request, a warning, or information), the HTTP
 * status the mock server answers with (`null` when it is not an error), the concern it belongs to, the
 * rule in words, its limit in words, and the source it comes from (a quote of the seed when there is one).
 *
 * @example
 * const meta: RuleMeta = ruleMeta('CLAIMS_WINDOW_TOO_WIDE'); // { kind: 'error', httpStatus: 422, limit: '90 days', … }
 */
export interface RuleMeta {
  code: RuleCode;
  kind: 'error' | 'warning' | 'info';
  httpStatus: number | null;
  concern: string;
  rule: string;
  limit: string | null;
  source: string;
}

type Entry = [
  code: RuleCode,
  kind: RuleMeta['kind'],
  httpStatus: number | null,
  concern: string,
  rule: string,
  limit: string | null,
  source: string,
];

const ENTRIES: readonly Entry[] = [
  [
    'SERVICE_END_BEYOND_180_DAYS',
    'error',
    422,
    'preauthorizations',
    'A preauthorization service end date is at most 180 days after the request date (day 180 passes, 181 fails).',
    '180 days',
    'Seed 003: "The service end date cannot be more than 180 days from the request date."',
  ],
  [
    'SERVICE_OUTSIDE_COVERAGE',
    'error',
    422,
    'preauthorizations',
    "Preauthorization service dates lie within the member's coverage start and end dates.",
    null,
    'Seed 003: "The service dates must coincide with the member’s coverage dates."',
  ],
  [
    'SERVICE_DATES_REVERSED',
    'error',
    422,
    'preauthorizations',
    'The service start date is on or before the service end date, for the request and each service line.',
    null,
    'Common sense (RULES.md).',
  ],
  [
    'SERVICE_LINE_REQUIRED',
    'error',
    422,
    'preauthorizations',
    'A preauthorization has at least one service line, each with its own CPT/HCPCS code.',
    'at least 1 service line',
    'Seed 003: "You can add multiple service lines to a single preauthorization request, each with its own CPT code."',
  ],
  [
    'INVALID_CPT_CODE',
    'error',
    422,
    'codes',
    'A procedure code is CPT/HCPCS shaped: 5 digits, 4 digits + F/T/U, or a letter + 4 digits (HCPCS Level II).',
    null,
    'CPT/HCPCS code format.',
  ],
  [
    'INVALID_ICD10_CODE',
    'error',
    422,
    'codes',
    'A diagnosis code is ICD-10-CM shaped: a letter, a digit, a letter or digit, then optionally a dot and 1–4 letters or digits.',
    null,
    'ICD-10-CM code format.',
  ],
  [
    'PROVIDER_IDENTITY_MISMATCH',
    'error',
    422,
    'providers',
    'The servicing address, Tax ID and NPI are one known combination.',
    null,
    'Seed 003: "The address selected must match with the sub-specialist’s Tax ID and NPI. It is a combination of these three elements (address, Tax ID, and NPI) that are critical for processing claims, preauthorization requests, and referral transactions."',
  ],
  [
    'INVALID_NPI',
    'error',
    422,
    'codes',
    'An NPI is 10 digits with a valid Luhn check digit over the 80840 prefix.',
    '10 digits',
    'CMS NPI standard.',
  ],
  [
    'INVALID_TAX_ID',
    'error',
    422,
    'codes',
    'A Tax ID (TIN/EIN) is 9 digits; NN-NNNNNNN is accepted and normalised.',
    '9 digits',
    'Seed 000: "The Tax ID and Group NPI are required to permit access to authorizations and claims."',
  ],
  [
    'REFERRAL_BACKDATE_EXCEEDED',
    'error',
    422,
    'referrals',
    'A referral start date is at most 30 days before the request date (30 days before passes, 31 fails).',
    '30 days',
    'Seed 003: "Referrals may be backdated up to 30 days to facilitate member access to care."',
  ],
  [
    'REFERRAL_NOT_REQUIRED',
    'warning',
    null,
    'referrals',
    'Referrals are not needed for Enhanced Care (Medicaid), Enhanced Care Plus (HARP), Child Health Plus and Essential Plan members from 2023-01-01; the SDK warns and the server answers with the "not required" outcome.',
    null,
    'Seed 003: "As of January 1, 2023, referrals are no longer needed for Enhanced Care (Medicaid), Enhanced Care Plus (HARP), and Child Health Plus (CHPlus), and Essential Plan members."',
  ],
  [
    'REFERRAL_LOOKBACK_EXCEEDED',
    'error',
    422,
    'referrals',
    'Referral searches reach back at most 24 months (to the same calendar date).',
    '24 months',
    'Seed 003: "all referrals submitted within the last 24 months will be available to the servicing provider on the Provider Portal."',
  ],
  [
    'ATTACHMENT_TYPE_NOT_ALLOWED',
    'error',
    422,
    'attachments',
    'An attachment is a doc, docx, pdf, xls, ppt, jpg, jpeg, png, bmp, gif or txt file, by extension, content type and content.',
    'doc, docx, pdf, xls, ppt, jpg, jpeg, png, bmp, gif, txt',
    'Seed 003: "You will only be allowed to attach a document in one of the following formats: doc, docx, pdf, xls, ppt, jpg, jpeg, png, bmp, gif, and txt."',
  ],
  [
    'ATTACHMENT_TOO_LARGE',
    'error',
    422,
    'attachments',
    'Each attachment is at most 25 MB (25 × 1024 × 1024 bytes).',
    '25 MB (26214400 bytes) per file',
    'Seed 003: "Yes, twenty-five (25) MB per file for preauthorization requests and notifications, up to five (5) attachments."',
  ],
  [
    'ATTACHMENT_EMPTY',
    'error',
    422,
    'attachments',
    'An attachment has content: an empty (0-byte) file is rejected.',
    'at least 1 byte',
    'RULES.md (ATTACHMENT_TOO_LARGE): "an empty file is also rejected".',
  ],
  [
    'TOO_MANY_ATTACHMENTS',
    'error',
    422,
    'attachments',
    'An upload batch has at most five files; more are sent as further batches.',
    '5 files per batch',
    'Seed 003: "You can upload up to five (5) attachments at a time. If you need to send us more than five (5) items, please send them in batches."',
  ],
  [
    'ATTACHMENT_LOCKED',
    'error',
    409,
    'attachments',
    'An uploaded attachment cannot be removed.',
    null,
    'Seed 003: "The attachment can only be removed BEFORE the user selects “Upload.” Once the user selects “Upload,” the attachment cannot be removed."',
  ],
  [
    'MESSAGE_TURNAROUND',
    'info',
    null,
    'messages',
    'A response is due on the Nth business day strictly after the submission day: Urgent 1, High 2, Medium 4, Low 7.',
    'Urgent 1, High 2, Medium 4, Low 7 business days',
    'Seed 001: "The turnaround times to receive a response from the day of submission are: Urgent: 1 business day, High: 2 business days, Medium: 4 business days, Low: 7 business days."',
  ],
  [
    'INVALID_MESSAGE_CATEGORY',
    'error',
    422,
    'messages',
    'A message subcategory belongs to its category (e.g. Care Management → Provider Portal Care Plan Question or Provider Portal Care Plan Resources for Members); Grievances and Appeals is its own category.',
    null,
    'Seed 003: "“Care Management” will default as the category for your message. Choose the “Provider Portal Care Plan Question” subcategory for your question."',
  ],
  [
    'MESSAGE_CONTENT_REQUIRED',
    'error',
    422,
    'messages',
    'Message content, contact name and contact phone are required; the phone is a valid US number.',
    null,
    'Seed 001, step 15: "Click the Message Content field and enter your message. Review your Contact Name and Contact Phone and updated if needed."',
  ],
  [
    'SEARCH_TERM_TOO_SHORT',
    'error',
    422,
    'members',
    "A partial name search term (a member's, or a provider's) has at least two characters.",
    '2 characters',
    'Seed 003: "The portal is set up to conduct partial name searches … A minimum of two characters has to be entered."',
  ],
  [
    'MEMBER_SEARCH_INCOMPLETE',
    'error',
    422,
    'members',
    'A member search is by member ID, or by first name + last name + date of birth.',
    null,
    'Seed 001, step 2: "If Member Name is selected, Member First Name, Last Name, and Date of Birth are required."',
  ],
  [
    'ELIGIBILITY_LOOKBACK_EXCEEDED',
    'error',
    422,
    'eligibility',
    'Eligibility results reach back at most two years (to the same calendar date).',
    '2 years',
    'Seed 003: "you may see eligibility search results for the last two years."',
  ],
  [
    'CLAIMS_LOOKBACK_EXCEEDED',
    'error',
    422,
    'claims',
    'Claims are searchable if submitted within the last two years (to the same calendar date).',
    '2 years',
    'Seed 003: "Users will be able to search for claims submitted within the last two years."',
  ],
  [
    'CLAIMS_WINDOW_TOO_WIDE',
    'error',
    422,
    'claims',
    'One claims result page covers at most 90 days of dates, counting both ends.',
    '90 days',
    'Seed 003: "Search results, however, will only be displayed showing 90 days of information at a time."',
  ],
  [
    'CHECK_IMAGE_UNAVAILABLE',
    'error',
    410,
    'claims',
    'Check images are available for the past two years.',
    '2 years',
    'Seed 003: "Check images will be available for the past two (2) years."',
  ],
  [
    'CARE_PLAN_ATTESTATION_REQUIRED',
    'error',
    403,
    'care-plans',
    'A care plan is shown only after the user attests a treatment relationship; each view is recorded (user, time) for audit.',
    null,
    'Seed 001, step 6: "You must attest that you are authorized to view the member\'s Care Plan. … Each time a user reviews a Care Plan, a record will be created recording the user\'s name and the date the plan is opened for internal audit purposes only."',
  ],
  [
    'CARE_PLAN_SENSITIVE',
    'error',
    404,
    'care-plans',
    "Sensitive parts of a care plan are left out; a wholly sensitive plan is not shown, and the answer gives the care team's phone.",
    null,
    'Seed 001, step 7: "If a Care Plan contains some sensitive information, those parts of the Care Plan will not be shown in the portal. If the entire Care Plan is sensitive, the Care Plan will not be shown in the portal and an Alert will display."',
  ],
  [
    'CARE_PLAN_EXPIRED',
    'error',
    410,
    'care-plans',
    'A completed care plan stays available for 30 days after completion.',
    '30 days after completion',
    'Seed 001, step 7: "Once a Care Plan is completed, it will only be available on the portal for 30 more days."',
  ],
  [
    'PREAUTH_NOT_EDITABLE',
    'error',
    409,
    'preauthorizations',
    'A submitted preauthorization is changed only through a modification request (auto-applied or pended for review).',
    null,
    'Seed 003: "If all requested changes can be processed by our systems without staff intervention, the confirmation will let you know the modifications have been made. If staff intervention is needed, the request will be pended and sent to our Utilization Management team for review."',
  ],
  [
    'PREAUTH_DETAILS_PENDING',
    'error',
    409,
    'preauthorizations',
    'Details of a just-submitted preauthorization may not be available for a few hours.',
    'a few hours',
    'Seed 003: "if the Reference ID is not hyperlinked yet, please check back in a few hours as preauthorization details are not yet available."',
  ],
  [
    'DELEGATED_MEMBER',
    'info',
    null,
    'admission-notifications',
    'Admission notifications for delegated members go to the delegated entity; the answer names it and how to reach it.',
    null,
    'Seed 003: "you will be able to identify if the member falls under a delegated arrangement and will be provided with instructions for contacting the correct organization."',
  ],
  [
    'ONE_ROLE_PER_TAX_ID',
    'error',
    422,
    'users',
    'A user has exactly one role per Tax ID; different Tax IDs may carry different roles.',
    '1 role per Tax ID',
    'Seed 003: "Only one type of access may be assigned per user per Tax ID in the new portal. Different Tax IDs may have different types of access assigned to a single user."',
  ],
  [
    'ADMIN_ROLE_REQUIRED',
    'error',
    403,
    'users',
    'Only a Portal Administrator / Office Manager (site manager) invites users, changes roles, makes admins, revokes users and requests provider profile updates.',
    null,
    'Seed 002: "Manage user access, invite new users and manage administrative rights."; seed 004: "users with the administrator/office manager role can request updates to a provider\'s profile".',
  ],
  [
    'LEAD_SITE_MANAGER_TITLE',
    'error',
    422,
    'registration',
    'A lead (or secondary) site manager is a Medical Director, Agency Director or Office Administrator/Manager.',
    null,
    'Seed 000: "Only a Medical Director, Agency Director, or Office Administration/ Manager may be listed as the Lead Site Manager."',
  ],
  [
    'INVALID_PIN',
    'error',
    422,
    'registration',
    'A user PIN is exactly 4 digits.',
    '4 digits',
    'Seed 000: "All PlanLink users must designate a 4 digit PIN for themselves."',
  ],
  [
    'SITE_VERIFICATION_OVERDUE',
    'error',
    403,
    'sites',
    'A site not verified in the last month has its users blocked.',
    '1 month',
    'Seed 000: "Failure to complete the monthly Site Verification process in a timely manner will cause all associated users to have their access blocked."',
  ],
  [
    'ACCOUNT_LOCKED',
    'error',
    403,
    'session',
    'An account unused for 30 days is locked.',
    '30 days',
    'Seed 000: "If an account remains inactive for 30 days, it will be locked".',
  ],
  [
    'SESSION_EXPIRED',
    'error',
    401,
    'session',
    'A session idle for 15 minutes ends; clients can warn 30 seconds before.',
    '15 minutes (warning 30 seconds before)',
    'Seed 003: "User default timeout after inactivity is 15 minutes. A warning message will appear 30 seconds before the 15-minute mark and access to the site is ended."',
  ],
  [
    'MFA_REQUIRED',
    'error',
    401,
    'session',
    'An emailed verification code is asked for every three months and on a new device.',
    '3 months',
    'Seed 003: "This account validation will be triggered every three months or if we detect that you have switched computers or devices that you use to access the Provider Portal."',
  ],
  [
    'NETWORK_STATUS_FORBIDDEN',
    'error',
    403,
    'providers',
    "A network-status check is limited to the provider and the provider's authorized users.",
    null,
    'Seed 003: "Network checks are limited to the provider themselves and their authorized portal Users."',
  ],
  [
    'REPORT_ACTIVE_MEMBERS_ONLY',
    'info',
    null,
    'reports',
    'The PCP member panel report lists active members only.',
    null,
    'Seed 003: "The report will only include active members."',
  ],
  [
    'EXPORT_OWNER_ONLY',
    'error',
    403,
    'documents',
    'An exported document is visible only to the user who made it.',
    null,
    'Seed 003: "After exporting the results, you can download the CSV file from the document center. The document will be available only for you."',
  ],
  [
    'MEMBER_NOT_FOUND',
    'error',
    404,
    'members',
    'An operation that names a member (path, query or body) acts only for a member of a Tax ID on which the user holds its permission; any other member, known or not, answers the same 404.',
    null,
    'Seed 003: "The new portal works at a Tax ID level." An answer never tells whether a member the user may not see exists, nor their coverage (RULES.md).',
  ],
  [
    'LAST_ADMINISTRATOR',
    'error',
    409,
    'users',
    'A Tax ID keeps at least one active administrator: the last one cannot be revoked, demoted or removed (appoint another administrator first).',
    'at least 1 administrator per Tax ID',
    'Seed 000: "Each user must have an associated PlanLink Site Manager." and "It is recommended that two (2) Site Managers be assigned for all groups."',
  ],
  [
    'EMAIL_IN_USE',
    'error',
    409,
    'users',
    'An email address belongs to one account: a second account (another Tax ID, or another access on one) needs its own email.',
    '1 account per email',
    'Seed 003: "if a single user does want separate accounts to differentiate their work across Tax IDs or to have more than one type of access for a Tax ID, they must use a unique email address for each account."',
  ],
  [
    'CONSOLIDATION_ACCOUNT_NOT_FOUND',
    'error',
    422,
    'accounts',
    'Consolidation names the other account by its username and password; an unknown username and a wrong password answer alike (and count as failed sign-ins).',
    '1 other account',
    'Seed 003: "Once you consolidate the accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be through one account, and you will no longer need to switch back and forth."',
  ],
  [
    'CONSOLIDATION_SAME_PLAN',
    'error',
    422,
    'accounts',
    'The account consolidated into yours brings a health plan yours does not see (EmblemHealth with ConnectiCare).',
    '2 plans',
    'Seed 003: "Once you consolidate the accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be through one account, and you will no longer need to switch back and forth."',
  ],
  [
    'ACCOUNT_ALREADY_CONSOLIDATED',
    'error',
    409,
    'accounts',
    'An account that already sees both EmblemHealth and ConnectiCare has nothing to consolidate.',
    null,
    'Seed 003: "Once you consolidate the accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be through one account, and you will no longer need to switch back and forth."',
  ],
  [
    'ACCOUNT_CONSOLIDATED',
    'error',
    403,
    'accounts',
    'An account consolidated into another no longer signs in: the remaining account is used for both plans.',
    null,
    'Seed 003: "Once you consolidate the accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be through one account, and you will no longer need to switch back and forth."',
  ],
  [
    'ACCOUNTS_NOT_CONSOLIDATED',
    'error',
    403,
    'accounts',
    'An account of one health plan does not act for the other plan until the two accounts are consolidated.',
    null,
    'Seed 003: "Once you consolidate the accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be through one account, and you will no longer need to switch back and forth."',
  ],
  [
    'SPONSOR_NOT_PARTICIPATING',
    'error',
    422,
    'registration',
    "A group's Sponsor Representative is a participating provider of the plan (in network at one of its addresses in the provider directory).",
    null,
    'Seed 000: "The designated Sponsor Representative must be a CCP Participating Provider/Physician".',
  ],
  [
    'SECONDARY_SITE_MANAGER_RECOMMENDED',
    'warning',
    null,
    'sites',
    'Two site managers (a lead and a secondary) are recommended for every group: a notice while only one is assigned, never a refusal.',
    '2 site managers',
    'Seed 000: "It is recommended that two (2) Site Managers be assigned for all groups. This will ensure shared responsibilities and provide an administrative backup."',
  ],
  [
    'PROVIDER_AGREEMENT_REQUIRED',
    'error',
    422,
    'registration',
    'Associating or linking a provider account needs the Provider Agreement accepted (providerAgreementAccepted: true).',
    null,
    'Seed 002: "Confirm the Provider Agreement." (Associate Your Account); "Accept the Provider Agreement." (Link Your Account).',
  ],
  [
    'PASSWORD_UNCHANGED',
    'error',
    422,
    'accounts',
    'A changed password differs from the current one (and follows the registration policy: 12 to 128 characters).',
    '12–128 characters',
    'Seed 004: "Login and Settings: the steps for logging in and changing settings" (training index); OPERATIONS.md: change password (the current one required).',
  ],
  [
    'PIN_UNCHANGED',
    'error',
    422,
    'accounts',
    'A changed PIN differs from the current one (and is exactly 4 digits: INVALID_PIN).',
    '4 digits',
    'Seed 000: "All PlanLink users must designate a 4 digit PIN for themselves. It is imperative that each user chooses a PIN that they can remember."',
  ],
  [
    'EMAIL_CODE_INVALID',
    'error',
    422,
    'accounts',
    'A new email address takes effect only with the code emailed to it: single-use, 10 minutes (expired at 10:00.000), 5 wrong codes spend the change; one answer for unknown, wrong, expired and used codes.',
    '10 minutes, 5 codes',
    'Seed 003: "it is very important that you always keep the email address associated with the account up to date with an email account you have access to."',
  ],
  [
    'REGISTRATION_CODE_INVALID',
    'error',
    422,
    'accounts',
    'An additional Tax ID is registered with its single registration code; an unknown Tax ID, a wrong code and a used code answer alike (the answer never tells whether the Tax ID exists).',
    '1 code per Tax ID',
    'Seed 003: "If you, your practice, facility, etc., have signed a brand-new contract with us, or have activated a new Tax ID, we will reach out to your designated Administrator. They will be sent a single registration code per Tax ID to unlock access for the affiliated providers and users."',
  ],
  [
    'TAX_ID_ALREADY_HELD',
    'error',
    409,
    'accounts',
    'An account registers an additional Tax ID it does not act for yet.',
    null,
    'Seed 003: "If you, your practice, facility, etc., have signed a brand-new contract with us, or have activated a new Tax ID, we will reach out to your designated Administrator. They will be sent a single registration code per Tax ID to unlock access for the affiliated providers and users."',
  ],
  [
    'TAX_ID_HAS_ADMINISTRATOR',
    'error',
    409,
    'accounts',
    "The registration code makes the Tax ID's designated Administrator; a Tax ID that has one already is not registered again (ask that administrator for access).",
    '1 designated Administrator',
    'Seed 003: "If you, your practice, facility, etc., have signed a brand-new contract with us, or have activated a new Tax ID, we will reach out to your designated Administrator. They will be sent a single registration code per Tax ID to unlock access for the affiliated providers and users."',
  ],
];

/**
 * The rule catalog: one entry per code of RULES.md, in its order.
 *
 * @example
 * RULE_CATALOG.filter((rule) => rule.kind === 'error' && rule.httpStatus === 422).length;
 */
// Pure annotations: the built package bundles the rules into one shared chunk, where only these let
// an app's bundler drop the catalog when the app does not use it (docs/bundle-size.md).
export const RULE_CATALOG: readonly RuleMeta[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ ENTRIES.map(([code, kind, httpStatus, concern, rule, limit, source]) =>
    Object.freeze({ code, kind, httpStatus, concern, rule, limit, source }),
  ),
);

const BY_CODE = /* @__PURE__ */ new Map<RuleCode, RuleMeta>(
  /* @__PURE__ */ RULE_CATALOG.map((meta) => [meta.code, meta]),
);

/**
 * The catalog entry of a code. Throws a RangeError for a code that is not in the catalog.
 *
 * @example
 * ruleMeta('ATTACHMENT_LOCKED').httpStatus; // 409
 */
export function ruleMeta(code: RuleCode): RuleMeta {
  const meta = BY_CODE.get(code);
  if (meta === undefined) throw new RangeError(`Unknown rule code ${JSON.stringify(code)}.`);
  return meta;
}

/**
 * Type guard: whether a value is a code of the catalog.
 *
 * @example
 * isRuleCode('INVALID_NPI'); // true
 * isRuleCode('NOPE'); // false
 */
export function isRuleCode(value: unknown): value is RuleCode {
  return typeof value === 'string' && BY_CODE.has(value as RuleCode);
}
