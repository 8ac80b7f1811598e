/**
 * The PAS Beneficiary (Patient) of a member, derived from the sandbox's deterministic data: what a
 * response Bundle holds when the request did not bring its own Patient (a request made in the
 * portal, then inquired). Only ever built for a member of a record the caller may see.
 */
import type { Patient } from '@medplum/fhirtypes';
import type { PasEntry } from '../../../sdk/fhir/pas-response.ts';
import { PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from '../../../sdk/fhir/systems.ts';
import type { Sandbox } from '../sandbox.ts';

/**
 * The Patient entry of a member (`{base}/Patient/{memberId}`): the member identifier (type MB), and
 * the name, birth date and gender the data set has.
 *
 * @example
 * patientEntry(sandbox, 'http://127.0.0.1:4010/fhir/r4', 'K5500648899', 'Testh Ayod').resource.identifier;
 */
export function patientEntry(
  sandbox: Sandbox,
  baseUrl: string,
  memberId: string,
  memberName?: string,
): PasEntry {
  const details = sandbox.data.member(memberId)?.details;
  const patient: Patient = {
    resourceType: 'Patient',
    ...(/^[A-Za-z0-9.-]{1,64}$/.test(memberId) ? { id: memberId } : {}),
    meta: { profile: [PAS_PROFILES.beneficiary] },
    identifier: [
      {
        type: { coding: [{ system: SYSTEMS.identifierType, code: 'MB', display: 'Member Number' }] },
        system: PORTAL_SYSTEMS.memberId,
        value: memberId,
      },
    ],
  };
  if (details !== undefined) {
    patient.name = [{ family: details.lastName, given: [details.firstName] }];
    patient.birthDate = details.dateOfBirth;
    patient.gender = details.gender;
  } else if (memberName !== undefined) {
    patient.name = [{ text: memberName }];
  }
  return { fullUrl: `${baseUrl}/Patient/${encodeURIComponent(memberId)}`, resource: patient };
}
