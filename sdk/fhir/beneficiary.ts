/**
 * The member as a PAS Beneficiary (Patient): identified by the member ID (identifier of type MB in
 * the portal's system), with the demographics the app has. PAS Beneficiary is based on US Core
 * Patient 7.0.0, where identifier, name and gender are mandatory; the portal identifies a member by
 * member ID alone, so a name the app did not give is marked absent (US Core us-core-6 allows the
 * data-absent-reason extension in place of family and given) and the gender is `unknown`.
 */
import type { HumanName, Identifier, Patient } from '@medplum/fhirtypes';
import { PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';

/** The member's demographics, for the Patient (PAS Beneficiary) when the app has them. */
export interface PasPatientDetails {
  firstName?: string;
  lastName?: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  gender?: 'female' | 'male' | 'unknown';
}

const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/**
 * The member identifier of a member ID (type MB, the portal's system), for the Patient and the
 * Coverage.
 *
 * @example
 * memberIdentifier('K5500648801').type?.coding?.[0]?.code; // 'MB'
 */
export function memberIdentifier(memberId: string): Identifier {
  return {
    type: { coding: [{ system: SYSTEMS.identifierType, code: 'MB', display: 'Member Number' }] },
    system: PORTAL_SYSTEMS.memberId,
    value: memberId,
  };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * The PAS Beneficiary of a member: member identifier, name (or its absence, marked), gender
 * (`unknown` when not given) and birth date when given.
 *
 * @example
 * beneficiaryOf('K5500648801', { firstName: 'Maria', lastName: 'Rivera' }).name; // [{ family: 'Rivera', given: ['Maria'] }]
 */
export function beneficiaryOf(memberId: string, details: PasPatientDetails = {}): Patient {
  const name: HumanName =
    present(details.firstName) || present(details.lastName)
      ? {
          ...(present(details.lastName) ? { family: details.lastName } : {}),
          ...(present(details.firstName) ? { given: [details.firstName] } : {}),
        }
      : { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'unknown' }] };
  return {
    resourceType: 'Patient',
    meta: { profile: [PAS_PROFILES.beneficiary] },
    identifier: [memberIdentifier(memberId)],
    name: [name],
    gender: details.gender ?? 'unknown',
    ...(present(details.dateOfBirth) ? { birthDate: details.dateOfBirth } : {}),
  };
}
