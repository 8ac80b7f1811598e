/**
 * A PAS inquiry (Da Vinci PAS 2.2.1, `Claim/$inquire`): "a query-by-example" for preauthorizations
 * already asked for. Its "PAS Inquiry Request Bundle" holds a "PAS Claim Inquiry" first, then the
 * resources it references; the IG: "The inquiry operation must contain the details of the
 * organization making the query (…), a payer organization (…), and a patient (…). The patient will be
 * identified by their member identifier" (specification.html, Prior Authorization Inquiries). A
 * specific request is named by the Claim-level authorization number extension ("To search for a
 * specific authorization, the REF-NT and REF-BB can be used and specific extensions have been created
 * for sending those identifiers"); the portal's reference number (PA-…) is that number.
 *
 * `toPasInquiryBundle` builds one (pure); `readPasInquiryBundle` reads any client's into the portal's
 * search: the member, the reference number, the requesting provider.
 */
import type { Bundle, Claim, Coverage, Patient } from '@medplum/fhirtypes';
import { isRecord } from '../rules/zod-issues.ts';
import { beneficiaryOf, memberCoverage } from './beneficiary.ts';
import { entryUrl, resolveReference } from './bundle-references.ts';
import { entryAt, listOf, memberIdOf, providerOf, readClaimBundle } from './claim-bundle.ts';
import { claimTypeOf, type PreauthorizationServiceType } from './codes.ts';
import { type HealthPlan, insurerOfPlan } from './insurers.ts';
import type { FhirIssue } from './issues.ts';
import { isoOf } from './pas-request.ts';
import type { PasEntry } from './pas-response.ts';
import { organizationOfProvider, type ProviderReference } from './provider-organization.ts';
import { PAS_EXTENSIONS, PAS_PROFILES, SYSTEMS } from './systems.ts';

/** What an inquiry asks for: the member's requests, or one of them by its reference number. */
export interface PasInquiryQuery {
  /** The member the requests are for (PAS: "The patient will be identified by their member identifier"). */
  memberId: string;
  /** The member's health plan: the payer asked (`Claim.insurer`). */
  healthPlan: HealthPlan;
  /** The provider making the inquiry (`Claim.provider`): its Tax ID scopes what it may see. */
  requestingProvider: ProviderReference;
  /** The portal's reference number (PA-…) of one request (the authorization number extension). */
  referenceId?: string;
  /** The service type asked about (`Claim.type`; default professional). */
  serviceType?: PreauthorizationServiceType;
}

/** Options of {@link toPasInquiryBundle}. */
export interface PasInquiryOptions {
  /** The inquiry's own transaction identifier (`Bundle.identifier`, `Claim.identifier`). */
  transactionId: string;
  /** When the inquiry is made: ISO timestamp or Date. */
  timestamp: string | Date;
}

/**
 * The PAS Inquiry Request Bundle of a query: the PAS Claim Inquiry first, then the Patient (member
 * identifier, type MB), the Coverage, the insurer and the requesting provider. Pure.
 *
 * @example
 * const bundle = toPasInquiryBundle(
 *   { memberId: 'K5500648899', healthPlan: 'emblemhealth', requestingProvider, referenceId: 'PA-00000001' },
 *   { transactionId: 'INQ-0001', timestamp: '2026-11-30T15:00:00Z' },
 * );
 */
export function toPasInquiryBundle(query: PasInquiryQuery, options: PasInquiryOptions): Bundle {
  const timestamp = isoOf(options.timestamp);
  const tx = options.transactionId;
  const urls = {
    claim: entryUrl('inquiry', tx, 'Claim'),
    patient: entryUrl('inquiry', tx, 'Patient'),
    coverage: entryUrl('inquiry', tx, 'Coverage'),
    insurer: entryUrl('inquiry', tx, 'Insurer'),
    requestor: entryUrl('inquiry', tx, 'Requestor'),
  };
  const trn = { system: `urn:trnorg:1${query.requestingProvider.taxId}`, value: tx };
  const patient: Patient = beneficiaryOf(query.memberId);
  const coverage = memberCoverage(query.memberId, urls.patient, urls.insurer);
  const claim: Claim = {
    resourceType: 'Claim',
    meta: { profile: [PAS_PROFILES.claimInquiry] },
    ...(query.referenceId === undefined
      ? {}
      : { extension: [{ url: PAS_EXTENSIONS.authorizationNumber, valueString: query.referenceId }] }),
    identifier: [trn],
    status: 'active',
    type: {
      coding: [
        {
          system: SYSTEMS.claimType,
          code: query.serviceType === undefined ? 'professional' : claimTypeOf(query.serviceType),
        },
      ],
    },
    use: 'preauthorization',
    patient: { reference: urls.patient },
    created: timestamp,
    insurer: { reference: urls.insurer },
    provider: { reference: urls.requestor },
    priority: { coding: [{ system: SYSTEMS.processPriority, code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: { reference: urls.coverage } }],
  };
  return {
    resourceType: 'Bundle',
    meta: { profile: [PAS_PROFILES.inquiryRequestBundle] },
    identifier: trn,
    type: 'collection',
    timestamp,
    entry: [
      { fullUrl: urls.claim, resource: claim },
      { fullUrl: urls.patient, resource: patient },
      { fullUrl: urls.coverage, resource: coverage },
      { fullUrl: urls.insurer, resource: insurerOfPlan(query.healthPlan) },
      { fullUrl: urls.requestor, resource: organizationOfProvider(query.requestingProvider) },
    ],
  };
}

/** What {@link readPasInquiryBundle} finds in a PAS Inquiry Request Bundle. */
export interface PasInquiryReading {
  /** The search: always the member; the reference number and the provider's Tax ID when given. */
  query: { memberId?: string; referenceId?: string; taxId?: string; npi?: string };
  /** What is wrong with the Bundle (empty when it can be answered). */
  issues: FhirIssue[];
  transactionIdentifier?: Bundle['identifier'];
  /** The inquiry's Patient entry, echoed in every answer Bundle. */
  patient?: PasEntry;
}

/**
 * Reads a PAS Inquiry Request Bundle into the portal's search. Never throws; an inquiry that does
 * not identify the member by member ID is an issue (PAS: inquiries that "do not identify a specific
 * patient" are not allowed).
 *
 * @example
 * const { query, issues } = readPasInquiryBundle(body);
 */
export function readPasInquiryBundle(input: unknown): PasInquiryReading {
  const frame = readClaimBundle(input, 'PAS Inquiry Request Bundle');
  const reading: PasInquiryReading = { query: {}, issues: frame.issues };
  if (frame.transactionIdentifier !== undefined) reading.transactionIdentifier = frame.transactionIdentifier;
  const { bundle, claim } = frame;
  if (bundle === undefined || claim === undefined) return reading;
  const at = 'Bundle.entry[0].resource';
  const patient = resolveReference<Patient>(bundle, claim.patient, 'Patient');
  const focal =
    listOf(claim.insurance).find((insurance) => insurance?.focal === true) ?? listOf(claim.insurance)[0];
  const coverage = resolveReference<Coverage>(bundle, focal?.coverage, 'Coverage');
  const memberId = memberIdOf(patient?.resource, coverage?.resource);
  if (typeof memberId === 'string' && memberId !== '') reading.query.memberId = memberId;
  else {
    reading.issues.push({
      code: 'required',
      expression:
        patient === undefined ? `${at}.patient` : `Bundle.entry[${patient.index}].resource.identifier`,
      diagnostics:
        'An inquiry names the member: a Patient with the member identifier (type MB), as PAS requires ("The patient will be identified by their member identifier").',
    });
  }
  const patientEntry = entryAt(bundle, patient?.index);
  if (patientEntry !== undefined) reading.patient = patientEntry;
  const number = (Array.isArray(claim.extension) ? claim.extension : []).find(
    (extension) => isRecord(extension) && extension.url === PAS_EXTENSIONS.authorizationNumber,
  )?.valueString;
  if (typeof number === 'string' && number.trim() !== '') reading.query.referenceId = number.trim();
  const requestor = providerOf(bundle, claim.provider).provider;
  if (typeof requestor?.taxId === 'string') reading.query.taxId = requestor.taxId;
  if (typeof requestor?.npi === 'string') reading.query.npi = requestor.npi;
  return reading;
}
