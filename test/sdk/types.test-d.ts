/**
 * The public types of the SDK: every method's inputs and results are the spec's generated types, and
 * wrong inputs do not compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  APIResult,
  components,
  DownloadedFile,
  operations,
  PagePromise,
  PasDecision,
  PasInquiryQuery,
  PasSubmitResult,
  PortalClient,
  PortalDocument,
  ProblemViolation,
  RequestBody,
  ValidationViolation,
} from '../../sdk/index.ts';
import {
  createPortalClient,
  type PortalApiError,
  type PortalValidationError,
  type RateLimitError,
} from '../../sdk/index.ts';

type Schemas = components['schemas'];
const portal = createPortalClient({
  baseUrl: 'http://127.0.0.1:4010/api/v1',
  sessionToken: 'pps_types_only',
});

describe('inputs', () => {
  it('take the generated request types', () => {
    expectTypeOf(portal.preauthorizations.create)
      .parameter(0)
      .toEqualTypeOf<operations['createPreauthorization']['requestBody']['content']['application/json']>();
    expectTypeOf(portal.referrals.create).parameter(0).toEqualTypeOf<Schemas['ReferralCreate']>();
    expectTypeOf(portal.messages.create).parameter(0).toEqualTypeOf<RequestBody<'createMessage'>>();
    expectTypeOf(portal.members.search)
      .parameter(0)
      .toEqualTypeOf<NonNullable<operations['searchMembers']['parameters']['query']>>();
    expectTypeOf(portal.claims.search)
      .parameter(0)
      .toEqualTypeOf<NonNullable<operations['searchClaims']['parameters']['query']>>();
    expectTypeOf(portal.members.idCardImage).parameter(1).toEqualTypeOf<'front' | 'back'>();
  });

  it('refuse wrong inputs at compile time', () => {
    // @ts-expect-error the request has required fields
    void portal.preauthorizations.create({ memberId: 'K5500648801' });
    void portal.preauthorizations.create({
      ...({} as RequestBody<'createPreauthorization'>),
      // @ts-expect-error urgency is standard or expedited
      urgency: 'asap',
    });
    // @ts-expect-error a claims search needs from and to
    void portal.claims.search({ memberId: 'K5500648801' });
    // @ts-expect-error an ID card has a front and a back
    void portal.members.idCardImage('K5500648801', 'side');
    // @ts-expect-error priorities are urgent, high, medium, low
    void portal.messages.create({ ...({} as RequestBody<'createMessage'>), priority: 'critical' });
    // @ts-expect-error a per-call timeout is a number of milliseconds
    void portal.members.get('K5500648801', { timeoutMs: '5s' });
    // @ts-expect-error getCarePlan needs the attestation
    void portal.carePlans.get('K5500648801');
    // @ts-expect-error raw access is typed by path too
    void portal.raw.GET('/no-such-path');
  });
});

describe('results', () => {
  it('are the generated response types', () => {
    expectTypeOf<Awaited<ReturnType<PortalClient['members']['get']>>>().toEqualTypeOf<
      Schemas['MemberDetails']
    >();
    expectTypeOf<Awaited<ReturnType<PortalClient['preauthorizations']['create']>>>().toEqualTypeOf<
      Schemas['PreauthorizationReceipt']
    >();
    expectTypeOf<Awaited<ReturnType<PortalClient['referrals']['create']>>>().toEqualTypeOf<
      Schemas['ReferralNotRequired'] | Schemas['ReferralCreated']
    >();
    expectTypeOf<Awaited<ReturnType<PortalClient['claims']['get']>>>().toEqualTypeOf<Schemas['Claim']>();
    expectTypeOf<Awaited<ReturnType<PortalClient['session']['me']>>>().toEqualTypeOf<
      Schemas['CurrentUser']
    >();
    expectTypeOf<Awaited<ReturnType<PortalClient['claims']['export']>>>().toEqualTypeOf<PortalDocument>();
  });

  it('lists are awaitable pages and async iterables of their items', () => {
    const search = portal.claims.search({ from: '2026-09-01', to: '2026-11-23' });
    expectTypeOf(search).toEqualTypeOf<PagePromise<Schemas['ClaimSummaryPage']>>();
    expectTypeOf<Awaited<typeof search>>().toEqualTypeOf<Schemas['ClaimSummaryPage']>();
    expectTypeOf(search).toExtend<AsyncIterable<Schemas['ClaimSummary']>>();
    expectTypeOf<Awaited<ReturnType<PortalClient['members']['search']>>['data'][number]>().toEqualTypeOf<
      Schemas['MemberSummary']
    >();
  });

  it('.withResponse() gives the data, the Response, the request id and the warnings', () => {
    const call = portal.members.get('K5500648801');
    expectTypeOf(call).toEqualTypeOf<APIPromise<Schemas['MemberDetails']>>();
    expectTypeOf(call.withResponse()).resolves.toEqualTypeOf<APIResult<Schemas['MemberDetails']>>();
    expectTypeOf<APIResult<unknown>['response']>().toEqualTypeOf<Response>();
    expectTypeOf<APIResult<unknown>['requestId']>().toEqualTypeOf<string | undefined>();
  });

  it('downloads answer the file with its media type and name', () => {
    expectTypeOf<
      Awaited<ReturnType<PortalClient['documents']['download']>>
    >().toEqualTypeOf<DownloadedFile>();
    expectTypeOf<DownloadedFile['fileName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DownloadedFile['blob']>().toEqualTypeOf<Blob>();
  });

  it('referral outcomes narrow on outcome', async () => {
    const outcome = await portal.referrals.create({} as Schemas['ReferralCreate']);
    if (outcome.outcome === 'created') expectTypeOf(outcome.trackingNumber).toEqualTypeOf<string>();
    // @ts-expect-error no tracking number until narrowed
    void outcome.trackingNumber;
  });
});

describe('errors', () => {
  it('carry typed fields', () => {
    expectTypeOf<PortalApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<PortalApiError['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PortalApiError['problem']>().toEqualTypeOf<Schemas['Problem']>();
    expectTypeOf<PortalApiError['violations']>().toEqualTypeOf<ProblemViolation[]>();
    expectTypeOf<RateLimitError['retryAfter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PortalValidationError['violations']>().toEqualTypeOf<ValidationViolation[]>();
    expectTypeOf<RateLimitError>().toExtend<PortalApiError>();
  });
});

describe('portal.fhir', () => {
  it('takes PAS Bundles or an inquiry query, and answers the Bundles with their readings', () => {
    type Bundle = import('@medplum/fhirtypes').Bundle;
    expectTypeOf(portal.fhir.submitPriorAuthorization).parameter(0).toEqualTypeOf<Bundle>();
    expectTypeOf(portal.fhir.submitPriorAuthorization).returns.toEqualTypeOf<APIPromise<PasSubmitResult>>();
    expectTypeOf<PasSubmitResult['decision']>().toEqualTypeOf<PasDecision>();
    expectTypeOf(portal.fhir.inquire).parameter(0).toEqualTypeOf<Bundle | PasInquiryQuery>();
    expectTypeOf<Awaited<ReturnType<typeof portal.fhir.inquire>>>().toEqualTypeOf<{
      bundles: Bundle[];
      decisions: PasDecision[];
    }>();
    expectTypeOf<PasDecision['status']>().toEqualTypeOf<Schemas['PreauthorizationStatus']>();
    // A query names its member, plan and provider; a plan the portal does not know does not compile.
    void portal.fhir.inquire({
      memberId: 'K5500648801',
      // @ts-expect-error healthPlan is 'emblemhealth' | 'connecticare'
      healthPlan: 'aetna',
      requestingProvider: {} as never,
    });
    // @ts-expect-error the rules' clock is the client's own
    void portal.fhir.submitPriorAuthorization({} as Bundle, { rules: { clock: { now: () => new Date() } } });
  });
});
