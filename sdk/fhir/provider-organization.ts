/**
 * A provider as the portal names it (`ProviderReference`: NPI, Tax ID, name, practice address) and as
 * PAS does: an Organization with the Tax ID (`identifier[TIN]`, system USEIN) and NPI identifiers
 * (PAS Organization Base Profile: "identifier contains TIN 0..1 MS and PI 0..1 MS"), its name and
 * address. Both directions, so that a requestor the builder writes is the provider the mock checks
 * (TIN + NPI + address, PROVIDER_IDENTITY_MISMATCH).
 */
import type { Address, Organization } from '@medplum/fhirtypes';
import type { components } from '../generated/portal.ts';
import { textOf } from '../rules/zod-issues.ts';
import { PAS_PROFILES, SYSTEMS } from './systems.ts';

export type ProviderReference = components['schemas']['ProviderReference'];

/** The X12 98 entity code of a provider organization: 1P, "Provider". */
const PROVIDER_ENTITY = { system: SYSTEMS.x12EntityIdentifier, code: '1P', display: 'Provider' };

function addressOf(address: ProviderReference['address']): Address {
  return {
    use: 'work',
    // FHIR has no empty string: an empty second line is no second line.
    line:
      address.line2 === undefined || address.line2.trim() === ''
        ? [address.line1]
        : [address.line1, address.line2],
    city: address.city,
    state: address.state,
    postalCode: address.zip,
    country: 'US',
  };
}

/**
 * The PAS Requestor Organization of a provider (the requesting or the servicing one).
 *
 * @example
 * organizationOfProvider(request.requestingProvider).identifier?.[0]?.system; // USEIN
 */
export function organizationOfProvider(provider: ProviderReference, id?: string): Organization {
  return {
    resourceType: 'Organization',
    ...(id === undefined ? {} : { id }),
    meta: { profile: [PAS_PROFILES.requestor] },
    identifier: [
      { system: SYSTEMS.ein, value: provider.taxId },
      { system: SYSTEMS.npi, value: provider.npi },
    ],
    active: true,
    type: [{ coding: [PROVIDER_ENTITY] }],
    name: provider.name,
    address: [addressOf(provider.address)],
  };
}

/**
 * The portal's provider reference of a PAS Organization (the reverse of
 * {@link organizationOfProvider}); fields the Organization lacks are left out, for the portal's
 * validation to name.
 *
 * @example
 * providerReferenceOf(organizationOfProvider(provider)); // equal to provider
 */
export function providerReferenceOf(organization: Organization): Partial<ProviderReference> {
  const identifiers = Array.isArray(organization.identifier) ? organization.identifier : [];
  // (identifier?.system below: an entry of another client's list may be null)
  const taxId = textOf(identifiers.find((identifier) => identifier?.system === SYSTEMS.ein)?.value);
  const npi = textOf(identifiers.find((identifier) => identifier?.system === SYSTEMS.npi)?.value);
  const first: unknown = Array.isArray(organization.address) ? organization.address[0] : undefined;
  // Another client's Organization may hold anything where the address is: only an object is one.
  const address = first !== null && typeof first === 'object' ? (first as Address) : undefined;
  const lines = Array.isArray(address?.line) ? address.line : [];
  const line1 = textOf(lines[0]);
  const line2 = textOf(lines[1]);
  const reference: Partial<ProviderReference> = {};
  if (npi !== undefined) reference.npi = npi;
  if (taxId !== undefined) reference.taxId = taxId;
  const name = textOf(organization.name);
  if (name !== undefined) reference.name = name;
  if (address !== undefined) {
    reference.address = {
      line1: line1 ?? '',
      ...(line2 === undefined ? {} : { line2 }),
      city: textOf(address.city) ?? '',
      state: textOf(address.state) ?? '',
      zip: textOf(address.postalCode) ?? '',
    };
  }
  return reference;
}
