/**
 * The PAS Beneficiary (Patient) of a member, derived from the sandbox's deterministic data: what a
 * response Bundle holds when the request did not bring its own Patient (a request made in the
 * portal, then inquired). Only ever built for a member of a record the caller may see.
 */
import { beneficiaryOf } from '../../../sdk/fhir/beneficiary.ts';
import type { PasEntry } from '../../../sdk/fhir/pas-response.ts';
import type { Sandbox } from '../sandbox.ts';

/**
 * Whether a value is a FHIR R4 `id` (1 to 64 letters, digits, `-` and `.`).
 *
 * @example
 * isFhirId('K5500648801'); // true
 */
export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9.-]{1,64}$/.test(value);
}

/**
 * The Patient entry of a member (`{base}/Patient/{memberId}`): the member identifier (type MB), and
 * the name, birth date and gender the data set has (US Core's name and gender marked unknown when it
 * has none).
 *
 * @example
 * patientEntry(sandbox, 'http://127.0.0.1:4010/fhir/r4', 'K5500648899').resource.identifier;
 */
export function patientEntry(sandbox: Sandbox, baseUrl: string, memberId: string): PasEntry {
  const details = sandbox.data.member(memberId)?.details;
  const patient = beneficiaryOf(
    memberId,
    details === undefined
      ? {}
      : {
          firstName: details.firstName,
          lastName: details.lastName,
          dateOfBirth: details.dateOfBirth,
          gender: details.gender,
        },
  );
  if (isFhirId(memberId)) patient.id = memberId;
  return { fullUrl: `${baseUrl}/Patient/${encodeURIComponent(memberId)}`, resource: patient };
}
