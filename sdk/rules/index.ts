/**
 * The business rules of the provider portals (docs/rules.md), as pure functions and zod schemas: one
 * implementation that the SDK (before a request is sent) and the mock server (when it answers) share.
 * No Node built-ins, no I/O; "today" comes from an injectable clock in America/New_York.
 *
 * @example
 * import { fixedClock, validatePreauthorizationCreate } from 'provider-portal-sdk/rules';
 * const result = validatePreauthorizationCreate(body, { clock: fixedClock('2026-11-23T15:00:00Z') });
 */

export type { AccountConsolidation, ConsolidatedAccount } from './account-consolidation.ts';
export {
  AccountConsolidationSchema,
  checkConsolidation,
  plansAfterConsolidation,
  validateAccountConsolidation,
} from './account-consolidation.ts';
export type {
  AccountLinkContext,
  ProviderAccountDirectory,
  ProviderAccountReference,
} from './account-links.ts';
export { checkAccountLink } from './account-links.ts';
// Admission notifications
export type {
  AdmissionModificationContext,
  AdmissionNotificationModification,
} from './admission-modifications.ts';
export {
  AdmissionNotificationModificationSchema,
  validateAdmissionNotificationModification,
} from './admission-modifications.ts';
export type {
  AdmissionNotificationContext,
  AdmissionNotificationCreate,
  AdmissionType,
  DelegatedEntity,
  DelegatedOutcome,
} from './admission-notifications.ts';
export {
  ADMISSION_TYPES,
  AdmissionNewbornSchema,
  AdmissionNotificationCreateSchema,
  delegatedNotice,
  delegatedOutcome,
  validateAdmissionNotificationCreate,
} from './admission-notifications.ts';
// Attachments
export type {
  AttachmentCandidate,
  AttachmentExtension,
  SniffedFileType,
  StagedAttachments,
} from './attachments.ts';
export {
  ACCEPTED_ATTACHMENT_MEDIA_TYPES,
  ALLOWED_ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MEDIA_TYPES,
  attachmentExtension,
  checkAttachment,
  checkAttachmentBatch,
  checkAttachmentRemoval,
  isAllowedAttachmentExtension,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_BATCH,
  sniffFileType,
  stagedAttachments,
} from './attachments.ts';
// Business days and holidays
export type { BusinessCalendar, BusinessCalendarOptions } from './business-days.ts';
export { countBusinessDays, createBusinessCalendar, defaultBusinessCalendar } from './business-days.ts';
// Care plans
export type {
  CarePlanAttestationState,
  CarePlanAvailability,
  CarePlanState,
  WithoutSensitiveFlags,
} from './care-plans.ts';
export {
  CARE_PLAN_ATTESTATION_TEXT,
  CARE_PLAN_DAYS_AFTER_COMPLETION,
  carePlanAvailability,
  carePlanAvailableUntil,
  requireAttestation,
  withholdSensitiveParts,
} from './care-plans.ts';
// The catalog of rule codes
export type { RuleMeta } from './catalog.ts';
export { isRuleCode, RULE_CATALOG, ruleMeta } from './catalog.ts';
// Claims
export type { ClaimsSearch } from './claims-search.ts';
export {
  CHECK_IMAGE_YEARS,
  CLAIM_STATUSES,
  CLAIMS_LOOKBACK_YEARS,
  CLAIMS_WINDOW_MAX_DAYS,
  ClaimsSearchSchema,
  checkImageAvailable,
  earliestClaimsSearchDate,
  validateClaimsSearch,
} from './claims-search.ts';
// Clock and context
export type { Clock } from './clock.ts';
export { calendarDayAt, fixedClock, PLAN_TIME_ZONE, systemClock, today } from './clock.ts';
export type { ResolvedRuleContext, RuleContext } from './context.ts';
export { resolveContext } from './context.ts';
// Calendar dates
export type { IsoDate, IsoDateParts } from './dates.ts';
export {
  addDays,
  addMonthsClamped,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  isoDateFromParts,
  isoDateParts,
  parseIsoDate,
  subtractYearsClamped,
  toEpochDay,
  windowLengthDays,
} from './dates.ts';
export type { HealthPlan } from './health-plans.ts';
export { HEALTH_PLANS, HealthPlanSchema } from './health-plans.ts';
export type { FederalHoliday } from './holidays.ts';
export { observedDate, observedFederalHolidays, usFederalHolidays } from './holidays.ts';
// Identifiers
export {
  checkDiagnosisCode,
  checkNpi,
  checkPin,
  checkProcedureCode,
  checkTaxId,
  isDiagnosisCode,
  isMemberId,
  isPin,
  isProcedureCode,
  isUsPhone,
  isValidNpi,
  normalizeTaxId,
  npiCheckDigit,
} from './identifiers.ts';
// Member search
export type { MemberSearch } from './member-search.ts';
export {
  ELIGIBILITY_LOOKBACK_YEARS,
  earliestEligibilityDate,
  MemberSearchQuerySchema,
  MIN_NAME_SEARCH_LENGTH,
  validateMemberSearch,
  withoutBlankParameters,
} from './member-search.ts';
// Messages
export type { MessageCategory, MessageCreate, MessageSubcategory } from './messages.ts';
export {
  categoryOfSubcategory,
  isSubcategoryOf,
  MAX_MESSAGE_CONTENT_LENGTH,
  MESSAGE_CATEGORIES,
  MESSAGE_CATEGORY_KEYS,
  MESSAGE_SUBCATEGORY_KEYS,
  MESSAGE_TRANSACTION_TYPES,
  MessageCreateSchema,
  messageCategoryList,
  validateMessageCreate,
} from './messages.ts';
export type {
  AccountSettingsUpdate,
  AdditionalTaxId,
  AdditionalTaxIdFacts,
  EmailChangeConfirmation,
  EmailChangeRequest,
  PasswordChange,
  PendingEmailChange,
  PinChange,
} from './own-account.ts';
export {
  AccountSettingsUpdateSchema,
  AdditionalTaxIdSchema,
  checkAdditionalTaxId,
  checkEmailChangeCode,
  EMAIL_CHANGE_MAX_ATTEMPTS,
  EMAIL_CHANGE_TTL_MS,
  EmailChangeConfirmationSchema,
  EmailChangeRequestSchema,
  emailTakenByAnother,
  PasswordChangeSchema,
  PinChangeSchema,
  validateAccountSettingsUpdate,
  validateAdditionalTaxId,
  validateEmailChangeConfirmation,
  validateEmailChangeRequest,
  validatePasswordChange,
  validatePinChange,
} from './own-account.ts';
// Who may call an operation (the contract's x-portal-permission table)
export type { AccessGrant, AccessRefusal, OperationAccess } from './permissions.ts';
export { accessRefusal, grantAllows, grantOpens, permittedTaxIds } from './permissions.ts';
export {
  checkNetworkStatusQuery,
  checkPcpPanelReportRequest,
  checkPreauthorizationRequirementRequest,
  checkProfileUpdateListQuery,
  checkProviderSearch,
} from './provider-lookups.ts';
// Referrals
export type { ProductType, ReferralContext, ReferralCreate, ReferralSearch } from './referrals.ts';
export {
  earliestReferralSearchDate,
  earliestReferralStartDate,
  PRODUCT_TYPES,
  REFERRAL_BACKDATE_DAYS,
  REFERRAL_FREE_PRODUCTS,
  REFERRAL_LOOKBACK_MONTHS,
  REFERRAL_SEARCH_DIRECTIONS,
  REFERRALS_NOT_REQUIRED_FROM,
  ReferralCreateSchema,
  ReferralSearchSchema,
  referralRequired,
  validateReferralCreate,
  validateReferralSearch,
} from './referrals.ts';
// Preauthorizations
export type {
  CoverageSpan,
  ModificationOutcome,
  PreauthorizationContext,
  PreauthorizationCreate,
  PreauthorizationModificationContext,
  PreauthorizationModificationCreate,
  PreauthorizationOriginal,
  PreauthorizationServiceType,
  PreauthorizationUrgency,
} from './service-window.ts';
export {
  checkDetailsAvailable,
  DECISION_HOURS,
  DETAILS_PENDING_HOURS,
  detailsAvailableAt,
  latestServiceEndDate,
  MAX_SERVICE_LINES,
  MODIFICATION_OUTCOME_MESSAGES,
  modificationOutcome,
  OPEN_COVERAGE_END,
  outsideCoverage,
  PREAUTHORIZATION_SERVICE_TYPES,
  PREAUTHORIZATION_URGENCIES,
  PreauthorizationCreateSchema,
  PreauthorizationModificationCreateSchema,
  PreauthorizationModificationLineSchema,
  PreauthorizationServiceLineSchema,
  preauthorizationDecisionDueBy,
  requireModifiable,
  SERVICE_WINDOW_DAYS,
  validatePreauthorizationCreate,
  validatePreauthorizationModification,
} from './service-window.ts';
// Sessions and MFA
export type { Instant, MfaReason, MfaRequirement, SessionState } from './sessions.ts';
export {
  addCalendarMonths,
  checkSession,
  MFA_INTERVAL_MONTHS,
  mfaRequired,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_WARNING_BEFORE_MS,
  sessionExpiresAt,
  sessionState,
} from './sessions.ts';
export type { ParticipatingProvider, SecondarySiteManager } from './site-managers.ts';
export {
  checkSponsorParticipation,
  LEAD_SITE_MANAGER_TITLES,
  RECOMMENDED_SITE_MANAGERS,
  SecondarySiteManagerSchema,
  siteManagerNotices,
  validateSecondarySiteManager,
} from './site-managers.ts';
// Message turnaround
export type { MessagePriority, ResponseDueOptions } from './turnaround.ts';
export {
  isMessagePriority,
  MESSAGE_PRIORITIES,
  responseDueDate,
  responseDueDateAt,
  TURNAROUND_BUSINESS_DAYS,
  turnaroundNotice,
} from './turnaround.ts';
// Users, roles, registration, site verification
export type {
  AccountLockStatus,
  OrganizationRegistration,
  OrganizationRegistrationContext,
  Role,
  RoleGrant,
  SiteVerificationStatus,
  UserInvitationRequest,
  UserRegistration,
} from './users.ts';
export {
  ACCOUNT_INACTIVITY_DAYS,
  accountLockStatus,
  canCheckNetworkStatus,
  canReadDocument,
  checkDocumentAccess,
  checkNetworkStatusAccess,
  isRole,
  MAX_INVITATIONS,
  OrganizationRegistrationSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordSchema,
  ROLE_LABELS,
  ROLES,
  requireAdmin,
  requireAdministratorRemains,
  requireUniqueEmail,
  SITE_VERIFICATION_DAYS,
  siteVerificationStatus,
  UserInvitationRequestSchema,
  UserRegistrationSchema,
  validateInvitations,
  validateOrganizationRegistration,
  validateRoleGrants,
  validateUserRegistration,
} from './users.ts';
// Violations and validation results
export type { RuleCode, ValidationResult, Violation } from './violation.ts';
export { joinPath, violation } from './violation.ts';
export type {
  Address,
  IssueMappingOptions,
  ProviderDirectory,
  ProviderReference,
  RuleValidationResult,
  ValidationCode,
  ValidationViolation,
  ZodIssue,
} from './zod-issues.ts';
export {
  AddressSchema,
  checkProviderIdentity,
  DiagnosesSchema,
  DiagnosisCodeSchema,
  EmailSchema,
  IsoDateSchema,
  MemberIdSchema,
  NpiSchema,
  PhoneSchema,
  PinSchema,
  ProcedureCodeSchema,
  ProviderReferenceSchema,
  parseWithViolations,
  TaxIdSchema,
  zodIssuesToViolations,
} from './zod-issues.ts';
