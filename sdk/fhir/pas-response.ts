/**
 * A portal preauthorization as a PAS ClaimResponse (PAS 2.2.1 "PAS Claim Response" in a "PAS Response
 * Bundle" for `$submit`, "PAS Claim Inquiry Response" in a "PAS Inquiry Response Bundle" for
 * `$inquire`), and back: `readPasResponse` turns a ClaimResponse into the portal's status and
 * decision, so that an app moving from the portal's API to the FHIR one keeps its screens.
 *
 * Every service line is an item with the review action extension and its X12 306 code (A1 certified
 * in total, A6 modified, A3 not certified, A4 pended), the portal's own status beside it as the
 * adjudication reason, and, when denied, the coded denial reason.
 */
import type {
  Bundle,
  BundleEntry,
  ClaimResponse,
  ClaimResponseItem,
  Extension,
  Identifier,
} from '@medplum/fhirtypes';
import type { components } from '../generated/portal.ts';
import { calendarDayAt } from '../rules/clock.ts';
import {
  claimTypeOf,
  concept,
  type PreauthorizationStatus,
  REVIEW_ACTIONS,
  type ReviewActionCode,
  reviewActionOf,
} from './codes.ts';
import { insurerOfPlan } from './insurers.ts';
import { organizationOfProvider } from './provider-organization.ts';
import { PAS_EXTENSIONS, PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';

type Schemas = components['schemas'];
export type Preauthorization = Schemas['Preauthorization'];

/** An entry with its full URL (what a response references). */
export type PasEntry = BundleEntry & { fullUrl: string };

/** How {@link toPasResponseBundle} places the ClaimResponse. */
export interface PasResponseContext {
  /** `response` ($submit: PAS Response Bundle) or `inquiry` ($inquire: PAS Inquiry Response Bundle). */
  kind: 'response' | 'inquiry';
  /** The FHIR base URL the derived resources' full URLs are under (`http://host/fhir/r4`). */
  baseUrl: string;
  /** When the response is made (the portal's clock): `Bundle.timestamp`, `ClaimResponse.created`. */
  timestamp: string;
  /** The request Bundle's identifier, echoed (PAS Response Bundle: identifier 1..1). */
  transactionIdentifier?: Identifier;
  /**
   * The submitted Claim (its full URL and identifiers), when the request came as one: what
   * `readPasRequestBundle(...).claim` gives, as it gives it.
   */
  claim?: { fullUrl?: string; identifier?: Identifier[] | undefined };
  /**
   * Entries of the request to echo with their full URLs (PAS: "the same fullUrl and resource
   * identifiers are used in the response as appeared in the request"); the others are derived.
   */
  echoed?: { patient?: PasEntry; insurer?: PasEntry; requestor?: PasEntry; servicing?: PasEntry };
  /** The Patient of the member when nothing is echoed (derived from the portal's data). */
  patient?: PasEntry;
}

function reviewAction(action: ReviewActionCode, preauthorization: Preauthorization): Extension {
  const parts: Extension[] = [
    {
      url: PAS_EXTENSIONS.reviewActionCode,
      valueCodeableConcept: concept(SYSTEMS.x12ReviewAction, action, REVIEW_ACTIONS[action]),
    },
  ];
  if (action === 'A1' || action === 'A6')
    parts.push({ url: 'number', valueString: preauthorization.referenceId });
  const denial = preauthorization.decision?.denialReason;
  if (action === 'A3' && denial !== undefined) {
    parts.push({
      url: 'reasonCode',
      valueCodeableConcept: {
        ...concept(PORTAL_SYSTEMS.denialReason, denial.code),
        text: denial.description,
      },
    });
  }
  return { url: PAS_EXTENSIONS.reviewAction, extension: parts };
}

function dispositionOf(preauthorization: Preauthorization): string {
  switch (preauthorization.status) {
    case 'approved':
      return `Approved: ${preauthorization.referenceId}.`;
    case 'denied':
      return `Denied${preauthorization.decision?.denialReason === undefined ? '' : `: ${preauthorization.decision.denialReason.description}`}`;
    case 'more_information_needed':
      return `Pended: more information is needed (answer the questionnaire of ${preauthorization.referenceId} in the portal) by ${preauthorization.decisionDueBy}.`;
    default:
      return `Pended: under review, a decision is due by ${preauthorization.decisionDueBy}.`;
  }
}

/**
 * The PAS ClaimResponse of a portal preauthorization, in its response Bundle: the ClaimResponse
 * first (PAS invariant ClaimResponseFirst), then every resource it references (the Patient, the
 * insurer, the requesting and the servicing provider).
 *
 * @example
 * const bundle = toPasResponseBundle(preauthorization, { kind: 'inquiry', baseUrl, timestamp });
 */
export function toPasResponseBundle(preauthorization: Preauthorization, context: PasResponseContext): Bundle {
  const base = context.baseUrl.replace(/\/+$/, '');
  const echoed = context.echoed ?? {};
  const insurer: PasEntry = echoed.insurer ?? {
    fullUrl: `${base}/Organization/${preauthorization.healthPlan}`,
    resource: insurerOfPlan(preauthorization.healthPlan),
  };
  const requestorId = `prov-${preauthorization.requestingProvider.taxId}-${preauthorization.requestingProvider.npi}`;
  const servicingId = `prov-${preauthorization.servicingProvider.taxId}-${preauthorization.servicingProvider.npi}`;
  const requestor: PasEntry = echoed.requestor ?? {
    fullUrl: `${base}/Organization/${requestorId}`,
    resource: organizationOfProvider(preauthorization.requestingProvider, requestorId),
  };
  const sameProvider = servicingId === requestorId;
  const servicing: PasEntry = sameProvider
    ? requestor
    : (echoed.servicing ?? {
        fullUrl: `${base}/Organization/${servicingId}`,
        resource: organizationOfProvider(preauthorization.servicingProvider, servicingId),
      });
  const patient = echoed.patient ?? context.patient;
  if (patient?.fullUrl === undefined)
    throw new TypeError('toPasResponseBundle: the Patient entry (with its fullUrl) is needed.');
  const decidedOn =
    preauthorization.decision === undefined ? undefined : calendarDayAt(preauthorization.decision.decidedAt);
  const items: ClaimResponseItem[] = preauthorization.serviceLines.map((line) => {
    const action = reviewActionOf(preauthorization.status, line);
    const certified = action === 'A1' || action === 'A6';
    const extension: Extension[] = [
      {
        url: PAS_EXTENSIONS.itemAuthorizedProvider,
        extension: [
          { url: 'provider', valueReference: { reference: servicing.fullUrl } },
          {
            url: PAS_EXTENSIONS.authorizedProviderType,
            valueCodeableConcept: concept(SYSTEMS.x12EntityIdentifier, 'SJ', 'Service Provider'),
          },
        ],
      },
      {
        url: PAS_EXTENSIONS.itemRequestedServiceDate,
        valuePeriod: { start: line.serviceStartDate, end: line.serviceEndDate },
      },
    ];
    if (certified && decidedOn !== undefined) {
      extension.push({ url: PAS_EXTENSIONS.itemPreAuthIssueDate, valueDate: decidedOn });
      extension.push({
        url: PAS_EXTENSIONS.itemPreAuthPeriod,
        valuePeriod: { start: line.serviceStartDate, end: line.serviceEndDate },
      });
    }
    if (line.approvedUnits !== undefined) {
      extension.push({
        url: PAS_EXTENSIONS.itemAuthorizedDetail,
        extension: [{ url: 'quantity', valueQuantity: { value: line.approvedUnits } }],
      });
    }
    return {
      extension,
      itemSequence: line.lineNumber,
      adjudication: [
        {
          extension: [reviewAction(action, preauthorization)],
          category: concept(SYSTEMS.adjudication, 'submitted'),
          reason: concept(PORTAL_SYSTEMS.status, preauthorization.status),
          ...(line.approvedUnits === undefined ? {} : { value: line.approvedUnits }),
        },
      ],
    };
  });
  const claimResponse: ClaimResponse = {
    resourceType: 'ClaimResponse',
    id: preauthorization.referenceId,
    meta: {
      profile: [context.kind === 'inquiry' ? PAS_PROFILES.claimInquiryResponse : PAS_PROFILES.claimResponse],
    },
    identifier: [{ system: PORTAL_SYSTEMS.preauthorizationReference, value: preauthorization.referenceId }],
    status: 'active',
    type: concept(SYSTEMS.claimType, claimTypeOf(preauthorization.serviceType)),
    use: 'preauthorization',
    patient: { reference: patient.fullUrl },
    created: context.timestamp,
    insurer: { reference: insurer.fullUrl },
    requestor: { reference: requestor.fullUrl },
    request:
      context.claim?.fullUrl !== undefined
        ? {
            reference: context.claim.fullUrl,
            ...(context.claim.identifier?.[0] === undefined
              ? {}
              : { identifier: context.claim.identifier[0] }),
          }
        : {
            identifier: {
              system: PORTAL_SYSTEMS.preauthorizationReference,
              value: preauthorization.referenceId,
            },
          },
    outcome: 'complete',
    disposition: dispositionOf(preauthorization),
    preAuthRef: preauthorization.referenceId,
    ...(preauthorization.status === 'approved'
      ? { preAuthPeriod: { start: preauthorization.serviceStartDate, end: preauthorization.serviceEndDate } }
      : {}),
    item: items,
    ...(preauthorization.status === 'more_information_needed'
      ? {
          processNote: [
            {
              number: 1,
              type: 'display',
              text: `More information is needed: answer the questionnaire of ${preauthorization.referenceId} (answerPreauthorizationQuestionnaire) or attach documents.`,
            },
          ],
        }
      : {}),
  };
  // A PAS Response Bundle has identifier 1..1 (the submitted transaction's, echoed): without the
  // request Bundle's, the Claim's own identifier stands in, else the portal's reference number. An
  // Inquiry Response Bundle has none of its own to echo.
  const identifier =
    context.transactionIdentifier ??
    (context.kind === 'response'
      ? (context.claim?.identifier?.[0] ?? {
          system: PORTAL_SYSTEMS.preauthorizationReference,
          value: preauthorization.referenceId,
        })
      : undefined);
  const entries: BundleEntry[] = [
    { fullUrl: `${base}/ClaimResponse/${preauthorization.referenceId}`, resource: claimResponse },
    patient,
    insurer,
    requestor,
    ...(servicing === requestor ? [] : [servicing]),
  ];
  return {
    resourceType: 'Bundle',
    meta: {
      profile: [
        context.kind === 'inquiry' ? PAS_PROFILES.inquiryResponseBundle : PAS_PROFILES.responseBundle,
      ],
    },
    ...(identifier === undefined ? {} : { identifier }),
    type: 'collection',
    timestamp: context.timestamp,
    entry: entries,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading a ClaimResponse

/** One service line of a read ClaimResponse. */
export interface PasLineDecision {
  lineNumber: number;
  /** The X12 306 review action code (A1, A3, A4, A6, or another the payer sent). */
  reviewAction: string | undefined;
  /** Units approved, when the payer said. */
  approvedUnits?: number;
  /** The item's authorization number (review action `number`). */
  authorizationNumber?: string;
}

/** The portal's view of a PAS ClaimResponse ({@link readPasResponse}). */
export interface PasDecision {
  /** The portal's reference ID (PA-…): `ClaimResponse.preAuthRef`, or its identifier. */
  referenceId: string | undefined;
  /** The portal's status: from the portal's own code when present, else from the X12 review actions. */
  status: PreauthorizationStatus;
  /** The decision, once there is one. */
  decision?: {
    status: 'approved' | 'denied';
    /** The day it was issued (`itemPreAuthIssueDate`), when the ClaimResponse says. */
    decidedOn?: string;
    denialReason?: { code: string; description?: string };
  };
  /** The authorized period, when approved. */
  authorizedPeriod?: { start?: string; end?: string };
  /** The payer's sentence on the outcome (`ClaimResponse.disposition`). */
  disposition?: string;
  serviceLines: PasLineDecision[];
}

function subExtension(extension: Extension | undefined, url: string): Extension | undefined {
  return extension?.extension?.find((part) => part?.url === url);
}

const PORTAL_STATUSES: ReadonlySet<string> = new Set([
  'approved',
  'pended',
  'more_information_needed',
  'denied',
]);

function claimResponseOf(input: Bundle | ClaimResponse): ClaimResponse | undefined {
  if (input?.resourceType === 'ClaimResponse') return input;
  if (input?.resourceType !== 'Bundle') return undefined;
  const found = (input.entry ?? []).find((entry) => entry?.resource?.resourceType === 'ClaimResponse');
  return found?.resource as ClaimResponse | undefined;
}

/**
 * The portal's status and decision of a PAS ClaimResponse (or of the response Bundle holding it): a
 * request whose lines are pended (A4) is `pended`, one whose lines are all not certified (A3) is
 * `denied`, one certified in total or modified (A1, A6) is `approved`. When the ClaimResponse carries
 * the portal's own status (this mock's do), that status is exact (`more_information_needed` too).
 *
 * @example
 * const { status, decision } = readPasResponse(await portal.fhir.submitPriorAuthorization(bundle));
 */
export function readPasResponse(input: Bundle | ClaimResponse): PasDecision {
  const response = claimResponseOf(input);
  if (response === undefined) throw new TypeError('readPasResponse: no ClaimResponse in the given resource.');
  const serviceLines: PasLineDecision[] = [];
  let ownStatus: string | undefined;
  let denialReason: { code: string; description?: string } | undefined;
  let decidedOn: string | undefined;
  for (const item of response.item ?? []) {
    const adjudication = item.adjudication?.[0];
    const action = adjudication?.extension?.find(
      (extension) => extension?.url === PAS_EXTENSIONS.reviewAction,
    );
    const actionCode = subExtension(
      action,
      PAS_EXTENSIONS.reviewActionCode,
    )?.valueCodeableConcept?.coding?.find((coding) => coding?.system === SYSTEMS.x12ReviewAction)?.code;
    const reason = subExtension(action, 'reasonCode')?.valueCodeableConcept;
    const reasonCode = reason?.coding?.[0]?.code;
    if (reasonCode !== undefined && denialReason === undefined) {
      denialReason = {
        code: reasonCode,
        ...(reason?.text === undefined ? {} : { description: reason.text }),
      };
    }
    ownStatus ??= adjudication?.reason?.coding?.find(
      (coding) => coding?.system === PORTAL_SYSTEMS.status,
    )?.code;
    decidedOn ??= item.extension?.find(
      (extension) => extension?.url === PAS_EXTENSIONS.itemPreAuthIssueDate,
    )?.valueDate;
    const detail = item.extension?.find(
      (extension) => extension?.url === PAS_EXTENSIONS.itemAuthorizedDetail,
    );
    const approved = subExtension(detail, 'quantity')?.valueQuantity?.value ?? adjudication?.value;
    const number = subExtension(action, 'number')?.valueString;
    serviceLines.push({
      lineNumber: item.itemSequence,
      reviewAction: actionCode,
      ...(approved === undefined ? {} : { approvedUnits: approved }),
      ...(number === undefined ? {} : { authorizationNumber: number }),
    });
  }
  const actions = serviceLines.map((line) => line.reviewAction);
  const status: PreauthorizationStatus =
    ownStatus !== undefined && PORTAL_STATUSES.has(ownStatus)
      ? (ownStatus as PreauthorizationStatus)
      : actions.length === 0 || actions.some((action) => action === 'A4' || action === undefined)
        ? 'pended'
        : actions.every((action) => action === 'A3')
          ? 'denied'
          : 'approved';
  const referenceId =
    response.preAuthRef ??
    response.identifier?.find((identifier) => identifier?.system === PORTAL_SYSTEMS.preauthorizationReference)
      ?.value;
  const decision: PasDecision['decision'] =
    status === 'approved' || status === 'denied'
      ? {
          status,
          ...(decidedOn === undefined ? {} : { decidedOn }),
          ...(status === 'denied' && denialReason !== undefined ? { denialReason } : {}),
        }
      : undefined;
  return {
    referenceId,
    status,
    ...(decision === undefined ? {} : { decision }),
    ...(response.preAuthPeriod === undefined
      ? {}
      : {
          authorizedPeriod: {
            ...(response.preAuthPeriod.start === undefined ? {} : { start: response.preAuthPeriod.start }),
            ...(response.preAuthPeriod.end === undefined ? {} : { end: response.preAuthPeriod.end }),
          },
        }),
    ...(response.disposition === undefined ? {} : { disposition: response.disposition }),
    serviceLines,
  };
}
