/**
 * `portal.fhir`: the portal's FHIR face, Da Vinci Prior Authorization Support (PAS) 2.2.1 under
 * `/fhir/r4`, through the same transport as the portal API (session, retries, timeouts, ids,
 * redacted logging). A PAS request is read back into the portal's request and checked by the same
 * rules as `portal.preauthorizations.create` before anything is sent; a refusal names the FHIRPath of
 * the element to fix. An OperationOutcome answer becomes the same typed error as the portal API's
 * problem document.
 *
 * PAS operations: https://hl7.org/fhir/us/davinci-pas/STU2/specification.html
 */
import type { Bundle, CapabilityStatement, ClaimResponse } from '@medplum/fhirtypes';
import { APIPromise } from '../core/api-promise.ts';
import type { ResourceContext } from '../core/call.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PasInquiryQuery } from '../fhir/pas-inquiry.ts';
import type { PasDecision } from '../fhir/pas-response.ts';
import type { PreauthorizationContext } from '../rules/index.ts';

/** The implementation, loaded on the first call (sdk/resources/fhir-calls.ts). */
type Calls = typeof import('./fhir-calls.ts');
let calls: Promise<Calls> | undefined;
function load(): Promise<Calls> {
  calls ??= import('./fhir-calls.ts');
  return calls;
}

/**
 * The name each method of `portal.fhir` goes by in errors and logs (a PortalValidationError's
 * `operationId`): the FHIR interaction it sends.
 *
 * @example
 * FHIR_OPERATIONS.submitPriorAuthorization; // 'Claim/$submit'
 */
export const FHIR_OPERATIONS = {
  submitPriorAuthorization: 'Claim/$submit',
  inquire: 'Claim/$inquire',
  capabilities: 'metadata',
} as const;

/**
 * The FHIR base URL of a portal: `fhirBaseUrl` when given, else the API root (`baseUrl`) without its
 * `/api/v1`, then `/fhir/r4`. Trailing slashes are dropped.
 *
 * @example
 * fhirBaseUrlOf('http://127.0.0.1:4010/api/v1'); // 'http://127.0.0.1:4010/fhir/r4'
 * fhirBaseUrlOf('https://portal.test/api/v1', 'https://fhir.portal.test/r4/'); // 'https://fhir.portal.test/r4'
 */
export function fhirBaseUrlOf(baseUrl: string, fhirBaseUrl?: string): string {
  if (fhirBaseUrl !== undefined) return fhirBaseUrl.replace(/\/+$/, '');
  return `${baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}/fhir/r4`;
}

/**
 * Options of `portal.fhir.submitPriorAuthorization`: what the rules may also check (coverage,
 * provider directory), as for `portal.preauthorizations.create`.
 *
 * @example
 * await portal.fhir.submitPriorAuthorization(bundle, { rules: { coverage: { startDate: '2020-08-01', endDate: '9999-12-31' } } });
 */
export type FhirSubmitOptions = RequestOptions & {
  rules?: Omit<PreauthorizationContext, 'clock'>;
};

/**
 * Options of `portal.fhir.inquire`: for a query, the inquiry's transaction id (default a random id)
 * and timestamp (default now, by the client's clock).
 *
 * @example
 * await portal.fhir.inquire(query, { transactionId: 'INQ-0001', timestamp: '2026-11-23T15:00:00Z' });
 */
export type FhirInquireOptions = RequestOptions & {
  transactionId?: string;
  timestamp?: string | Date;
};

/**
 * What `Claim/$submit` answers: the PAS Response Bundle, its ClaimResponse, and the portal's reading
 * of it (status, decision, lines).
 *
 * @example
 * const { decision } = await portal.fhir.submitPriorAuthorization(bundle);
 * if (decision.status === 'approved') console.log(decision.referenceId);
 */
export interface PasSubmitResult {
  bundle: Bundle;
  claimResponse: ClaimResponse;
  decision: PasDecision;
}

/**
 * What `Claim/$inquire` answers: one PAS Inquiry Response Bundle per matching request (none when
 * nothing matches), and the portal's reading of each.
 *
 * @example
 * const { decisions } = await portal.fhir.inquire(query);
 * for (const d of decisions) console.log(d.referenceId, d.status);
 */
export interface PasInquiryResult {
  bundles: Bundle[];
  decisions: PasDecision[];
}

/**
 * `portal.fhir`: Da Vinci PAS 2.2.1 on the portal's FHIR face (`fhirBaseUrl`, default the API root's
 * host with `/fhir/r4`), through the client's session, retries and timeouts.
 *
 * @example
 * const bundle = toPasRequestBundle(request, { transactionId: 'TX-0001', timestamp: new Date(), healthPlan: 'emblemhealth' });
 * const { decision } = await portal.fhir.submitPriorAuthorization(bundle); // PortalValidationError before sending
 * const { decisions } = await portal.fhir.inquire({ memberId: 'K5500648801', healthPlan: 'emblemhealth', requestingProvider });
 */
export function createFhirResource(ctx: ResourceContext) {
  return {
    /**
     * Submits a PAS request Bundle (`POST Claim/$submit`) after reading it back into the portal's
     * request and checking it with the same rules as `portal.preauthorizations.create`: a broken
     * Bundle (`VALIDATION_FAILED`) or a broken rule throws PortalValidationError with FHIRPaths, and
     * nothing is sent. Sent with an Idempotency-Key (kept across retries). Answers the PAS Response
     * Bundle, its ClaimResponse and the portal's reading of it.
     */
    submitPriorAuthorization: (
      bundle: Bundle,
      options: FhirSubmitOptions = {},
    ): APIPromise<PasSubmitResult> =>
      new APIPromise(load().then((impl) => impl.submitPriorAuthorization(ctx, bundle, options))),
    /**
     * Asks for the requests of a member, or one by its reference ID (`POST Claim/$inquire`): give a
     * PAS Inquiry Request Bundle, or a query that is built into one (`toPasInquiryBundle`, with
     * `options.transactionId` and `options.timestamp`, by default a random id and the client's now).
     * Checked before sending (PortalValidationError). Answers one Bundle and one decision per match.
     * An inquiry changes nothing, so it carries an Idempotency-Key too: the transport may then retry it.
     */
    inquire: (
      bundleOrQuery: Bundle | PasInquiryQuery,
      options: FhirInquireOptions = {},
    ): APIPromise<PasInquiryResult> =>
      new APIPromise(load().then((impl) => impl.inquire(ctx, bundleOrQuery, options))),
    /** The FHIR face's CapabilityStatement (`GET metadata`): the PAS profiles and operations it supports. */
    capabilities: (options: RequestOptions = {}): APIPromise<CapabilityStatement> =>
      new APIPromise(load().then((impl) => impl.capabilities(ctx, options))),
  };
}
/**
 * The type of `portal.fhir`.
 *
 * @example
 * const fhir: FhirResource = portal.fhir;
 */
export type FhirResource = ReturnType<typeof createFhirResource>;
