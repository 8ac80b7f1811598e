/**
 * provider-portal-sdk: the typed client of health-plan provider portals, and (re-exported) the
 * business rules it checks before sending.
 *
 * @example
 * import { createPortalClient, PortalValidationError } from 'provider-portal-sdk';
 * const portal = createPortalClient({ baseUrl: 'http://127.0.0.1:4010/api/v1', sessionToken });
 */

export type { PortalClient } from './client.ts';
export { createPortalClient } from './client.ts';
export type { APIResult } from './core/api-promise.ts';
export { APIPromise } from './core/api-promise.ts';
export type { Log, Logger, LogLevel } from './core/logger.ts';
export type { OperationId, OperationMeta } from './core/operations.ts';
export { OPERATIONS } from './core/operations.ts';
export type {
  MfaChallenge,
  PortalClientOptions,
  PortalCredentials,
  PortalSession,
  RequestOptions,
  SessionWarning,
} from './core/options.ts';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './core/options.ts';
export { MAX_PAGE_SIZE } from './core/params.ts';
export type { PortalClock, PortalClockOptions } from './core/portal-clock.ts';
export { createPortalClock, MOCK_CLOCK_HEADER } from './core/portal-clock.ts';
export { REDACTED, redact, redactHeaders, redactUrl } from './core/redact.ts';
export { retryAfterMs } from './core/retry.ts';
export type {
  MultipartBody,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
  Schema,
} from './core/types.ts';
export type { DownloadedFile } from './downloads.ts';
export { fileNameFromContentDisposition } from './downloads.ts';
export type { Problem, ProblemCode, ProblemViolation } from './errors.ts';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DocumentFailedError,
  errorFromResponse,
  GoneError,
  MockPortalRequiredError,
  NotFoundError,
  PermissionDeniedError,
  PollingTimeoutError,
  PortalApiError,
  PortalError,
  PortalValidationError,
  RateLimitError,
  RuleViolationError,
  ServerError,
  SessionExpiredError,
  UnprocessableEntityError,
} from './errors.ts';
// The PAS builders and readers are the `provider-portal-sdk/fhir` entry (sdk/fhir/index.ts); the
// types `portal.fhir` answers with are named here too.
export type { PasInquiryQuery } from './fhir/pas-inquiry.ts';
export type { PasDecision, PasLineDecision } from './fhir/pas-response.ts';
export type { components, operations, paths } from './generated/portal.ts';
export type { Page, PageInfo, PageItem } from './pagination.ts';
export { PagePromise } from './pagination.ts';
export type { AccessGrant, AccessRefusal, OperationAccess, PermissionedOperation } from './permissions.ts';
export { canCall, OPERATION_PERMISSIONS, whyNot } from './permissions.ts';
export type { DocumentTarget, PollingApi, PortalDocument, WaitForDocumentOptions } from './polling.ts';
export { waitForDocument, waitForDocumentFile } from './polling.ts';
export type {
  FhirInquireOptions,
  FhirResource,
  FhirSubmitOptions,
  PasInquiryResult,
  PasSubmitResult,
} from './resources/fhir.ts';
export { FHIR_OPERATIONS, fhirBaseUrlOf } from './resources/fhir.ts';
export type {
  AccountLinkOptions,
  AdmissionNotificationCreateOptions,
  AdmissionNotificationsResource,
  CarePlanAttestationRef,
  CarePlansResource,
  ClaimsResource,
  DocumentsResource,
  MembersResource,
  MessagesResource,
  OrganizationRegistrationOptions,
  PreauthorizationCreateOptions,
  PreauthorizationModificationOptions,
  PreauthorizationsResource,
  ProviderProfileUpdateInput,
  ProvidersResource,
  ReferralCreateOptions,
  ReferralsResource,
  RegistrationResource,
  ReportsResource,
  SessionResource,
  UsersResource,
} from './resources/index.ts';
export { RESOURCE_OPERATIONS } from './resources/index.ts';
export * from './rules/index.ts';
export type {
  AdmissionNotification,
  BenefitsSummary,
  CarePlan,
  Claim,
  ClaimSummary,
  CurrentUser,
  Member,
  MemberIdCard,
  MemberSummary,
  Message,
  PortalDocumentInfo,
  Preauthorization,
  PreauthorizationReceipt,
  PreauthorizationSummary,
  ProviderProfile,
  ProviderSummary,
  Referral,
  ReferralSummary,
  Session,
} from './schemas.ts';
export type { SessionStatus } from './session.ts';
export type { AttachmentUploadInput, NamedUpload, UploadData, UploadFile } from './uploads.ts';
