/**
 * Shared set-up of the transaction behaviour tests (transactions-*.test.ts): a mock portal core
 * called in-process, persona sessions, the clock, and members and providers found in the data.
 */
import { createPortalCore, type PortalCore } from '../../mock-server/core/portal.ts';
import type { MemberRecord } from '../../mock-server/data/portal-data.ts';
import {
  HARTFORD_GROUP_A,
  LOPEZ_A,
  PATEL,
  RIVERA_B,
  TAX_ID_A,
  TAX_ID_B,
} from '../support/documented-providers.ts';

export { HARTFORD_GROUP_A, LOPEZ_A, PATEL, RIVERA_B, TAX_ID_A, TAX_ID_B };

/** Monday 2026-11-23, 09:00 in New York. */
export const START = '2026-11-23T14:00:00Z';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export interface CallInit {
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  token?: string;
}

/** A portal core for one test, with helpers. */
export interface TestPortal {
  core: PortalCore;
  call(method: string, path: string, init?: CallInit): Promise<Answer>;
  /** A fresh session token for a persona (POST /__admin/sessions). */
  token(username: string): Promise<string>;
  /** Moves the clock (POST /__admin/clock/advance). Sessions idle 15 minutes end: ask new tokens after. */
  advance(amount: { hours?: number; minutes?: number; seconds?: number; days?: number }): Promise<void>;
  setClock(now: string): Promise<void>;
  /** The first generated member matching a predicate. */
  member(predicate: (member: MemberRecord) => boolean): MemberRecord;
}

/**
 * Opens a mock portal core (seed 42 unless told otherwise, the clock at {@link START}).
 *
 * @example
 * const portal = openPortal();
 * const token = await portal.token('clinical.a');
 */
export function openPortal(options: { seed?: number; clock?: string } = {}): TestPortal {
  const core = createPortalCore({ seed: options.seed ?? 42, clock: options.clock ?? START, members: 5000 });
  const call = async (method: string, path: string, init: CallInit = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form !== undefined) {
      body = init.form;
    }
    const request = new Request(`http://mock.test${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const response = await core.handle(request);
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : JSON.parse(text),
      headers: response.headers,
    };
  };
  const data = core.sandbox()?.data;
  if (data === undefined) throw new Error('The default sandbox is missing.');
  return {
    core,
    call,
    async token(username) {
      const answer = await call('POST', '/__admin/sessions', { json: { username } });
      if (answer.status !== 201)
        throw new Error(`No session for ${username}: ${JSON.stringify(answer.body)}`);
      return answer.body.token as string;
    },
    async advance(amount) {
      const answer = await call('POST', '/__admin/clock/advance', { json: amount });
      if (answer.status !== 200) throw new Error(`Cannot advance the clock: ${JSON.stringify(answer.body)}`);
    },
    async setClock(now) {
      const answer = await call('PUT', '/__admin/clock', { json: { now } });
      if (answer.status !== 200) throw new Error(`Cannot set the clock: ${JSON.stringify(answer.body)}`);
    },
    member(predicate) {
      for (let index = 0; index < data.memberCount; index++) {
        const member = data.member(data.memberIdAt(index));
        if (member !== undefined && predicate(member)) return member;
      }
      throw new Error('No member matches.');
    },
  };
}

/**
 * Completes the monthly site verification of a Tax ID as its administrator, everyone still belonging:
 * needed after the clock moves more than 30 days, when the Tax ID's users are blocked.
 *
 * @example
 * await verifySite(portal, 'admin.a', TAX_ID_A);
 */
export async function verifySite(portal: TestPortal, administrator: string, taxId: string): Promise<void> {
  const token = await portal.token(administrator);
  const path = `/api/v1/tax-ids/${taxId}/site-verification`;
  const current = await portal.call('GET', path, { token });
  const answer = await portal.call('POST', path, {
    token,
    json: {
      users: current.body.users.map((user: any) => ({ userId: user.userId, stillBelongs: true })),
      providers: current.body.providers.map((provider: any) => ({ npi: provider.npi, stillBelongs: true })),
    },
  });
  if (answer.status !== 200) throw new Error(`Site verification failed: ${JSON.stringify(answer.body)}`);
}

/** An active member with open coverage of a product (not delegated). */
export function activeMember(portal: TestPortal, productType = 'commercial_hmo'): MemberRecord {
  return portal.member(
    (member) =>
      member.details.productType === productType &&
      member.details.status === 'active' &&
      member.details.coverageEndDate === '9999-12-31' &&
      member.details.coverageStartDate <= '2026-01-01' &&
      member.details.delegated === undefined,
  );
}

/**
 * An active member with open coverage whom both Tax IDs may act for (a member of the other Tax ID is
 * MEMBER_NOT_FOUND, so the tests of acting for another Tax ID's provider need a shared member).
 */
export function sharedMember(portal: TestPortal, productType = 'commercial_pos'): MemberRecord {
  return portal.member(
    (member) =>
      member.visibleToTaxIds.includes(TAX_ID_A) &&
      member.visibleToTaxIds.includes(TAX_ID_B) &&
      member.details.productType === productType &&
      member.details.status === 'active' &&
      member.details.coverageEndDate === '9999-12-31' &&
      member.details.coverageStartDate <= '2026-01-01' &&
      member.details.delegated === undefined,
  );
}

/**
 * A preauthorization request body of clinical.a (Tax ID A) for a member, service 2026-12-01 to the end.
 *
 * @example
 * preauthorizationBody('K6000000001', { urgency: 'expedited' });
 */
export function preauthorizationBody(memberId: string, overrides: Record<string, unknown> = {}) {
  return {
    memberId,
    urgency: 'standard',
    serviceType: 'outpatient_procedure',
    requestingProvider: LOPEZ_A,
    servicingProvider: PATEL,
    diagnoses: [{ code: 'M17.11', primary: true }],
    serviceStartDate: '2026-12-01',
    serviceEndDate: '2027-02-26',
    serviceLines: [
      { procedureCode: '29881', units: 2, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
    ],
    ...overrides,
  };
}

/** A file for an upload: content, name and declared type. */
export function file(content: Uint8Array | string, name: string, type: string): File {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new File([new Uint8Array(bytes)], name, { type });
}

/** A small PDF file. */
export function pdf(name = 'office-notes.pdf'): File {
  return file('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', name, 'application/pdf');
}

/** A form with these files under `files`. */
export function filesForm(...files: File[]): FormData {
  const form = new FormData();
  for (const entry of files) form.append('files', entry);
  return form;
}
