/**
 * `POST /fhir/r4/Claim/$submit` (PAS 2.2.1 OperationDefinition Claim-submit): a PAS Request Bundle
 * in, a PAS Response Bundle out. The Bundle is read into the portal's own preauthorization request
 * and created through the portal's `createPreauthorization`, so it is the same record under the same
 * rules (180-day window, coverage, TIN + NPI + address, CPT/ICD-10 shapes), decisions and clock; the
 * answer is that record as a PAS ClaimResponse, echoing the request's entries ("the same fullUrl and
 * resource identifiers").
 */
import type { Bundle } from '@medplum/fhirtypes';
import { planOfInsurer } from '../../../sdk/fhir/insurers.ts';
import { fhirPathOf, readPasRequestBundle } from '../../../sdk/fhir/pas-request.ts';
import { type Preauthorization, toPasResponseBundle } from '../../../sdk/fhir/pas-response.ts';
import type { components } from '../../../sdk/generated/portal.ts';
import { calendarDayAt } from '../../../sdk/rules/clock.ts';
import type { Answer } from '../answer.ts';
import { isoTimestamp } from '../clock.ts';
import { type FhirContext, jsonOf } from './context.ts';
import { echoedEntries } from './echo.ts';
import { fhirAnswer, outcomeOfIssues } from './outcome.ts';
import { patientEntry } from './patient.ts';
import { preauthorizationDetails } from './preauthorization-details.ts';
import { keptHeaders, refusal } from './refusal.ts';

type Receipt = components['schemas']['PreauthorizationReceipt'];
type Create = components['schemas']['PreauthorizationCreate'];

/**
 * The preauthorization as the receipt and the request say, for a request whose details the portal
 * does not show yet (`Prefer: details=pending`; seed 003: "please check back in a few hours as
 * preauthorization details are not yet available"): the FHIR answer still has the status and lines.
 */
function fromReceipt(
  request: Create,
  receipt: Receipt,
  healthPlan: Preauthorization['healthPlan'],
): Preauthorization {
  return {
    healthPlan,
    referenceId: receipt.referenceId,
    memberId: request.memberId,
    memberName: '',
    status: receipt.status,
    urgency: receipt.urgency,
    serviceType: request.serviceType,
    requestDate: calendarDayAt(receipt.submittedAt),
    submittedAt: receipt.submittedAt,
    decisionDueBy: receipt.decisionDueBy,
    requestingProvider: request.requestingProvider,
    servicingProvider: request.servicingProvider,
    diagnoses: request.diagnoses,
    serviceStartDate: request.serviceStartDate,
    serviceEndDate: request.serviceEndDate,
    serviceLines: request.serviceLines.map((line, index) => ({ lineNumber: index + 1, ...line })),
    ...(receipt.decision === undefined ? {} : { decision: receipt.decision }),
    attachments: [],
    modifications: [],
  } as Preauthorization;
}

/**
 * Answers `$submit`.
 *
 * @example
 * const answer = await submitClaim(context, bundle);
 */
export async function submitClaim(
  ctx: FhirContext,
  body: unknown,
): Promise<{ answer: Answer; userId: string | null }> {
  const reading = readPasRequestBundle(body);
  if (reading.issues.length > 0) {
    return { answer: fhirAnswer(400, outcomeOfIssues(reading.issues)), userId: null };
  }
  const created = await ctx.operate({
    method: 'POST',
    path: '/preauthorizations',
    body: reading.request,
    primary: true,
  });
  if (created.answer.status !== 201) {
    return {
      answer: refusal(created.answer, (path) => fhirPathOf(path, reading.paths)),
      userId: created.userId,
    };
  }
  const receipt = jsonOf(created.answer) as Receipt;
  const { found } = await preauthorizationDetails(ctx, receipt.referenceId, false);
  const request = reading.request as unknown as Create;
  const preauthorization =
    found ??
    fromReceipt(
      request,
      receipt,
      planOfInsurer(reading.echoed.insurer?.resource as never) ??
        ctx.sandbox.data.member(request.memberId)?.details.healthPlan ??
        'emblemhealth',
    );
  const bundle: Bundle = toPasResponseBundle(preauthorization, {
    kind: 'response',
    baseUrl: ctx.baseUrl,
    timestamp: isoTimestamp(ctx.sandbox.state.clock.now()),
    ...(reading.transactionIdentifier === undefined
      ? {}
      : { transactionIdentifier: reading.transactionIdentifier }),
    ...(reading.claim === undefined
      ? {}
      : {
          claim: {
            ...(reading.claim.fullUrl === undefined ? {} : { fullUrl: reading.claim.fullUrl }),
            ...(reading.claim.identifier === undefined ? {} : { identifier: reading.claim.identifier }),
          },
        }),
    echoed: echoedEntries(reading.echoed, preauthorization, ctx.sandbox, ctx.baseUrl),
    patient: patientEntry(ctx.sandbox, ctx.baseUrl, preauthorization.memberId),
  });
  return { answer: fhirAnswer(200, bundle, keptHeaders(created.answer)), userId: created.userId };
}
