import type { CallScope, ResourceContext } from '../core/call.ts';
import { call, download } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, RequestBody } from '../core/types.ts';
import { describeValue, readField } from '../rules/zod-issues.ts';

type MemberId = PathParams<'getCarePlan'>['memberId'];
/**
 * The attestation of `attest()`, or its `attestationId` (sent as `X-Care-Plan-Attestation`).
 *
 * @example
 * await portal.carePlans.get('K5500648801', 'CPA-000001');
 */
export type CarePlanAttestationRef = string | { attestationId: string };

// The attestation goes in a header: checked here, since a missing one would be sent as "undefined".
function attestationHeader(s: CallScope, attestation: unknown) {
  const id = typeof attestation === 'string' ? attestation : readField(attestation, 'attestationId');
  if (typeof id !== 'string' || id.trim() === '') {
    s.check([
      {
        code: 'VALIDATION_FAILED',
        path: '$.attestation',
        message:
          'Give the care plan attestation: what portal.carePlans.attest() answered, or its attestationId, ' +
          `not ${describeValue(attestation)}.`,
      },
    ]);
  }
  return { 'X-Care-Plan-Attestation': id as string };
}

/**
 * The operation behind each method of `portal.carePlans`.
 *
 * @example
 * CARE_PLANS_OPERATIONS.attest; // 'attestCarePlanAccess'
 */
export const CARE_PLANS_OPERATIONS = {
  attest: 'attestCarePlanAccess',
  get: 'getCarePlan',
  download: 'downloadCarePlan',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.carePlans`: a member's care plan, shown after an audited attestation of a treatment
 * relationship (`CARE_PLAN_ATTESTATION_REQUIRED`), with sensitive parts withheld.
 *
 * @example
 * const attestation = await portal.carePlans.attest('K5500648801', { attested: true });
 * const plan = await portal.carePlans.get('K5500648801', attestation);
 * const pdf = await portal.carePlans.download('K5500648801', attestation);
 */
export function createCarePlansResource(ctx: ResourceContext) {
  return {
    /** Attests a treatment relationship with the member (`attestCarePlanAccess`); recorded for audit. */
    attest: (memberId: MemberId, body: RequestBody<'attestCarePlanAccess'>, options: RequestOptions = {}) =>
      call(ctx, 'attestCarePlanAccess', options, ({ init }) =>
        ctx.raw.POST('/members/{memberId}/care-plan/attestations', {
          params: { path: { memberId } },
          body,
          ...init,
        }),
      ),
    /** The care plan, with a current attestation: problems, goals, interventions, due dates (`getCarePlan`). */
    get: (memberId: MemberId, attestation: CarePlanAttestationRef, options: RequestOptions = {}) =>
      call(ctx, 'getCarePlan', options, (s) =>
        ctx.raw.GET('/members/{memberId}/care-plan', {
          params: { path: { memberId }, header: attestationHeader(s, attestation) },
          ...s.init,
        }),
      ),
    /** The care plan as a PDF to print or keep, with a current attestation (`downloadCarePlan`). */
    download: (memberId: MemberId, attestation: CarePlanAttestationRef, options: RequestOptions = {}) =>
      download(ctx, 'downloadCarePlan', options, (s) =>
        ctx.raw.GET('/members/{memberId}/care-plan/document', {
          params: { path: { memberId }, header: attestationHeader(s, attestation) },
          parseAs: 'arrayBuffer',
          ...s.init,
        }),
      ),
  };
}

/**
 * The type of `portal.carePlans`.
 *
 * @example
 * const carePlans: CarePlansResource = portal.carePlans;
 */
export type CarePlansResource = ReturnType<typeof createCarePlansResource>;
