/**
 * `POST /fhir/r4/Claim/$inquire` (PAS 2.2.1 OperationDefinition Claim-inquiry): "a query-by-example"
 * whose "output is a Parameters object with 0..* Claim Inquiry Response Bundles". The example names
 * the member (required), and may name one request by its authorization number (the portal's
 * reference number) and the inquiring provider (its Tax ID narrows the answer to requests it made or
 * services). The records are the portal's, read through `searchPreauthorizations` and
 * `getPreauthorization`: a request made in the portal is inquirable, a pended one is decided by the
 * same clock, and what the caller may not see is simply not there (no answer tells it exists).
 */
import type { Parameters } from '@medplum/fhirtypes';
import { readPasInquiryBundle } from '../../../sdk/fhir/pas-inquiry.ts';
import { type Preauthorization, toPasResponseBundle } from '../../../sdk/fhir/pas-response.ts';
import type { components } from '../../../sdk/generated/portal.ts';
import type { Answer } from '../answer.ts';
import { isoTimestamp } from '../clock.ts';
import { type FhirContext, jsonOf } from './context.ts';
import { echoedEntries } from './echo.ts';
import { fhirAnswer, outcomeOfIssues } from './outcome.ts';
import { patientEntry } from './patient.ts';
import { preauthorizationDetails } from './preauthorization-details.ts';
import { keptHeaders, refusal } from './refusal.ts';

type Page = components['schemas']['PreauthorizationPage'];

/** The most requests one inquiry answers (the portal's largest search page). */
export const INQUIRY_LIMIT = 100;

function noMatch(): Parameters {
  return { resourceType: 'Parameters' };
}

/**
 * Answers `$inquire`.
 *
 * @example
 * const { answer } = await inquireClaim(context, bundle);
 */
export async function inquireClaim(
  ctx: FhirContext,
  body: unknown,
): Promise<{ answer: Answer; userId: string | null }> {
  const reading = readPasInquiryBundle(body);
  if (reading.issues.length > 0) {
    return { answer: fhirAnswer(400, outcomeOfIssues(reading.issues)), userId: null };
  }
  const { memberId, referenceId, taxId } = reading.query;
  const found: Preauthorization[] = [];
  let userId: string | null = null;
  let headers: Record<string, string> = {};
  if (referenceId !== undefined) {
    const one = await preauthorizationDetails(ctx, referenceId, true);
    userId = one.userId;
    if (one.refused !== undefined) return { answer: refusal(one.refused), userId };
    if (one.found !== undefined) found.push(one.found);
  } else {
    const query = new URLSearchParams({ memberId: memberId ?? '', pageSize: String(INQUIRY_LIMIT) });
    const search = await ctx.operate({ method: 'GET', path: `/preauthorizations?${query}`, primary: true });
    userId = search.userId;
    // A member the caller may not act for answers as one that does not exist (MEMBER_NOT_FOUND):
    // for a query by example, that is no match.
    if (search.answer.status === 404) return { answer: fhirAnswer(200, noMatch()), userId };
    if (search.answer.status !== 200) return { answer: refusal(search.answer), userId };
    headers = keptHeaders(search.answer);
    for (const summary of (jsonOf(search.answer) as Page).data) {
      const one = await preauthorizationDetails(ctx, summary.referenceId, false);
      if (one.found !== undefined) found.push(one.found);
    }
  }
  const matching = found.filter(
    (preauthorization) =>
      preauthorization.memberId === memberId &&
      (taxId === undefined ||
        preauthorization.requestingProvider.taxId === taxId ||
        preauthorization.servicingProvider.taxId === taxId),
  );
  const timestamp = isoTimestamp(ctx.sandbox.state.clock.now());
  const parameters: Parameters = {
    resourceType: 'Parameters',
    parameter: matching.map((preauthorization) => ({
      name: 'return',
      resource: toPasResponseBundle(preauthorization, {
        kind: 'inquiry',
        baseUrl: ctx.baseUrl,
        timestamp,
        patient:
          echoedEntries(
            reading.patient === undefined ? {} : { patient: reading.patient },
            preauthorization,
            ctx.sandbox,
            ctx.baseUrl,
          ).patient ?? patientEntry(ctx.sandbox, ctx.baseUrl, preauthorization.memberId),
      }),
    })),
  };
  return { answer: fhirAnswer(200, parameters, headers), userId };
}
