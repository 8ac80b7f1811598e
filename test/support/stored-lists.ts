/**
 * The stored lists of the mock (preauthorizations, referrals, admission notifications, messages,
 * documents): how a test or a benchmark makes one record of each through the API and fills a sandbox
 * with copies of it through the same indexes the handlers keep (core/record-index.ts). Used by
 * test/mock-server/list-indexes.test.ts and bench/search-page.ts.
 */
import { DOCUMENT_INDEX } from '../../mock-server/core/documents/store.ts';
import { ADMISSION_INDEX } from '../../mock-server/core/handlers/admission-notifications.ts';
import { MESSAGE_INDEX } from '../../mock-server/core/handlers/messages.ts';
import { type IndexSpec, indexRecord } from '../../mock-server/core/record-index.ts';
import { PREAUTHORIZATION_INDEX } from '../../mock-server/core/transactions/preauthorization-records.ts';
import { REFERRAL_INDEXES } from '../../mock-server/core/transactions/referral-index.ts';
import type { SandboxState } from '../../mock-server/core/types.ts';
import { SCENARIO_MEMBERS } from '../../mock-server/data/scenario-members.ts';
import { admissionBody, LOPEZ_A, referralBody } from '../contract/cases/transaction-fixtures.ts';
import { preauthorizationRequest } from '../sdk/support/targets.ts';

/** What a list needs of a portal: a call and its default sandbox. */
export interface ListPortal {
  call: (method: string, path: string, init?: { token?: string; json?: unknown }) => Promise<Response>;
  core: { sandbox: () => { state: SandboxState } | undefined };
}

export type AnyRecord = Record<string, unknown>;

export interface Listed {
  list: string;
  persona: string;
  /** The sandbox collection the records are kept in. */
  collection: string;
  specs: IndexSpec<AnyRecord>[];
  /** The list's path and query. */
  read: string;
  /** Makes one record through the API. */
  create: (portal: ListPortal, token: string) => Promise<Response>;
  /** The id of a row of the list's answer. */
  rowId: (row: AnyRecord) => string;
}

export const MESSAGE = {
  topic: 'general',
  senderNpi: LOPEZ_A.npi,
  category: 'provider_data',
  subcategory: 'demographic_update',
  priority: 'medium',
  content: 'Please update our suite number.',
  contactName: 'Dana Whitfield',
  contactPhone: '(860) 555-0142',
};

export const LISTS: Listed[] = [
  {
    list: 'preauthorizations',
    persona: 'clinical.a',
    collection: 'preauthorizations',
    specs: [PREAUTHORIZATION_INDEX as never],
    read: '/api/v1/preauthorizations?pageSize=25',
    create: (portal, token) =>
      portal.call('POST', '/api/v1/preauthorizations', { token, json: preauthorizationRequest() }),
    rowId: (row) => row.referenceId as string,
  },
  {
    list: 'referrals',
    persona: 'clinical.a',
    collection: 'referrals',
    specs: Object.values(REFERRAL_INDEXES) as never,
    read: '/api/v1/referrals?from=2026-01-01&to=2026-12-31&pageSize=25',
    create: (portal, token) => portal.call('POST', '/api/v1/referrals', { token, json: referralBody() }),
    rowId: (row) => row.trackingNumber as string,
  },
  {
    list: 'admission notifications',
    persona: 'clinical.a',
    collection: 'admission-notifications',
    specs: [ADMISSION_INDEX as never],
    read: '/api/v1/admission-notifications?pageSize=25',
    create: (portal, token) =>
      portal.call('POST', '/api/v1/admission-notifications', { token, json: admissionBody() }),
    rowId: (row) => row.trackingNumber as string,
  },
  {
    list: 'messages',
    persona: 'admin.a',
    collection: 'messages',
    specs: [MESSAGE_INDEX as never],
    read: '/api/v1/messages?pageSize=25',
    create: (portal, token) => portal.call('POST', '/api/v1/messages', { token, json: MESSAGE }),
    rowId: (row) => row.messageId as string,
  },
  {
    list: 'documents',
    persona: 'billing.a',
    collection: 'documents',
    specs: [DOCUMENT_INDEX as never],
    read: '/api/v1/documents?pageSize=25',
    create: (portal, token) =>
      portal.call('POST', '/api/v1/claim-exports', {
        token,
        json: { from: '2026-08-26', to: '2026-11-23', memberId: SCENARIO_MEMBERS.claimsWithRemittance },
      }),
    rowId: (row) => row.documentId as string,
  },
];

/**
 * Adds `count` copies of the record the test made, each a millisecond later, through the same indexes;
 * answers the name of the field the lists are ordered by.
 */
export function storeCopies(
  portal: ListPortal,
  listed: Listed,
  count: number,
  wrap: (copy: AnyRecord, id: string) => AnyRecord = (copy) => copy,
): string {
  const state = portal.core.sandbox()?.state;
  if (state === undefined) throw new Error('no sandbox');
  const records = state.records.get(listed.collection) as Map<string, AnyRecord>;
  // The record the test just made through the API (the last one kept).
  const template = [...records.values()].at(-1);
  if (template === undefined) throw new Error(`nothing created in ${listed.collection}`);
  const spec = listed.specs[0] as IndexSpec<AnyRecord>;
  const idField = Object.keys(template).find((key) => template[key] === spec.idOf(template)) as string;
  const timeField = Object.keys(template).find((key) => template[key] === spec.timeOf(template)) as string;
  for (let i = 1; i <= count; i++) {
    const id = `${String(spec.idOf(template)).split('-')[0]}-X${String(i).padStart(7, '0')}`;
    const copy = wrap({ ...template, [idField]: id, [timeField]: spec.timeOf(template) + i }, id);
    records.set(id, copy);
    for (const each of listed.specs) indexRecord(state, each, copy);
  }
  return timeField;
}
