import type { operations, paths } from '../generated/portal.ts';

/**
 * Every operationId of the contract.
 *
 * @example
 * const id: OperationId = 'createPreauthorization';
 */
export type OperationId = keyof operations;

/**
 * Public operations are sent without a session (sign-in, MFA, forgotten credentials, registration).
 *
 * @example
 * (OPERATIONS.signIn[2] & PUBLIC) !== 0; // true
 */
export const PUBLIC = 1;
/**
 * Creates carry an Idempotency-Key (the SDK adds one, kept across retries), which makes them retryable.
 *
 * @example
 * (OPERATIONS.createReferral[2] & CREATE) !== 0; // true
 */
export const CREATE = 2;
/**
 * Lists take `page` and `pageSize` and answer `{ data, page }`.
 *
 * @example
 * (OPERATIONS.searchClaims[2] & LIST) !== 0; // true
 */
export const LIST = 4;

/**
 * How an operation is sent: method, path template, and {@link PUBLIC} / {@link CREATE} / {@link LIST} flags.
 *
 * @example
 * const meta: OperationMeta = ['GET', '/members', LIST];
 */
export type OperationMeta = readonly [
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: keyof paths,
  flags: number,
];

/**
 * What the transport needs to know about each operation of the spec, also for calls made through
 * `portal.raw`. `test/sdk/coverage.test.ts` checks this table against `openapi/portal.yaml`, and the
 * type below makes leaving an operation out a compile error.
 *
 * @example
 * OPERATIONS.createPreauthorization; // ['POST', '/preauthorizations', CREATE]
 */
export const OPERATIONS = {
  signIn: ['POST', '/session', PUBLIC],
  signOut: ['DELETE', '/session', 0],
  verifyMfaCode: ['POST', '/session/mfa', PUBLIC],
  refreshSession: ['POST', '/session/refresh', 0],
  getCurrentUser: ['GET', '/me', 0],
  recoverUsername: ['POST', '/account/username-recovery', PUBLIC | CREATE],
  requestPasswordReset: ['POST', '/account/password-reset', PUBLIC | CREATE],
  registerOrganization: ['POST', '/registrations/organizations', PUBLIC | CREATE],
  registerUser: ['POST', '/registrations/users', PUBLIC | CREATE],
  associateProviderAccount: ['POST', '/accounts/associations', CREATE],
  linkProviderAccount: ['POST', '/accounts/links', CREATE],
  listLinkedAccounts: ['GET', '/accounts/links', LIST],
  listTaxIdUsers: ['GET', '/tax-ids/{taxId}/users', LIST],
  inviteUsers: ['POST', '/tax-ids/{taxId}/invitations', CREATE],
  updateUserRole: ['PATCH', '/tax-ids/{taxId}/users/{userId}', 0],
  revokeUser: ['DELETE', '/tax-ids/{taxId}/users/{userId}', 0],
  makeUserAdmin: ['POST', '/tax-ids/{taxId}/users/{userId}/admin', 0],
  getSiteVerification: ['GET', '/tax-ids/{taxId}/site-verification', 0],
  submitSiteVerification: ['POST', '/tax-ids/{taxId}/site-verification', CREATE],
  searchMembers: ['GET', '/members', LIST],
  getMember: ['GET', '/members/{memberId}', 0],
  getMemberIdCard: ['GET', '/members/{memberId}/id-card', 0],
  downloadMemberIdCardImage: ['GET', '/members/{memberId}/id-card/{side}', 0],
  getBenefitsSummary: ['GET', '/members/{memberId}/benefits', 0],
  downloadSummaryOfBenefits: ['GET', '/members/{memberId}/summary-of-benefits', 0],
  checkProviderNetworkStatus: ['GET', '/members/{memberId}/network-status', 0],
  createPcpMemberPanelReport: ['POST', '/reports/pcp-member-panel', CREATE],
  attestCarePlanAccess: ['POST', '/members/{memberId}/care-plan/attestations', CREATE],
  getCarePlan: ['GET', '/members/{memberId}/care-plan', 0],
  downloadCarePlan: ['GET', '/members/{memberId}/care-plan/document', 0],
  checkPreauthorizationRequirement: ['POST', '/preauthorization-checks', 0],
  createPreauthorization: ['POST', '/preauthorizations', CREATE],
  searchPreauthorizations: ['GET', '/preauthorizations', LIST],
  getPreauthorization: ['GET', '/preauthorizations/{referenceId}', 0],
  answerPreauthorizationQuestionnaire: [
    'POST',
    '/preauthorizations/{referenceId}/questionnaire-responses',
    CREATE,
  ],
  uploadPreauthorizationAttachments: ['POST', '/preauthorizations/{referenceId}/attachments', CREATE],
  listPreauthorizationAttachments: ['GET', '/preauthorizations/{referenceId}/attachments', LIST],
  requestPreauthorizationModification: ['POST', '/preauthorizations/{referenceId}/modifications', CREATE],
  createReferral: ['POST', '/referrals', CREATE],
  searchReferrals: ['GET', '/referrals', LIST],
  getReferral: ['GET', '/referrals/{trackingNumber}', 0],
  createAdmissionNotification: ['POST', '/admission-notifications', CREATE],
  searchAdmissionNotifications: ['GET', '/admission-notifications', LIST],
  getAdmissionNotification: ['GET', '/admission-notifications/{trackingNumber}', 0],
  answerConcurrentReviewQuestions: [
    'POST',
    '/admission-notifications/{trackingNumber}/questionnaire-responses',
    CREATE,
  ],
  uploadAdmissionNotificationAttachments: [
    'POST',
    '/admission-notifications/{trackingNumber}/attachments',
    CREATE,
  ],
  requestAdmissionNotificationModification: [
    'POST',
    '/admission-notifications/{trackingNumber}/modifications',
    CREATE,
  ],
  searchClaims: ['GET', '/claims', LIST],
  getClaim: ['GET', '/claims/{claimNumber}', 0],
  downloadExplanationOfPayment: ['GET', '/claims/{claimNumber}/explanation-of-payment', 0],
  downloadCheckImage: ['GET', '/payments/checks/{checkNumber}/image', 0],
  exportClaims: ['POST', '/claim-exports', CREATE],
  listMessageCategories: ['GET', '/message-categories', 0],
  createMessage: ['POST', '/messages', CREATE],
  listMessages: ['GET', '/messages', LIST],
  getMessage: ['GET', '/messages/{messageId}', 0],
  uploadMessageAttachments: ['POST', '/messages/{messageId}/attachments', CREATE],
  searchProviders: ['GET', '/providers', LIST],
  getProvider: ['GET', '/providers/{npi}', 0],
  requestProviderProfileUpdate: ['POST', '/providers/{npi}/profile-update-requests', CREATE],
  listDocuments: ['GET', '/documents', LIST],
  getDocument: ['GET', '/documents/{documentId}', 0],
  downloadDocument: ['GET', '/documents/{documentId}/content', 0],
} as const satisfies { readonly [K in OperationId]: OperationMeta };

interface CompiledOperation {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  flags: number;
}

let compiled: CompiledOperation[] | undefined;

function compile(): CompiledOperation[] {
  compiled ??= (Object.entries(OPERATIONS) as [OperationId, OperationMeta][]).map(
    ([operationId, [method, path, flags]]) => ({
      operationId,
      method,
      flags,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }),
  );
  return compiled;
}

/**
 * The operation a request is for, from its method and its path relative to the base URL's path.
 * Undefined for anything outside the contract.
 *
 * @example
 * matchOperation('POST', '/preauthorizations')?.operationId; // 'createPreauthorization'
 * matchOperation('GET', '/members/K5500648801/benefits')?.operationId; // 'getBenefitsSummary'
 */
export function matchOperation(
  method: string,
  path: string,
): { operationId: OperationId; flags: number } | undefined {
  const m = method.toUpperCase();
  const found = compile().find((op) => op.method === m && op.pattern.test(path));
  return found === undefined ? undefined : { operationId: found.operationId, flags: found.flags };
}
