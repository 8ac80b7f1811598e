/**
 * Every resource of the client, and the operation behind each of its methods: the table
 * `test/sdk/coverage.test.ts` checks against the spec, so that an operation without a method fails.
 */
import { ACCOUNT_OPERATIONS } from './account.ts';
import { ADMISSION_NOTIFICATIONS_OPERATIONS } from './admission-notifications.ts';
import { CARE_PLANS_OPERATIONS } from './care-plans.ts';
import { CLAIMS_OPERATIONS } from './claims.ts';
import { DOCUMENTS_OPERATIONS } from './documents.ts';
import { MEMBERS_OPERATIONS, REPORTS_OPERATIONS } from './members.ts';
import { MESSAGES_OPERATIONS } from './messages.ts';
import { PREAUTHORIZATIONS_OPERATIONS } from './preauthorizations.ts';
import { PROVIDERS_OPERATIONS } from './providers.ts';
import { REFERRALS_OPERATIONS } from './referrals.ts';
import { REGISTRATION_OPERATIONS } from './registration.ts';
import { SESSION_OPERATIONS } from './session.ts';
import { USERS_OPERATIONS } from './users.ts';

export type { AccountResource } from './account.ts';
export { createAccountResource } from './account.ts';
export type {
  AdmissionNotificationCreateOptions,
  AdmissionNotificationsResource,
} from './admission-notifications.ts';
export { createAdmissionNotificationsResource } from './admission-notifications.ts';
export type { CarePlanAttestationRef, CarePlansResource } from './care-plans.ts';
export { createCarePlansResource } from './care-plans.ts';
export type { ClaimsResource } from './claims.ts';
export { createClaimsResource } from './claims.ts';
export type { DocumentsResource } from './documents.ts';
export { createDocumentsResource } from './documents.ts';
export type { MembersResource, ReportsResource } from './members.ts';
export { createMembersResource, createReportsResource } from './members.ts';
export type { MessagesResource } from './messages.ts';
export { createMessagesResource } from './messages.ts';
export type {
  PreauthorizationCreateOptions,
  PreauthorizationModificationOptions,
  PreauthorizationsResource,
} from './preauthorizations.ts';
export { createPreauthorizationsResource } from './preauthorizations.ts';
export type { ProviderProfileUpdateInput, ProvidersResource } from './providers.ts';
export { createProvidersResource } from './providers.ts';
export type { ReferralCreateOptions, ReferralsResource } from './referrals.ts';
export { createReferralsResource } from './referrals.ts';
export type {
  AccountLinkOptions,
  OrganizationRegistrationOptions,
  RegistrationResource,
} from './registration.ts';
export { createRegistrationResource } from './registration.ts';
export type { SessionResource } from './session.ts';
export { createSessionApi, createSessionResource } from './session.ts';
export type { UsersResource } from './users.ts';
export { createUsersResource } from './users.ts';

/**
 * For each resource of `portal`, the operationId behind each of its methods.
 *
 * @example
 * RESOURCE_OPERATIONS.members.search; // 'searchMembers' → portal.members.search()
 */
export const RESOURCE_OPERATIONS = {
  session: SESSION_OPERATIONS,
  account: ACCOUNT_OPERATIONS,
  registration: REGISTRATION_OPERATIONS,
  users: USERS_OPERATIONS,
  members: MEMBERS_OPERATIONS,
  reports: REPORTS_OPERATIONS,
  carePlans: CARE_PLANS_OPERATIONS,
  preauthorizations: PREAUTHORIZATIONS_OPERATIONS,
  referrals: REFERRALS_OPERATIONS,
  admissionNotifications: ADMISSION_NOTIFICATIONS_OPERATIONS,
  claims: CLAIMS_OPERATIONS,
  messages: MESSAGES_OPERATIONS,
  providers: PROVIDERS_OPERATIONS,
  documents: DOCUMENTS_OPERATIONS,
} as const;
