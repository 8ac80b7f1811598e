/**
 * What a response repeats of the request. PAS: "the same fullUrl and resource identifiers are used in
 * the response as appeared in the request". The mock keeps the request's full URLs (and a resource's
 * `id` when it is a FHIR id) but writes the resources itself from the record (the member identifier,
 * the plan, each provider's Tax ID, NPI and address: the identifiers the request carried), so a
 * client's malformed resource is never answered back as if it were valid FHIR.
 */
import type { Resource } from '@medplum/fhirtypes';
import { insurerOfPlan } from '../../../sdk/fhir/insurers.ts';
import type { PasEntry, PasResponseContext, Preauthorization } from '../../../sdk/fhir/pas-response.ts';
import { organizationOfProvider } from '../../../sdk/fhir/provider-organization.ts';
import type { Sandbox } from '../sandbox.ts';
import { isFhirId, patientEntry } from './patient.ts';

function idOf(entry: PasEntry | undefined): string | undefined {
  const id = (entry?.resource as { id?: unknown } | undefined)?.id;
  return isFhirId(id) ? id : undefined;
}

function under<T extends Resource>(entry: PasEntry | undefined, resource: T): PasEntry | undefined {
  if (entry === undefined) return undefined;
  const id = idOf(entry);
  const { id: _derived, ...rest } = resource;
  return { fullUrl: entry.fullUrl, resource: (id === undefined ? rest : { ...rest, id }) as T };
}

/**
 * The entries a response echoes: each one the request had, at its full URL, written from the record.
 *
 * @example
 * toPasResponseBundle(preauthorization, { …, echoed: echoedEntries(reading.echoed, preauthorization, sandbox, baseUrl) });
 */
export function echoedEntries(
  request: NonNullable<PasResponseContext['echoed']>,
  preauthorization: Preauthorization,
  sandbox: Sandbox,
  baseUrl: string,
): NonNullable<PasResponseContext['echoed']> {
  const echoed: NonNullable<PasResponseContext['echoed']> = {};
  const patient = under(
    request.patient,
    patientEntry(sandbox, baseUrl, preauthorization.memberId).resource as Resource,
  );
  if (patient !== undefined) echoed.patient = patient;
  const insurer = under(request.insurer, insurerOfPlan(preauthorization.healthPlan));
  if (insurer !== undefined) echoed.insurer = insurer;
  const requestor = under(request.requestor, organizationOfProvider(preauthorization.requestingProvider));
  if (requestor !== undefined) echoed.requestor = requestor;
  const servicing = under(request.servicing, organizationOfProvider(preauthorization.servicingProvider));
  if (servicing !== undefined) echoed.servicing = servicing;
  return echoed;
}
