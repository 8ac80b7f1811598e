/**
 * What the transaction contract cases (preauthorizations, referrals, admission notifications,
 * messages) share: the documented providers and scenario members, a known "today", request bodies,
 * and set-up calls that create the transaction a case then reads or changes.
 */
import { SCENARIO_MEMBERS } from '../../../mock-server/data/scenario-members.ts';
import {
  HARTFORD_GROUP_A,
  LOPEZ_A,
  PATEL,
  RIVERA_B,
  TAX_ID_A,
  TAX_ID_B,
} from '../../support/documented-providers.ts';
import type { ContractApi } from './types.ts';

export { HARTFORD_GROUP_A, LOPEZ_A, PATEL, RIVERA_B, TAX_ID_A, TAX_ID_B };

/** Monday 2026-11-23, 09:00 in New York: the day the boundary cases count from. */
export const TODAY = '2026-11-23T14:00:00Z';

export const MEMBERS = SCENARIO_MEMBERS;

/**
 * A generated member of both Tax IDs (seed 42: active Commercial POS, open coverage since 2023-12-01):
 * a member of one Tax ID only is MEMBER_NOT_FOUND to the other, so the cases of acting for another
 * Tax ID's provider name this one.
 */
export const SHARED_MEMBER = 'K6000000019';

/**
 * Sets the sandbox clock to {@link TODAY} and answers a fresh session token for the persona (a
 * session started before the clock moved may have ended).
 *
 * @example
 * const token = await onToday(api, 'clinical.a');
 */
export async function onToday(api: ContractApi, username: string): Promise<string> {
  const answer = await api.admin('PUT', '/clock', { now: TODAY });
  if (answer.status !== 200) throw new Error(`PUT /__admin/clock answered ${answer.status}`);
  return api.tokenFor(username);
}

/** Moves the sandbox clock and answers a fresh token (sessions end after 15 idle minutes). */
export async function advance(
  api: ContractApi,
  username: string,
  amount: Record<string, number>,
): Promise<string> {
  const answer = await api.admin('POST', '/clock/advance', amount);
  if (answer.status !== 200) throw new Error(`POST /__admin/clock/advance answered ${answer.status}`);
  return api.tokenFor(username);
}

/** The JSON body of a set-up call, which must have the expected status. */
export async function expectJson(response: Response, status: number): Promise<any> {
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`Set-up call answered ${response.status}, not ${status}: ${text}`);
  return JSON.parse(text);
}

/** A preauthorization request of Lopez (Tax ID A) to Patel for the active commercial member. */
export function preauthorizationBody(overrides: Record<string, unknown> = {}) {
  return {
    memberId: MEMBERS.activeCommercial,
    urgency: 'standard',
    serviceType: 'physical_therapy',
    requestingProvider: LOPEZ_A,
    servicingProvider: PATEL,
    diagnoses: [{ code: 'M54.50', primary: true }, { code: 'M62.81' }],
    serviceStartDate: '2026-12-01',
    serviceEndDate: '2027-02-26',
    serviceLines: [
      {
        procedureCode: '97110',
        units: 24,
        serviceStartDate: '2026-12-01',
        serviceEndDate: '2027-02-26',
        modifiers: ['GP'],
      },
    ],
    notes: 'Low back pain after lifting injury; 6 weeks of home exercise without improvement.',
    ...overrides,
  };
}

/** Creates a preauthorization as the persona (with a `Prefer` header) and answers its receipt. */
export async function createPreauthorization(
  api: ContractApi,
  token: string,
  prefer = 'outcome=pended',
  overrides: Record<string, unknown> = {},
): Promise<any> {
  const response = await api.call('POST', '/preauthorizations', {
    token,
    json: preauthorizationBody(overrides),
    headers: { Prefer: prefer },
  });
  return expectJson(response, 201);
}

/** The answers to the physical therapy questionnaire QNR-PT-0042. */
export const THERAPY_ANSWERS = {
  questionnaireId: 'QNR-PT-0042',
  answers: [
    { questionId: 'Q1', selected: true },
    { questionId: 'Q2', selected: true },
    { questionId: 'Q3', details: 'Restore lifting to 20 lb; 12 weeks, 2 visits a week.' },
  ],
};

/** A referral from Lopez (Tax ID A) to Patel. */
export function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    memberId: MEMBERS.activeCommercial,
    referringProvider: LOPEZ_A,
    specialist: PATEL,
    startDate: '2026-11-16',
    visits: 6,
    diagnoses: [{ code: 'M17.11', primary: true }],
    reason: 'Right knee osteoarthritis; evaluation for injection.',
    ...overrides,
  };
}

/** An emergent inpatient admission at the Hartford group with Lopez attending. */
export function admissionBody(overrides: Record<string, unknown> = {}) {
  return {
    memberId: MEMBERS.activeCommercial,
    admissionType: 'emergent_inpatient',
    admissionDate: '2026-11-22',
    facility: HARTFORD_GROUP_A,
    attendingProvider: LOPEZ_A,
    diagnoses: [{ code: 'J45.52', primary: true }, { code: 'J96.01' }],
    ...overrides,
  };
}

/** Creates an admission notification as the persona and answers it. */
export async function createAdmission(api: ContractApi, token: string, prefer?: string): Promise<any> {
  const response = await api.call('POST', '/admission-notifications', {
    token,
    json: admissionBody(),
    ...(prefer === undefined ? {} : { headers: { Prefer: prefer } }),
  });
  return expectJson(response, 201);
}

/** The answers to the emergent inpatient concurrent-review questions QNR-CR-0007. */
export const CONCURRENT_REVIEW_ANSWERS = {
  questionnaireId: 'QNR-CR-0007',
  answers: [
    { questionId: 'Q1', selected: true },
    { questionId: 'Q2', selected: true },
    { questionId: 'Q3', details: 'IV methylprednisolone and nebulized albuterol; expected stay 3 days.' },
  ],
};

/** A message of Lopez (Tax ID A) about a general topic. */
export function messageBody(overrides: Record<string, unknown> = {}) {
  return {
    topic: 'general',
    senderNpi: LOPEZ_A.npi,
    category: 'provider_data',
    subcategory: 'demographic_update',
    priority: 'low',
    content: 'Our Hartford office will open on Saturdays from 2027-01-09. How do we update the office hours?',
    contactName: 'Dana Whitfield',
    contactPhone: '+1 860 555 0142',
    ...overrides,
  };
}

/** Sends a message as the persona and answers its receipt. */
export async function createMessage(api: ContractApi, token: string): Promise<any> {
  return expectJson(await api.call('POST', '/messages', { token, json: messageBody() }), 201);
}

/** A form with files under `files`: [name, content, type] each. */
export function filesForm(...files: [string, string | Uint8Array, string][]): FormData {
  const form = new FormData();
  for (const [name, content, type] of files) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    form.append('files', new File([new Uint8Array(bytes)], name, { type }));
  }
  return form;
}

/** A small PDF's bytes. */
export const PDF = '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n';

/** One PDF file. */
export function onePdf(name = 'office-notes.pdf'): FormData {
  return filesForm([name, PDF, 'application/pdf']);
}

/** Six PDF files: one too many for a batch (TOO_MANY_ATTACHMENTS). */
export function sixPdfs(): FormData {
  return filesForm(
    ...[1, 2, 3, 4, 5, 6].map((n): [string, string, string] => [`page-${n}.pdf`, PDF, 'application/pdf']),
  );
}

/** A Windows executable named setup.exe (ATTACHMENT_TYPE_NOT_ALLOWED). */
export function executable(): FormData {
  return filesForm([
    'setup.exe',
    new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
    'application/octet-stream',
  ]);
}
