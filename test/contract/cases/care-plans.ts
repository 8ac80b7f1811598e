/**
 * Contract cases of the care-plans domain: attestation (CARE_PLAN_ATTESTATION_REQUIRED), sensitive
 * parts withheld, wholly sensitive (404 CARE_PLAN_SENSITIVE), no care plan (404 NOT_FOUND), completed
 * more than 30 days ago (410 CARE_PLAN_EXPIRED, also after moving the clock).
 */
import { SCENARIO_MEMBERS as M } from '../../../mock-server/data/scenario-members.ts';
import type { ContractApi, ContractCase } from './types.ts';

/** Attests for a member and answers the `X-Care-Plan-Attestation` header to send. */
async function attest(api: ContractApi, memberId: string, token?: string): Promise<Record<string, string>> {
  const response = await api.call('POST', `/members/${memberId}/care-plan/attestations`, {
    json: { attested: true },
    ...(token === undefined ? {} : { token }),
  });
  if (response.status !== 201)
    throw new Error(`attestation failed: ${response.status} ${await response.text()}`);
  const { attestationId } = (await response.json()) as { attestationId: string };
  return { 'X-Care-Plan-Attestation': attestationId };
}

function viewAfterAttesting(memberId: string, document = false) {
  return async (api: ContractApi) => {
    const headers = await attest(api, memberId);
    return api.call('GET', `/members/${memberId}/care-plan${document ? '/document' : ''}`, { headers });
  };
}

export const cases: ContractCase[] = [
  {
    operationId: 'attestCarePlanAccess',
    name: 'attests a treatment relationship (recorded for audit)',
    as: 'clinical.a',
    status: 201,
    run: (api) =>
      api.call('POST', `/members/${M.activeCommercial}/care-plan/attestations`, { json: { attested: true } }),
  },
  {
    operationId: 'attestCarePlanAccess',
    name: 'with the statement the client showed',
    as: 'admin.a',
    status: 201,
    run: (api) =>
      api.call('POST', `/members/${M.carePlanSensitiveParts}/care-plan/attestations`, {
        json: { attested: true, statement: 'I have a treatment relationship with this member.' },
      }),
  },
  {
    operationId: 'attestCarePlanAccess',
    name: '400 when attested is not true',
    as: 'clinical.a',
    status: 400,
    run: (api) =>
      api.call('POST', `/members/${M.activeCommercial}/care-plan/attestations`, {
        json: { attested: false },
      }),
  },
  {
    operationId: 'attestCarePlanAccess',
    name: '404 for another Tax ID’s member',
    as: 'clinical.a',
    status: 404,
    run: (api) =>
      api.call('POST', `/members/${M.taxIdBOnly}/care-plan/attestations`, { json: { attested: true } }),
  },
  {
    operationId: 'attestCarePlanAccess',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'clinical.a',
    status: 409,
    async run(api) {
      const headers = { 'Idempotency-Key': 'attest-1' };
      const path = `/members/${M.activeCommercial}/care-plan/attestations`;
      await api.call('POST', path, { headers, json: { attested: true } });
      return api.call('POST', path, { headers, json: { attested: true, statement: 'Another wording' } });
    },
  },
  {
    operationId: 'getCarePlan',
    name: 'after attestation: the QRG care plan, nothing withheld',
    as: 'clinical.a',
    status: 200,
    run: viewAfterAttesting(M.activeCommercial),
  },
  {
    operationId: 'getCarePlan',
    name: 'sensitive parts withheld',
    as: 'clinical.a',
    status: 200,
    run: viewAfterAttesting(M.carePlanSensitiveParts),
  },
  {
    operationId: 'getCarePlan',
    name: 'completed 10 days ago: still available',
    as: 'clinical.a',
    status: 200,
    run: viewAfterAttesting(M.carePlanCompleted10DaysAgo),
  },
  {
    operationId: 'getCarePlan',
    name: '403 CARE_PLAN_ATTESTATION_REQUIRED without an attestation',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}/care-plan`),
  },
  {
    operationId: 'getCarePlan',
    name: '403 CARE_PLAN_ATTESTATION_REQUIRED with another member’s attestation',
    as: 'clinical.a',
    status: 403,
    async run(api) {
      const headers = await attest(api, M.activeCommercial);
      return api.call('GET', `/members/${M.medicareAdvantage}/care-plan`, { headers });
    },
  },
  {
    operationId: 'getCarePlan',
    name: '404 CARE_PLAN_SENSITIVE with careTeamPhone for a wholly sensitive plan',
    as: 'clinical.a',
    status: 404,
    run: viewAfterAttesting(M.carePlanWhollySensitive),
  },
  {
    operationId: 'getCarePlan',
    name: '404 NOT_FOUND with careTeamPhone for a member without a care plan',
    as: 'clinical.a',
    status: 404,
    run: viewAfterAttesting(M.noCarePlan),
  },
  {
    operationId: 'getCarePlan',
    name: '410 CARE_PLAN_EXPIRED: completed 45 days ago',
    as: 'clinical.a',
    status: 410,
    run: viewAfterAttesting(M.carePlanCompleted45DaysAgo),
  },
  {
    operationId: 'getCarePlan',
    name: '410 CARE_PLAN_EXPIRED: completed 10 days ago, after 21 days on the clock',
    as: 'clinical.a',
    status: 410,
    async run(api) {
      await api.admin('POST', '/clock/advance', { days: 21 });
      const token = await api.tokenFor('clinical.a');
      const headers = await attest(api, M.carePlanCompleted10DaysAgo, token);
      return api.call('GET', `/members/${M.carePlanCompleted10DaysAgo}/care-plan`, { headers, token });
    },
  },
  {
    operationId: 'downloadCarePlan',
    name: 'the care plan as PDF after attestation',
    as: 'clinical.a',
    status: 200,
    run: viewAfterAttesting(M.carePlanSensitiveParts, true),
  },
  {
    operationId: 'downloadCarePlan',
    name: '403 CARE_PLAN_ATTESTATION_REQUIRED after the attestation expired',
    as: 'clinical.a',
    status: 403,
    async run(api) {
      const headers = await attest(api, M.activeCommercial);
      await api.admin('POST', '/clock/advance', { minutes: 16 });
      const token = await api.tokenFor('clinical.a');
      return api.call('GET', `/members/${M.activeCommercial}/care-plan/document`, { headers, token });
    },
  },
  {
    operationId: 'downloadCarePlan',
    name: '404 CARE_PLAN_SENSITIVE for a wholly sensitive plan',
    as: 'clinical.a',
    status: 404,
    run: viewAfterAttesting(M.carePlanWhollySensitive, true),
  },
  {
    operationId: 'downloadCarePlan',
    name: '410 CARE_PLAN_EXPIRED for a plan completed 45 days ago',
    as: 'clinical.a',
    status: 410,
    run: viewAfterAttesting(M.carePlanCompleted45DaysAgo, true),
  },
];
