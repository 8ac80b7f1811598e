/**
 * The rules of the requests that name a provider or a procedure by its identifier: the preauthorization
 * requirement check, the provider search and network status, the PCP member panel report and the
 * profile update list (account links: account-links.ts). Each answers every violation of the identifiers given (`INVALID_NPI`,
 * `INVALID_TAX_ID`, `INVALID_CPT_CODE`) and never throws; which fields are required, and their
 * shapes, are the contract's (the portal checks them against the spec). The SDK checks these before
 * sending and the mock portal answers them, from this one place.
 */
import { checkNpi, checkProcedureCode, checkTaxId } from './identifiers.ts';
import { MIN_NAME_SEARCH_LENGTH } from './member-search.ts';
import type { ValidationViolation } from './zod-issues.ts';
import { readField } from './zod-issues.ts';

function optional(
  value: unknown,
  check: (value: unknown, path: string) => ValidationViolation[],
  path: string,
) {
  return value === undefined || value === null ? [] : check(value, path);
}

/**
 * The procedure codes (`INVALID_CPT_CODE` for each that is not one) and the servicing NPI, when
 * given, of a preauthorization requirement check (`checkPreauthorizationRequirement`).
 *
 * @example
 * checkPreauthorizationRequirementRequest({ memberId: 'K5500648801', procedureCodes: ['97110', '9711'] });
 * // [{ code: 'INVALID_CPT_CODE', path: '$.procedureCodes[1]', … }]
 */
export function checkPreauthorizationRequirementRequest(input: unknown): ValidationViolation[] {
  const codes = readField(input, 'procedureCodes');
  return [
    ...(Array.isArray(codes) ? codes : []).flatMap((code: unknown, index) =>
      checkProcedureCode(code, `$.procedureCodes[${index}]`),
    ),
    ...optional(readField(input, 'servicingNpi'), checkNpi, '$.servicingNpi'),
  ];
}

/**
 * A provider search (`searchProviders`): the NPI and the Tax ID when given, a name of at least two
 * characters (`SEARCH_TERM_TOO_SHORT`; a blank name counts as not given), and a search by name or by
 * NPI, not both (an NPI names one provider already).
 *
 * @example
 * checkProviderSearch({ name: 'Adamski', npi: '1407819535' }); // [{ code: 'VALIDATION_FAILED', path: '$.name', … }]
 * checkProviderSearch({ name: 'A' }); // [{ code: 'SEARCH_TERM_TOO_SHORT', path: '$.name', … }]
 */
export function checkProviderSearch(query: unknown): ValidationViolation[] {
  const npi = readField(query, 'npi');
  const out = [
    ...optional(npi, checkNpi, '$.npi'),
    ...optional(readField(query, 'taxId'), checkTaxId, '$.taxId'),
  ];
  const raw = readField(query, 'name');
  const name = typeof raw === 'string' && raw.trim() === '' ? undefined : raw;
  if (typeof name === 'string' && [...name.trim()].length < MIN_NAME_SEARCH_LENGTH) {
    // "The portal is set up to conduct partial name searches … A minimum of two characters has to be
    // entered." (seed 003): provider names are searched in part too ("Adamski, J").
    out.push({
      code: 'SEARCH_TERM_TOO_SHORT',
      path: '$.name',
      message: `The provider name search term ${JSON.stringify(name.trim())} is too short: a partial name search needs at least ${MIN_NAME_SEARCH_LENGTH} characters. Type more of the name.`,
    });
  }
  if (npi !== undefined && npi !== null && name !== undefined && name !== null) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.name',
      message: 'Search by provider name or by NPI, not both: remove one of them.',
    });
  }
  return out;
}

/**
 * The NPI of a network status check (`checkProviderNetworkStatus`), when given.
 *
 * @example
 * checkNetworkStatusQuery({ npi: '1407819536' }); // [{ code: 'INVALID_NPI', path: '$.npi', … }]
 */
export function checkNetworkStatusQuery(query: unknown): ValidationViolation[] {
  return optional(readField(query, 'npi'), checkNpi, '$.npi');
}

/**
 * The NPI filter, when given, of listing provider profile update requests
 * (`listProviderProfileUpdateRequests`).
 *
 * @example
 * checkProfileUpdateListQuery({ npi: '1407819536' }); // [{ code: 'INVALID_NPI', path: '$.npi', … }]
 */
export function checkProfileUpdateListQuery(query: unknown): ValidationViolation[] {
  return optional(readField(query, 'npi'), checkNpi, '$.npi');
}

/**
 * The PCP's NPI and the Tax ID of a PCP member panel report (`createPcpMemberPanelReport`), when given.
 *
 * @example
 * checkPcpPanelReportRequest({ pcpNpi: '1407819535', taxId: '06-0646668' }); // []
 */
export function checkPcpPanelReportRequest(input: unknown): ValidationViolation[] {
  return [
    ...optional(readField(input, 'pcpNpi'), checkNpi, '$.pcpNpi'),
    ...optional(readField(input, 'taxId'), checkTaxId, '$.taxId'),
  ];
}
