/**
 * What a PAS request Bundle and a PAS inquiry Bundle share before their Claims differ: a `collection`
 * with an identifier and a timestamp, every entry a resource with a full URL, and the Claim first
 * (PAS invariant ClaimFirst). Both readers (pas-request.ts, pas-inquiry.ts) start here, so a broken
 * frame is named the same way whichever operation it was sent to.
 */
import type {
  Bundle,
  Claim,
  CodeableConcept,
  Coverage,
  Identifier,
  Organization,
  Patient,
  Reference,
} from '@medplum/fhirtypes';
import { isRecord } from '../rules/zod-issues.ts';
import { resolveReference } from './bundle-references.ts';
import type { FhirIssue } from './issues.ts';
import type { PasEntry } from './pas-response.ts';
import { providerReferenceOf } from './provider-organization.ts';
import { PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';

/** What {@link readClaimBundle} finds: the Claim when the frame holds one, and what is wrong. */
export interface ClaimBundleFrame {
  bundle?: Bundle;
  claim?: Claim;
  /** The Claim entry's full URL. */
  claimFullUrl?: string;
  transactionIdentifier?: Bundle['identifier'];
  issues: FhirIssue[];
}

/**
 * A list element of a Bundle another client sent, as an array: anything else (absent, an object, a
 * string) is no list, so that a reader never throws on it.
 *
 * @example
 * listOf(claim.insurance).find((insurance) => insurance?.focal === true);
 */
export function listOf<T>(value: readonly T[] | undefined): readonly (T | undefined)[] {
  return Array.isArray(value) ? value : [];
}

/** A FHIR `uri` as a reference target: some characters, none of them whitespace. */
const URI = /^\S+$/;

/**
 * An identifier as the response may repeat it: its `system` (a URI) and `value` (text), nothing
 * else of what the client sent; undefined without a value.
 *
 * @example
 * identifierOf({ system: 'urn:trnorg:1060646668', value: 'TX-0001', period: 5 }); // { system, value }
 */
export function identifierOf(value: unknown): Identifier | undefined {
  if (!isRecord(value) || typeof value.value !== 'string' || value.value.trim() === '') return undefined;
  return {
    ...(typeof value.system === 'string' && URI.test(value.system) ? { system: value.system } : {}),
    value: value.value,
  };
}

/**
 * The code of a concept in one system.
 *
 * @example
 * codeIn({ coding: [{ system: SYSTEMS.icd10cm, code: 'M54.5' }] }, SYSTEMS.icd10cm); // 'M54.5'
 */
export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  const codings = Array.isArray(concept?.coding) ? concept.coding : [];
  const code = codings.find((c) => c?.system === system)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The first code of a concept, whatever its system.
 *
 * @example
 * anyCode({ coding: [{ code: '97110' }] }); // '97110'
 */
export function anyCode(concept: CodeableConcept | undefined): string | undefined {
  const codings = Array.isArray(concept?.coding) ? concept.coding : [];
  const code = codings.find((c) => typeof c?.code === 'string')?.code;
  return code;
}

/**
 * The member ID of a PAS Beneficiary (identifier of type MB or in the portal's system), else of the
 * Coverage (its member identifier or `subscriberId`).
 *
 * @example
 * memberIdOf(patient, coverage); // 'K5500648899'
 */
export function memberIdOf(patient: Patient | undefined, coverage: Coverage | undefined): string | undefined {
  const identifiers = [...listOf(patient?.identifier), ...listOf(coverage?.identifier)];
  const member =
    identifiers.find((identifier) => identifier?.system === PORTAL_SYSTEMS.memberId) ??
    identifiers.find((identifier) => codeIn(identifier?.type, SYSTEMS.identifierType) === 'MB');
  const value = member?.value ?? coverage?.subscriberId;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The entry at an index, when it has a full URL (the only kind a response can reference).
 *
 * @example
 * entryAt(bundle, 1)?.fullUrl; // 'urn:uuid:…'
 */
export function entryAt(bundle: Bundle, index: number | undefined): PasEntry | undefined {
  const entry = index === undefined ? undefined : bundle.entry?.[index];
  return typeof entry?.fullUrl === 'string' ? (entry as PasEntry) : undefined;
}

/**
 * The provider an Organization reference of the Bundle names (the portal's provider reference, with
 * what it lacks left out), and its entry when it has a full URL.
 *
 * @example
 * providerOf(bundle, claim.provider).provider?.taxId; // '060646668'
 */
export function providerOf(
  bundle: Bundle,
  reference: Reference | undefined,
): { entry?: PasEntry; provider?: Record<string, unknown> } {
  const found = resolveReference<Organization>(bundle, reference, 'Organization');
  if (found === undefined) return {};
  const entry = entryAt(bundle, found.index);
  return { ...(entry === undefined ? {} : { entry }), provider: providerReferenceOf(found.resource) };
}

/** A value of another client's Bundle in a sentence, without calling anything it holds (`toString`). */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null)
    return `${value}`;
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * Checks the frame of a PAS Bundle whose first entry is a Claim (`title` names the profile in the
 * issues: "PAS Request Bundle", "PAS Inquiry Request Bundle"). Never throws.
 *
 * @example
 * const { claim, issues } = readClaimBundle(body, 'PAS Inquiry Request Bundle');
 */
export function readClaimBundle(input: unknown, title: string): ClaimBundleFrame {
  const issues: FhirIssue[] = [];
  const frame: ClaimBundleFrame = { issues };
  if (!isRecord(input) || input.resourceType !== 'Bundle') {
    issues.push({ code: 'structure', expression: 'Bundle', diagnostics: 'The body is not a FHIR Bundle.' });
    return frame;
  }
  const bundle = input as unknown as Bundle;
  frame.bundle = bundle;
  if (bundle.type !== 'collection') {
    issues.push({
      code: 'value',
      expression: 'Bundle.type',
      diagnostics: `A ${title} is a collection (${title}: type = collection), not ${shown(bundle.type)}.`,
    });
  }
  const transaction = identifierOf(bundle.identifier);
  if (transaction === undefined) {
    issues.push({
      code: 'required',
      expression: 'Bundle.identifier',
      diagnostics: `A ${title} names its transaction (${title}: identifier 1..1, with a value).`,
    });
  } else frame.transactionIdentifier = transaction;
  if (typeof bundle.timestamp !== 'string') {
    issues.push({
      code: 'required',
      expression: 'Bundle.timestamp',
      diagnostics: `A ${title} has a timestamp (${title}: timestamp 1..1).`,
    });
  }
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  entries.forEach((entry, index) => {
    if (!isRecord(entry) || !isRecord(entry.resource)) {
      issues.push({
        code: 'required',
        expression: `Bundle.entry[${index}].resource`,
        diagnostics: `Every entry holds a resource (${title}: entry.resource 1..1).`,
      });
    } else if (typeof entry.fullUrl !== 'string' || !URI.test(entry.fullUrl)) {
      issues.push({
        code: 'required',
        expression: `Bundle.entry[${index}].fullUrl`,
        diagnostics: `Every entry has a fullUrl, a URI without spaces (${title}: entry.fullUrl 1..1).`,
      });
    }
  });
  const first = entries[0]?.resource;
  if (!isRecord(first) || first.resourceType !== 'Claim') {
    issues.push({
      code: 'invariant',
      expression: 'Bundle.entry[0].resource',
      diagnostics: 'The PAS Claim is the first entry of the Bundle (PAS invariant ClaimFirst).',
    });
    return frame;
  }
  frame.claim = first as Claim;
  if (typeof entries[0]?.fullUrl === 'string') frame.claimFullUrl = entries[0].fullUrl;
  if (frame.claim.use !== 'preauthorization') {
    issues.push({
      code: 'value',
      expression: 'Bundle.entry[0].resource.use',
      diagnostics: `A PAS Claim asks about a preauthorization (PAS Claim Base: use = preauthorization), not ${shown(frame.claim.use)}.`,
    });
  }
  if (entries.filter((entry) => entry?.resource?.resourceType === 'Claim').length > 1) {
    issues.push({
      code: 'not-supported',
      expression: 'Bundle.entry',
      diagnostics: `One Claim per ${title}: updates (a second Claim, PAS Claim Update) are not supported here.`,
    });
  }
  return frame;
}
