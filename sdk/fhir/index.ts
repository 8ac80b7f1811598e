/**
 * `provider-portal-sdk/fhir`: Da Vinci PAS 2.2.1 without the client. The pure builders and readers
 * that turn a portal preauthorization request into a PAS request Bundle (`toPasRequestBundle`) and
 * back (`readPasRequestBundle`), a query into a PAS inquiry (`toPasInquiryBundle`), a ClaimResponse
 * into the portal's status and decision (`readPasResponse`), an OperationOutcome into the portal's
 * problem (`problemOfOperationOutcome`), and the IG's URLs. A separate entry, so that an app using
 * only the portal client does not carry them (`portal.fhir` loads them on its first call).
 */
export type { FhirIssue, FhirIssueType } from './issues.ts';
export { isOperationOutcome, problemOfOperationOutcome } from './operation-outcome.ts';
export type { PasInquiryOptions, PasInquiryQuery, PasInquiryReading } from './pas-inquiry.ts';
export { readPasInquiryBundle, toPasInquiryBundle } from './pas-inquiry.ts';
export type { PasPatientDetails, PasRequestOptions, PasRequestReading } from './pas-request.ts';
export { fhirPathOf, readPasRequestBundle, toPasRequestBundle } from './pas-request.ts';
export type { PasDecision, PasEntry, PasLineDecision, PasResponseContext } from './pas-response.ts';
export { readPasResponse, toPasResponseBundle } from './pas-response.ts';
export { PAS_EXTENSIONS, PAS_IG, PAS_OPERATIONS, PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';
