/**
 * A preauthorization's details (`getPreauthorization`) as the FHIR face reads them: found, not to be
 * shown (not there, not visible: the same 404; or details not yet available, seed 003), or refused
 * for another reason (session, rate limit, outage) for the caller to answer.
 */
import type { Preauthorization } from '../../../sdk/fhir/pas-response.ts';
import type { Answer } from '../answer.ts';
import { type FhirContext, jsonOf } from './context.ts';

/**
 * The details of one request, read through the portal's pipeline as the caller.
 *
 * @example
 * const { found } = await preauthorizationDetails(ctx, 'PA-00000001', false);
 */
export async function preauthorizationDetails(
  ctx: FhirContext,
  referenceId: string,
  primary: boolean,
): Promise<{ found?: Preauthorization; refused?: Answer; userId: string | null }> {
  const { answer, userId } = await ctx.operate({
    method: 'GET',
    path: `/preauthorizations/${encodeURIComponent(referenceId)}`,
    primary,
  });
  if (answer.status === 200) return { found: jsonOf(answer) as Preauthorization, userId };
  // Not there, or not visible (the same 404), or details not yet available: not in the answer.
  if (answer.status === 404) return { userId };
  const code = (jsonOf(answer) as { code?: string } | undefined)?.code;
  if (code === 'PREAUTH_DETAILS_PENDING') return { userId };
  return { refused: answer, userId };
}
