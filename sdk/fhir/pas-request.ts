/**
 * A portal preauthorization request as a PAS request Bundle (Da Vinci PAS 2.2.1, "PAS Request
 * Bundle": a `collection` whose first entry is the PAS Claim, `use = preauthorization`), and back.
 *
 * `toPasRequestBundle` is pure: the same request and options build the same Bundle, byte for byte.
 * `readPasRequestBundle` turns any PAS request Bundle (this builder's or another client's) into the
 * portal's `PreauthorizationCreate`, with the FHIRPath each field came from, so that a rule the
 * portal refuses names the element of the Bundle to fix.
 */
import type {
  Bundle,
  BundleEntry,
  Claim,
  ClaimDiagnosis,
  ClaimItem,
  CodeableConcept,
  Coverage,
  Extension,
  Organization,
  Patient,
} from '@medplum/fhirtypes';
import type { components } from '../generated/portal.ts';
import { beneficiaryOf, memberCoverage, type PasPatientDetails } from './beneficiary.ts';
import { entryUrl, resolveReference } from './bundle-references.ts';
import {
  anyCode,
  codeIn,
  entryAt,
  identifierOf,
  listOf,
  memberIdOf,
  providerOf,
  readClaimBundle,
} from './claim-bundle.ts';
import {
  claimTypeOf,
  concept,
  modifierSystemOf,
  type PreauthorizationServiceType,
  priorityOf,
  procedureSystemOf,
  SERVICE_TYPE_X12,
  serviceTypeOfX12,
  urgencyOfPriority,
} from './codes.ts';
import { type HealthPlan, insurerOfPlan } from './insurers.ts';
import type { FhirIssue } from './issues.ts';
import type { PasEntry } from './pas-response.ts';
import { organizationOfProvider, type ProviderReference } from './provider-organization.ts';
import { PAS_EXTENSIONS, PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';

type Schemas = components['schemas'];

export type { PasPatientDetails };
export type PreauthorizationCreate = Schemas['PreauthorizationCreate'];

/** Options of {@link toPasRequestBundle}. */
export interface PasRequestOptions {
  /**
   * The submitter's transaction identifier (`Bundle.identifier` and `Claim.identifier`; PAS: "assigned
   * by the originator or sender to identify the transaction within the sender's business application
   * system").
   */
  transactionId: string;
  /** When the Bundle is made (`Bundle.timestamp`, `Claim.created`): ISO timestamp or Date. */
  timestamp: string | Date;
  /** The member's health plan: the insurer the request goes to (`Claim.insurer`, PAS Insurer). */
  healthPlan: HealthPlan;
  /** The member's demographics (optional: the portal identifies the member by member ID). */
  patient?: PasPatientDetails;
  /** The CMS place of service code of every line (`Claim.item.location`, default by service type). */
  placeOfService?: string;
}

/** The default place of service of a service type (CMS codes: 11 office, 12 home, 21 inpatient, 22 outpatient hospital, 31 skilled nursing). */
function defaultPlaceOfService(serviceType: PreauthorizationServiceType): string {
  if (serviceType === 'inpatient_admission' || serviceType === 'transplant') return '21';
  if (serviceType === 'home_health_care' || serviceType === 'durable_medical_equipment') return '12';
  if (serviceType === 'skilled_nursing') return '31';
  if (serviceType === 'outpatient_procedure' || serviceType === 'imaging') return '22';
  return '11';
}

/** The PAS diagnosis type of the portal's primary diagnosis (X12 278 Diagnosis Type value set). */
const PRINCIPAL_DIAGNOSIS = concept(SYSTEMS.pasTempCodes, 'principal', 'Principal Diagnosis');

/** A diagnosis's sequence when it is a number (another client's may hold anything), else 0. */
function sequenceOf(diagnosis: ClaimDiagnosis | undefined): number {
  return typeof diagnosis?.sequence === 'number' ? diagnosis.sequence : 0;
}

function sameProviderReference(a: ProviderReference, b: ProviderReference): boolean {
  const line2 = (value: string | undefined) => (value === undefined || value.trim() === '' ? '' : value);
  return (
    a.npi === b.npi &&
    a.taxId === b.taxId &&
    a.name === b.name &&
    a.address.line1 === b.address.line1 &&
    line2(a.address.line2) === line2(b.address.line2) &&
    a.address.city === b.address.city &&
    a.address.state === b.address.state &&
    a.address.zip === b.address.zip
  );
}

/**
 * A builder's timestamp option as an ISO instant (`Bundle.timestamp`, `Claim.created`).
 *
 * @example
 * isoOf('2026-11-23T14:00:00Z'); // '2026-11-23T14:00:00.000Z'
 */
export function isoOf(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`timestamp is not a date: ${String(value)}`);
  return date.toISOString();
}

/**
 * The PAS request Bundle of a portal preauthorization request: the PAS Claim first, then the Patient
 * (PAS Beneficiary, identified by the member ID, type MB), the Coverage, the insurer (the member's
 * health plan), and the requesting and servicing providers as Organizations (Tax ID + NPI +
 * address). Pure: no clock, no randomness.
 *
 * @example
 * const bundle = toPasRequestBundle(request, { transactionId: 'TX-0001', timestamp: '2026-11-23T15:00:00Z', healthPlan: 'emblemhealth' });
 * await portal.fhir.submitPriorAuthorization(bundle);
 */
export function toPasRequestBundle(request: PreauthorizationCreate, options: PasRequestOptions): Bundle {
  const timestamp = isoOf(options.timestamp);
  const tx = options.transactionId;
  const urls = {
    claim: entryUrl(tx, 'Claim'),
    patient: entryUrl(tx, 'Patient'),
    coverage: entryUrl(tx, 'Coverage'),
    insurer: entryUrl(tx, 'Insurer'),
    requestor: entryUrl(tx, 'Requestor'),
    servicing: entryUrl(tx, 'Servicing'),
  };
  // One Organization only when the two references are the same provider at the same address: a
  // provider with two practice locations (same NPI and Tax ID) is two Organizations, or the
  // servicing address would be lost.
  const sameProvider = sameProviderReference(request.servicingProvider, request.requestingProvider);
  const servicingUrl = sameProvider ? urls.requestor : urls.servicing;
  const patient: Patient = beneficiaryOf(request.memberId, options.patient);
  const coverage = memberCoverage(request.memberId, urls.patient, urls.insurer);
  const x12 = SERVICE_TYPE_X12[request.serviceType];
  const category: CodeableConcept = {
    coding: [
      { system: SYSTEMS.x12ServiceType, code: x12.code, display: x12.display },
      { system: PORTAL_SYSTEMS.serviceType, code: request.serviceType },
    ],
  };
  const place = options.placeOfService ?? defaultPlaceOfService(request.serviceType);
  const requestCategory =
    request.serviceType === 'inpatient_admission'
      ? concept(SYSTEMS.x12RequestCategory, 'AR', 'Admission Review')
      : concept(SYSTEMS.x12RequestCategory, 'HS', 'Health Services Review');
  const diagnoses: ClaimDiagnosis[] = request.diagnoses.map((diagnosis, index) => ({
    sequence: index + 1,
    diagnosisCodeableConcept: concept(SYSTEMS.icd10cm, diagnosis.code),
    ...(diagnosis.primary === true ? { type: [PRINCIPAL_DIAGNOSIS] } : {}),
  }));
  const items: ClaimItem[] = request.serviceLines.map((line, index) => ({
    extension: [
      { url: PAS_EXTENSIONS.serviceItemRequestType, valueCodeableConcept: requestCategory },
      {
        url: PAS_EXTENSIONS.certificationType,
        valueCodeableConcept: concept(SYSTEMS.x12CertificationType, 'I', 'Initial'),
      },
    ],
    sequence: index + 1,
    careTeamSequence: [1],
    diagnosisSequence: diagnoses.map((diagnosis) => diagnosis.sequence),
    category,
    productOrService: concept(procedureSystemOf(line.procedureCode), line.procedureCode),
    ...(line.modifiers === undefined || line.modifiers.length === 0
      ? {}
      : { modifier: line.modifiers.map((modifier) => concept(modifierSystemOf(modifier), modifier)) }),
    servicedPeriod: { start: line.serviceStartDate, end: line.serviceEndDate },
    locationCodeableConcept: concept(SYSTEMS.placeOfService, place),
    quantity: { value: line.units },
  }));
  const claim: Claim = {
    resourceType: 'Claim',
    meta: { profile: [PAS_PROFILES.claim] },
    identifier: [{ system: `urn:trnorg:1${request.requestingProvider.taxId}`, value: tx }],
    status: 'active',
    type: concept(SYSTEMS.claimType, claimTypeOf(request.serviceType)),
    use: 'preauthorization',
    patient: { reference: urls.patient },
    created: timestamp,
    insurer: { reference: urls.insurer },
    provider: { reference: urls.requestor },
    priority: concept(SYSTEMS.processPriority, priorityOf(request.urgency)),
    careTeam: [
      {
        extension: [{ url: PAS_EXTENSIONS.careTeamClaimScope, valueBoolean: true }],
        sequence: 1,
        provider: { reference: servicingUrl },
        role: concept(SYSTEMS.x12EntityIdentifier, 'SJ', 'Service Provider'),
      },
    ],
    supportingInfo: [
      {
        sequence: 1,
        category: concept(SYSTEMS.pasTempCodes, 'patientEvent'),
        timingPeriod: { start: request.serviceStartDate, end: request.serviceEndDate },
      },
      // FHIR has no empty string: blank notes are no notes.
      ...(request.notes === undefined || request.notes.trim() === ''
        ? []
        : [
            {
              sequence: 2,
              category: concept(SYSTEMS.pasTempCodes, 'freeFormMessage'),
              valueString: request.notes,
            },
          ]),
    ],
    diagnosis: diagnoses,
    insurance: [{ sequence: 1, focal: true, coverage: { reference: urls.coverage } }],
    item: items,
  };
  const entries: BundleEntry[] = [
    { fullUrl: urls.claim, resource: claim },
    { fullUrl: urls.patient, resource: patient },
    { fullUrl: urls.coverage, resource: coverage },
    { fullUrl: urls.insurer, resource: insurerOfPlan(options.healthPlan) },
    { fullUrl: urls.requestor, resource: organizationOfProvider(request.requestingProvider) },
    ...(sameProvider
      ? []
      : [{ fullUrl: urls.servicing, resource: organizationOfProvider(request.servicingProvider) }]),
  ];
  return {
    resourceType: 'Bundle',
    meta: { profile: [PAS_PROFILES.requestBundle] },
    identifier: { system: `urn:trnorg:1${request.requestingProvider.taxId}`, value: tx },
    type: 'collection',
    timestamp,
    entry: entries,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading a request Bundle

/** What {@link readPasRequestBundle} finds in a PAS request Bundle. */
export interface PasRequestReading {
  /** The portal request the Bundle asks for (fields the Bundle lacks are left out, for the rules to name). */
  request: Record<string, unknown>;
  /** What is structurally wrong with the Bundle (not a rule of the portal): empty when it can be read. */
  issues: FhirIssue[];
  /** The FHIRPath of the element each field of the request came from (`serviceLines[0].units` → …). */
  paths: Record<string, string>;
  /** The Bundle's identifier (echoed in the response Bundle). */
  transactionIdentifier?: Bundle['identifier'];
  /** The Claim's identifiers and full URL (the response's `ClaimResponse.request`). */
  claim?: { fullUrl?: string; identifier?: Claim['identifier'] };
  /** The entries the response echoes (PAS: "the same fullUrl and resource identifiers"). */
  echoed: { patient?: PasEntry; insurer?: PasEntry; requestor?: PasEntry; servicing?: PasEntry };
}

function serviceTypeOf(
  category: CodeableConcept | undefined,
): PreauthorizationServiceType | string | undefined {
  const own = codeIn(category, PORTAL_SYSTEMS.serviceType);
  if (own !== undefined) return own;
  const x12 = codeIn(category, SYSTEMS.x12ServiceType);
  return x12 === undefined ? undefined : (serviceTypeOfX12(x12) ?? `x12:${x12}`);
}

/**
 * Reads a PAS request Bundle into the portal's preauthorization request, with what is structurally
 * wrong with it (`issues`) and where each field came from (`paths`). It never throws.
 *
 * @example
 * const { request, issues } = readPasRequestBundle(bundle);
 * if (issues.length === 0) validatePreauthorizationCreate(request, { clock });
 */
export function readPasRequestBundle(input: unknown): PasRequestReading {
  const paths: Record<string, string> = {};
  const frame = readClaimBundle(input, 'PAS Request Bundle');
  const issues = frame.issues;
  const reading: PasRequestReading = { request: {}, issues, paths, echoed: {} };
  if (frame.transactionIdentifier !== undefined) reading.transactionIdentifier = frame.transactionIdentifier;
  const { bundle, claim } = frame;
  if (bundle === undefined || claim === undefined) return reading;
  const at = 'Bundle.entry[0].resource';
  reading.claim = {
    ...(frame.claimFullUrl === undefined ? {} : { fullUrl: frame.claimFullUrl }),
    ...(Array.isArray(claim.identifier)
      ? { identifier: claim.identifier.map(identifierOf).filter((i) => i !== undefined) }
      : {}),
  };
  if (Array.isArray(claim.related) && claim.related.length > 0) {
    issues.push({
      code: 'not-supported',
      expression: `${at}.related`,
      diagnostics:
        "Updates of a submitted request (PAS Claim Update) are not supported here: change a request with the portal's requestPreauthorizationModification.",
    });
  }
  const request: Record<string, unknown> = {};

  // The member: Patient.identifier of type MB (or the Coverage's member identifier).
  const patient = resolveReference<Patient>(bundle, claim.patient, 'Patient');
  const focal =
    listOf(claim.insurance).find((insurance) => insurance?.focal === true) ?? listOf(claim.insurance)[0];
  const coverage = resolveReference<Coverage>(bundle, focal?.coverage, 'Coverage');
  const memberId = memberIdOf(patient?.resource, coverage?.resource);
  if (memberId !== undefined) request.memberId = memberId;
  paths.memberId =
    patient === undefined ? `${at}.patient` : `Bundle.entry[${patient.index}].resource.identifier`;
  const patientEntry = entryAt(bundle, patient?.index);
  if (patientEntry !== undefined) reading.echoed.patient = patientEntry;
  const insurer = resolveReference<Organization>(bundle, claim.insurer, 'Organization');
  const insurerEntry = entryAt(bundle, insurer?.index);
  if (insurerEntry !== undefined) reading.echoed.insurer = insurerEntry;

  const urgency = urgencyOfPriority(
    codeIn(claim.priority, SYSTEMS.processPriority) ?? anyCode(claim.priority),
  );
  if (urgency !== undefined) request.urgency = urgency;
  paths.urgency = `${at}.priority`;

  const items = Array.isArray(claim.item) ? claim.item : [];
  const serviceType = serviceTypeOf(items[0]?.category);
  if (serviceType !== undefined) request.serviceType = serviceType;
  paths.serviceType = `${at}.item[0].category`;
  items.forEach((item, index) => {
    if (index > 0 && serviceTypeOf(item?.category) !== serviceType) {
      issues.push({
        code: 'business-rule',
        expression: `${at}.item[${index}].category`,
        diagnostics: 'The portal takes one service type per request: give every item the same category.',
      });
    }
  });

  const requesting = providerOf(bundle, claim.provider);
  if (requesting.provider !== undefined) request.requestingProvider = requesting.provider;
  if (requesting.entry !== undefined) reading.echoed.requestor = requesting.entry;
  paths.requestingProvider = `${at}.provider`;
  const careTeam = Array.isArray(claim.careTeam) ? claim.careTeam : [];
  const servicingIndex = Math.max(
    0,
    careTeam.findIndex((member) =>
      listOf(member?.extension).some(
        (extension: Extension | undefined) =>
          extension?.url === PAS_EXTENSIONS.careTeamClaimScope && extension.valueBoolean === true,
      ),
    ),
  );
  const servicing = providerOf(bundle, careTeam[servicingIndex]?.provider);
  if (servicing.provider !== undefined) request.servicingProvider = servicing.provider;
  if (servicing.entry !== undefined) reading.echoed.servicing = servicing.entry;
  paths.servicingProvider = `${at}.careTeam[${servicingIndex}].provider`;

  const diagnoses = [...(Array.isArray(claim.diagnosis) ? claim.diagnosis : [])].sort(
    (a, b) => sequenceOf(a) - sequenceOf(b),
  );
  request.diagnoses = diagnoses.map((diagnosis) => {
    const code =
      codeIn(diagnosis?.diagnosisCodeableConcept, SYSTEMS.icd10cm) ??
      anyCode(diagnosis?.diagnosisCodeableConcept);
    const types = Array.isArray(diagnosis?.type) ? diagnosis.type : [];
    const primary = types.some((type) => codeIn(type, SYSTEMS.pasTempCodes) === 'principal');
    return { ...(code === undefined ? {} : { code }), ...(primary ? { primary: true } : {}) };
  });
  paths.diagnoses = `${at}.diagnosis`;
  diagnoses.forEach((diagnosis, index) => {
    const position = listOf(claim.diagnosis).indexOf(diagnosis);
    paths[`diagnoses[${index}]`] = `${at}.diagnosis[${position}].diagnosisCodeableConcept`;
    paths[`diagnoses[${index}].code`] = `${at}.diagnosis[${position}].diagnosisCodeableConcept`;
  });

  const supporting = Array.isArray(claim.supportingInfo) ? claim.supportingInfo : [];
  const eventIndex = supporting.findIndex(
    (info) => codeIn(info?.category, SYSTEMS.pasTempCodes) === 'patientEvent',
  );
  const event = eventIndex < 0 ? undefined : supporting[eventIndex];
  const starts = items
    .map((item) => item?.servicedPeriod?.start ?? item?.servicedDate)
    .filter(Boolean) as string[];
  const ends = items
    .map((item) => item?.servicedPeriod?.end ?? item?.servicedDate)
    .filter(Boolean) as string[];
  const start = event?.timingPeriod?.start ?? event?.timingDate ?? [...starts].sort()[0];
  const end = event?.timingPeriod?.end ?? event?.timingDate ?? [...ends].sort().at(-1);
  if (start !== undefined) request.serviceStartDate = start;
  if (end !== undefined) request.serviceEndDate = end;
  const eventPath = eventIndex < 0 ? `${at}.item` : `${at}.supportingInfo[${eventIndex}].timingPeriod`;
  paths.serviceStartDate = eventIndex < 0 ? eventPath : `${eventPath}.start`;
  paths.serviceEndDate = eventIndex < 0 ? eventPath : `${eventPath}.end`;

  request.serviceLines = items.map((item, index) => {
    const linePath = `${at}.item[${index}]`;
    paths[`serviceLines[${index}]`] = linePath;
    paths[`serviceLines[${index}].procedureCode`] = `${linePath}.productOrService`;
    paths[`serviceLines[${index}].units`] = `${linePath}.quantity.value`;
    paths[`serviceLines[${index}].serviceStartDate`] = `${linePath}.servicedPeriod.start`;
    paths[`serviceLines[${index}].serviceEndDate`] = `${linePath}.servicedPeriod.end`;
    paths[`serviceLines[${index}].modifiers`] = `${linePath}.modifier`;
    const line: Record<string, unknown> = {};
    const code =
      codeIn(item?.productOrService, SYSTEMS.cpt) ??
      codeIn(item?.productOrService, SYSTEMS.hcpcs) ??
      anyCode(item?.productOrService);
    if (code !== undefined) line.procedureCode = code;
    if (item?.quantity?.value !== undefined) line.units = item.quantity.value;
    const lineStart = item?.servicedPeriod?.start ?? item?.servicedDate;
    const lineEnd = item?.servicedPeriod?.end ?? item?.servicedDate;
    if (lineStart !== undefined) line.serviceStartDate = lineStart;
    if (lineEnd !== undefined) line.serviceEndDate = lineEnd;
    const modifiers = listOf(item?.modifier)
      .map((modifier) => anyCode(modifier))
      .filter(Boolean);
    if (modifiers.length > 0) line.modifiers = modifiers;
    return line;
  });
  paths.serviceLines = `${at}.item`;

  const notes = supporting
    .filter((info) => codeIn(info?.category, SYSTEMS.pasTempCodes) === 'freeFormMessage')
    .map((info) => info?.valueString)
    .filter((text): text is string => typeof text === 'string');
  if (notes.length > 0) request.notes = notes.join('\n');
  paths.notes = `${at}.supportingInfo`;

  reading.request = request;
  return reading;
}

/**
 * The FHIRPath of a portal field (a violation's `path`): the element it came from, or the nearest
 * element that holds it, or the Claim.
 *
 * @example
 * fhirPathOf('serviceLines[1].units', reading.paths); // 'Bundle.entry[0].resource.item[1].quantity.value'
 */
export function fhirPathOf(path: string, paths: Readonly<Record<string, string>>): string {
  let current = path.replace(/^\$\.?/, '');
  while (current !== '') {
    const found = paths[current];
    if (found !== undefined) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut <= 0 ? '' : current.slice(0, cut);
  }
  return 'Bundle.entry[0].resource';
}
