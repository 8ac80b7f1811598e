/**
 * The CapabilityStatement of the mock portal's FHIR face (`GET /fhir/r4/metadata`): a FHIR R4 4.0.1
 * server that follows Da Vinci PAS 2.2.1 for `Claim/$submit` and `Claim/$inquire`, with the same
 * Bearer sessions as the portal's API.
 *
 * It names the PAS implementation guide but does not claim to instantiate the IG's "Intermediary PAS
 * Capabilities" (https://hl7.org/fhir/us/davinci-pas/STU2/CapabilityStatement-IntermediaryCapabilities.html):
 * those also ask for PAS Subscriptions, which the mock does not offer.
 */
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { PAS_IG, PAS_OPERATIONS, PAS_PROFILES } from '../../../sdk/fhir/systems.ts';

/** What {@link capabilityStatement} needs to know about the running server. */
export interface CapabilityOptions {
  /** The FHIR base URL, as clients reach it (`http://127.0.0.1:4010/fhir/r4`). */
  baseUrl: string;
  /** When the statement was made: a FHIR dateTime (the mock's clock, or the build's date). */
  date: string;
  /** The mock portal's version (package.json). */
  softwareVersion: string;
}

/**
 * The mock portal's CapabilityStatement: an instance (this server at `baseUrl`), JSON only, the PAS
 * implementation guide 2.2.1, and the Claim operations `$submit` and `$inquire` with their PAS
 * OperationDefinitions and Claim profiles.
 *
 * @example
 * capabilityStatement({ baseUrl: 'http://127.0.0.1:4010/fhir/r4', date: '2026-11-23', softwareVersion: '0.1.0' })
 *   .rest?.[0]?.resource?.[0]?.operation?.map((operation) => operation.name); // ['submit', 'inquire']
 */
export function capabilityStatement(options: CapabilityOptions): CapabilityStatement {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    experimental: true,
    date: options.date,
    publisher: 'provider-portal-sdk',
    kind: 'instance',
    name: 'ProviderPortalMockPas',
    title: 'Provider portal mock: Da Vinci PAS server',
    description:
      'The mock provider portal answers Da Vinci Prior Authorization Support requests over the same members, preauthorizations, rules and clock as its JSON API: a PAS Request Bundle posted to Claim/$submit becomes a preauthorization request, a PAS Inquiry Request Bundle posted to Claim/$inquire searches them.',
    software: { name: 'provider-portal-sdk mock portal', version: options.softwareVersion },
    implementation: { description: 'provider-portal-sdk mock portal, FHIR R4 face', url: baseUrl },
    fhirVersion: PAS_IG.fhirVersion,
    format: ['json'],
    implementationGuide: [`${PAS_IG.implementationGuide}|${PAS_IG.version}`],
    rest: [
      {
        mode: 'server',
        documentation: `PAS operations on Claim, under ${baseUrl}.`,
        security: {
          cors: true,
          description:
            'Bearer session tokens: sign in with POST /api/v1/session (and POST /api/v1/session/mfa when a code is asked for), then send "Authorization: Bearer <accessToken>". The session’s Tax IDs and role decide what a request may do, as on the JSON API.',
        },
        resource: [
          {
            type: 'Claim',
            supportedProfile: [PAS_PROFILES.claim, PAS_PROFILES.claimInquiry],
            operation: [
              {
                name: 'submit',
                definition: PAS_OPERATIONS.submit,
                documentation:
                  'A PAS Request Bundle in, a PAS Response Bundle out (or an OperationOutcome naming the element at fault).',
              },
              {
                name: 'inquire',
                definition: PAS_OPERATIONS.inquire,
                documentation:
                  "A PAS Inquiry Request Bundle in, the member's matching preauthorizations out.",
              },
            ],
          },
        ],
      },
    ],
  };
}
