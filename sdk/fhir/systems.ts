/**
 * The URLs the FHIR face of the portal names codes and identifiers with, in one place: the PAS
 * implementation guide's (Da Vinci Prior Authorization Support, STU 2.2, version 2.2.1, FHIR R4
 * 4.0.1), the code systems it binds to (X12, HL7 terminology), and this project's own, for what the
 * portal knows that no published code system says (its Tax ID-scoped reference numbers, its service
 * types and denial reasons, its rule codes).
 *
 * The builder and reader of the SDK and the mock portal's `/fhir/r4` endpoints all read these, so that
 * what one side writes the other finds.
 */

/** The PAS implementation guide followed (its canonical URL and version). */
export const PAS_IG = {
  canonical: 'http://hl7.org/fhir/us/davinci-pas',
  version: '2.2.1',
  fhirVersion: '4.0.1',
  /** The ImplementationGuide resource's canonical (CapabilityStatement.implementationGuide). */
  implementationGuide: 'http://hl7.org/fhir/us/davinci-pas/ImplementationGuide/hl7.fhir.us.davinci-pas',
} as const;

const PAS_SD = `${PAS_IG.canonical}/StructureDefinition`;

/** PAS profiles (canonical URLs, as `meta.profile` names them). */
export const PAS_PROFILES = {
  requestBundle: `${PAS_SD}/profile-pas-request-bundle`,
  inquiryRequestBundle: `${PAS_SD}/profile-pas-inquiry-request-bundle`,
  responseBundle: `${PAS_SD}/profile-pas-response-bundle`,
  inquiryResponseBundle: `${PAS_SD}/profile-pas-inquiry-response-bundle`,
  claim: `${PAS_SD}/profile-claim`,
  claimInquiry: `${PAS_SD}/profile-claim-inquiry`,
  claimResponse: `${PAS_SD}/profile-claimresponse`,
  claimInquiryResponse: `${PAS_SD}/profile-claiminquiryresponse`,
  beneficiary: `${PAS_SD}/profile-beneficiary`,
  coverage: `${PAS_SD}/profile-coverage`,
  insurer: `${PAS_SD}/profile-insurer`,
  requestor: `${PAS_SD}/profile-requestor`,
  practitioner: `${PAS_SD}/profile-practitioner`,
} as const;

/** PAS extensions this project writes or reads. */
export const PAS_EXTENSIONS = {
  reviewAction: `${PAS_SD}/extension-reviewAction`,
  reviewActionCode: `${PAS_SD}/extension-reviewActionCode`,
  itemTraceNumber: `${PAS_SD}/extension-itemTraceNumber`,
  certificationType: `${PAS_SD}/extension-certificationType`,
  serviceItemRequestType: `${PAS_SD}/extension-serviceItemRequestType`,
  authorizationNumber: `${PAS_SD}/extension-authorizationNumber`,
  careTeamClaimScope: `${PAS_SD}/extension-careTeamClaimScope`,
  itemPreAuthIssueDate: `${PAS_SD}/extension-itemPreAuthIssueDate`,
  itemPreAuthPeriod: `${PAS_SD}/extension-itemPreAuthPeriod`,
  itemRequestedServiceDate: `${PAS_SD}/extension-itemRequestedServiceDate`,
  itemAuthorizedProvider: `${PAS_SD}/extension-itemAuthorizedProvider`,
  authorizedProviderType: `${PAS_SD}/extension-authorizedProviderType`,
  itemAuthorizedDetail: `${PAS_SD}/extension-itemAuthorizedDetail`,
} as const;

/** PAS operations (their OperationDefinition canonicals). */
export const PAS_OPERATIONS = {
  submit: `${PAS_IG.canonical}/OperationDefinition/Claim-submit`,
  inquire: `${PAS_IG.canonical}/OperationDefinition/Claim-inquiry`,
} as const;

/** Code and identifier systems of published terminologies. */
export const SYSTEMS = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  /** The US Employer Identification Number: a Tax ID (PAS Organization identifier slice TIN). */
  ein: 'http://terminology.hl7.org/NamingSystem/USEIN',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  /**
   * HCPCS Level II, as PAS names it: the value set of `Claim.item.productOrService` (X12 278 Requested
   * Service Type, required) takes HCPCS from this system, not from the HL7 OID.
   */
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  adjudication: 'http://terminology.hl7.org/CodeSystem/adjudication',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  pasTempCodes: `${PAS_IG.canonical}/CodeSystem/PASTempCodes`,
  /** X12 306: Health Care Services Review action (HCR01): A1, A2, A3, A4, A6, C, CT, NA. */
  x12ReviewAction: 'https://codesystem.x12.org/005010/306',
  /** X12 1365: Service Type Code (UM03). */
  x12ServiceType: 'https://codesystem.x12.org/005010/1365',
  /** X12 1525: Request Category Code (UM01). */
  x12RequestCategory: 'https://codesystem.x12.org/005010/1525',
  /** X12 1322: Certification Type Code (UM02). */
  x12CertificationType: 'https://codesystem.x12.org/005010/1322',
  /** X12 1069: Individual Relationship Code (INS02; 18 is Self). */
  x12Relationship: 'https://codesystem.x12.org/005010/1069',
  /** X12 98: Entity Identifier Code (NM101). */
  x12EntityIdentifier: 'https://codesystem.x12.org/005010/98',
} as const;

const OWN = 'https://provider-portal-sdk.dev/fhir';

/** This project's own systems: what the portal knows that no published code system says. */
export const PORTAL_SYSTEMS = {
  /** The portal's preauthorization reference number (PA-…): ClaimResponse.identifier and preAuthRef. */
  preauthorizationReference: `${OWN}/sid/preauthorization-reference`,
  /** The plan's member ID (Patient.identifier of type MB, Coverage.identifier, subscriberId). */
  memberId: `${OWN}/sid/member-id`,
  /** A health plan (emblemhealth, connecticare) as the insurer Organization's identifier. */
  healthPlan: `${OWN}/sid/health-plan`,
  /** The portal's service types (item.category, beside the X12 1365 code). */
  serviceType: `${OWN}/CodeSystem/preauthorization-service-type`,
  /** The portal's denial reasons (review action reasonCode). */
  denialReason: `${OWN}/CodeSystem/preauthorization-denial-reason`,
  /** The portal's status (ClaimResponse.item.adjudication reason, beside the X12 306 code). */
  status: `${OWN}/CodeSystem/preauthorization-status`,
  /** The portal's stable rule codes (OperationOutcome.issue.details), the same as its problem codes. */
  problemCode: `${OWN}/CodeSystem/problem-code`,
} as const;
