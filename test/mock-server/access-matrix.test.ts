/**
 * The access matrix of the mock portal, generated from the contract's permission table
 * (`OPERATION_PERMISSIONS`, from each operation's `x-portal-permission`) and the personas: every
 * operation × every persona, a role without the permission, a Tax ID the user does not hold, a member
 * of another Tax ID, and a record created by another Tax ID. Each case checks the status and the code,
 * and that no answer carries the other Tax ID's data (member IDs, names, coverage dates). An operation
 * added to the spec without a permission entry fails the first test.
 */
import { describe, expect, it } from 'vitest';
import { defaultPermissions, PERSONAS, type PersonaDefinition } from '../../mock-server/core/personas.ts';
import { SPEC_OPERATIONS } from '../../mock-server/core/spec.ts';
import { SCENARIO_MEMBERS } from '../../mock-server/data/scenario-members.ts';
import { OPERATION_PERMISSIONS } from '../../sdk/generated/permissions.ts';
import type { OperationAccess } from '../../sdk/rules/permissions.ts';
import {
  admissionBody,
  messageBody,
  referralBody,
  SHARED_MEMBER,
} from '../contract/cases/transaction-fixtures.ts';
import {
  type Answer,
  openPortal,
  preauthorizationBody,
  RIVERA_B,
  TAX_ID_A,
  TAX_ID_B,
  type TestPortal,
} from './transactions-support.ts';

type OperationName = keyof typeof OPERATION_PERMISSIONS;
const ACCESS_CODES = ['PERMISSION_REQUIRED', 'ADMIN_ROLE_REQUIRED', 'TAX_ID_NOT_AUTHORIZED'];
const MEMBER_OF_B = SCENARIO_MEMBERS.taxIdBOnly;
const UNKNOWN_MEMBER = 'K5500649999';

const operations = SPEC_OPERATIONS.map((operation) => ({
  operationId: operation.operationId as OperationName,
  method: operation.method.toUpperCase(),
  path: operation.path,
}));

/** The records of Tax ID A and of Tax ID B that path parameters name. */
interface Records {
  a: Record<string, string>;
  b: Record<string, string>;
}

function pathOf(template: string, values: Record<string, string>, operationId: string): string {
  return `/api/v1${template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'trackingNumber') {
      return values[operationId.includes('Referral') ? 'referral' : 'admission'] ?? '';
    }
    return values[name] ?? '';
  })}`;
}

/** What the persona's default grants say: 'open', or the refusal code the table implies. */
function expectedFor(persona: PersonaDefinition, access: OperationAccess, pathTaxId: boolean): string {
  if (access.public || (access.permission === null && !access.adminOnly)) return 'open';
  const grants = persona.grants.filter((grant) => !pathTaxId || grant.taxId === TAX_ID_A);
  if (grants.length === 0) return 'TAX_ID_NOT_AUTHORIZED';
  const allows = (grant: { role: PersonaDefinition['grants'][number]['role'] }) =>
    (!access.adminOnly || grant.role === 'administrator') &&
    (access.permission === null || (defaultPermissions(grant.role) as string[]).includes(access.permission));
  if (grants.some(allows)) return 'open';
  if (access.adminOnly && !grants.some((grant) => grant.role === 'administrator'))
    return 'ADMIN_ROLE_REQUIRED';
  return 'PERMISSION_REQUIRED';
}

/** One call, answered with its JSON body (or its bytes as text, for files). */
async function call(
  portal: TestPortal,
  token: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<Answer> {
  const bodyless = method === 'GET' || method === 'DELETE';
  const response = await portal.core.handle(
    new Request(`http://mock.test${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(bodyless ? {} : { 'content-type': 'application/json' }),
      },
      ...(bodyless ? {} : { body: JSON.stringify(json ?? {}) }),
    }),
  );
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    headers: response.headers,
    body: isJson && text !== '' ? JSON.parse(text) : text,
  };
}

/** Sets up Tax ID A's and Tax ID B's records (B's for B's own member). */
async function records(portal: TestPortal): Promise<Records> {
  const a = await portal.token('clinical.a');
  const b = await portal.token('admin.b');
  const create = async (token: string, path: string, json: unknown, key: string) => {
    const answer = await portal.call('POST', `/api/v1${path}`, { token, json });
    if (answer.status !== 201 && answer.status !== 202)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return String(answer.body[key] ?? answer.body.documentId);
  };
  const bPreauth = preauthorizationBody(MEMBER_OF_B, {
    requestingProvider: RIVERA_B,
    serviceType: 'physical_therapy',
  });
  const common = { userId: 'USR-000002', memberId: SCENARIO_MEMBERS.activeCommercial, side: 'front' };
  return {
    a: {
      ...common,
      taxId: TAX_ID_A,
      referenceId: await create(
        a,
        '/preauthorizations',
        preauthorizationBody(SCENARIO_MEMBERS.activeCommercial),
        'referenceId',
      ),
      referral: await create(a, '/referrals', referralBody(), 'trackingNumber'),
      admission: await create(a, '/admission-notifications', admissionBody(), 'trackingNumber'),
      messageId: await create(a, '/messages', messageBody(), 'messageId'),
      documentId: 'DOC-000000',
      claimNumber: '9999REMIT001',
      checkNumber: '0090000001',
      npi: '1234567893',
    },
    b: {
      ...common,
      taxId: TAX_ID_B,
      referenceId: await create(b, '/preauthorizations', bPreauth, 'referenceId'),
      // Beatriz Ferreira needs no referral (Child Health Plus): one of B's commercial members does.
      referral: await create(
        b,
        '/referrals',
        referralBody({ memberId: referralMemberOfB(portal).details.memberId, referringProvider: RIVERA_B }),
        'trackingNumber',
      ),
      admission: await create(
        b,
        '/admission-notifications',
        admissionBody({ memberId: MEMBER_OF_B, facility: RIVERA_B, attendingProvider: RIVERA_B }),
        'trackingNumber',
      ),
      messageId: await create(
        b,
        '/messages',
        messageBody({ senderNpi: RIVERA_B.npi, memberId: MEMBER_OF_B }),
        'messageId',
      ),
      documentId: await create(b, '/claim-exports', { from: '2026-09-01', to: '2026-11-23' }, 'documentId'),
      claimNumber: '9999TINB0001',
      checkNumber: '0090000004',
      npi: RIVERA_B.npi,
    },
  };
}

/** A generated member of Tax ID B only whose product needs referrals. */
function referralMemberOfB(portal: TestPortal) {
  return portal.member(
    (member) =>
      member.visibleToTaxIds.length === 1 &&
      member.visibleToTaxIds[0] === TAX_ID_B &&
      member.details.productType === 'commercial_pos' &&
      member.details.status === 'active' &&
      member.details.coverageEndDate === '9999-12-31' &&
      member.details.coverageStartDate <= '2026-01-01',
  );
}

/** Everything of Tax ID B's members that must never reach a Tax ID A user. */
function secretsOfB(portal: TestPortal): string[] {
  const member = portal.core.sandbox()?.data.member(MEMBER_OF_B);
  if (member === undefined) throw new Error('The Tax ID B member is missing.');
  const other = referralMemberOfB(portal);
  return [member, other]
    .flatMap(({ details }) => [details.memberId, details.firstName, details.lastName, details.dateOfBirth])
    .concat(member.details.coverageStartDate);
}

function expectNoSecrets(label: string, answer: Answer, secrets: readonly string[]): void {
  // `instance` echoes the caller's own request path (which may hold the ID they asked for).
  const { instance: _ownPath, ...body } =
    typeof answer.body === 'object' ? answer.body : { text: answer.body };
  const text = JSON.stringify(body);
  for (const secret of secrets) expect(text.includes(secret), `${label} leaks ${secret}`).toBe(false);
}

describe('the access matrix (permission table × personas)', () => {
  it('has a permission entry for every operation of the spec, and none for an operation it lacks', () => {
    const inSpec = operations.map((operation) => operation.operationId).sort();
    expect(Object.keys(OPERATION_PERMISSIONS).sort()).toEqual(inSpec);
    for (const id of inSpec) expect(OPERATION_PERMISSIONS[id], id).toBeDefined();
  });

  it('answers every operation × persona as the table says, with the refusal code', async () => {
    let cases = 0;
    const personas: string[] = [];
    for (const persona of PERSONAS) {
      // A fresh portal each: an administrator's calls revoke and promote users (the path's userId).
      const portal = openPortal();
      const ids = await records(portal);
      let token: string;
      try {
        token = await portal.token(persona.username);
      } catch {
        continue; // locked and revoked accounts get no session at all (sessions.test.ts)
      }
      personas.push(persona.username);
      for (const { operationId, method, path } of operations) {
        const access = OPERATION_PERMISSIONS[operationId];
        if (access.public || operationId === 'signOut') continue;
        const expected = expectedFor(persona, access, path.includes('{taxId}'));
        const answer = await call(portal, token, method, pathOf(path, ids.a, operationId));
        const label = `${persona.username} ${operationId}`;
        if (expected === 'open') {
          expect([label, ACCESS_CODES.includes(answer.body?.code)]).toEqual([label, false]);
        } else {
          expect([label, answer.status, answer.body?.code]).toEqual([label, 403, expected]);
        }
        cases += 1;
      }
    }
    // locked.user and revoked.user get no session at all: every other persona is in the matrix.
    expect(personas).toEqual([
      'admin.a',
      'clinical.a',
      'billing.a',
      'admin.b',
      'multi.tin',
      'mfa.due',
      'emblem.only',
      'cci.only',
      'dana.emblem',
      'dana.cci',
    ]);
    expect(cases).toBe(
      personas.length *
        operations.filter(
          ({ operationId }) => !OPERATION_PERMISSIONS[operationId].public && operationId !== 'signOut',
        ).length,
    );
  }, 60_000);

  it('blocks every operation but those open while the site verification is overdue', async () => {
    let cases = 0;
    for (const persona of PERSONAS.filter(({ username }) => ['admin.a', 'clinical.a'].includes(username))) {
      const portal = openPortal();
      const ids = await records(portal);
      await portal.advance({ days: 31 });
      const token = await portal.token(persona.username);
      for (const { operationId, method, path } of operations) {
        const access = OPERATION_PERMISSIONS[operationId];
        if (access.public || operationId === 'signOut') continue;
        const answer = await call(portal, token, method, pathOf(path, ids.a, operationId));
        const label = `${persona.username} ${operationId}`;
        const expected = access.whileBlocked
          ? expectedFor(persona, access, path.includes('{taxId}'))
          : 'SITE_VERIFICATION_OVERDUE';
        if (expected === 'open') {
          expect([label, [...ACCESS_CODES, 'SITE_VERIFICATION_OVERDUE'].includes(answer.body?.code)]).toEqual(
            [label, false],
          );
        } else {
          expect([label, answer.status, answer.body?.code]).toEqual([label, 403, expected]);
        }
        cases += 1;
      }
    }
    expect(cases).toBe(2 * 67);
  }, 60_000);

  it('refuses a role without the permission, on every operation that needs one', async () => {
    const portal = openPortal();
    const ids = await records(portal);
    const admin = await portal.token('admin.a');
    const all = Object.values(OPERATION_PERMISSIONS).flatMap((access) =>
      access.permission === null ? [] : [access.permission],
    );
    let cases = 0;
    for (const { operationId, method, path } of operations) {
      const access = OPERATION_PERMISSIONS[operationId];
      if (access.permission === null || access.adminOnly) continue;
      const without = [...new Set(all)].filter((permission) => permission !== access.permission);
      const cut = await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_A}/users/USR-000002`, {
        token: admin,
        json: { role: 'clinical_staff', permissions: without },
      });
      expect(cut.status, JSON.stringify(cut.body)).toBe(200);
      const token = await portal.token('clinical.a');
      const answer = await call(portal, token, method, pathOf(path, ids.a, operationId));
      expect([operationId, answer.status, answer.body?.code, answer.body?.detail]).toEqual([
        operationId,
        403,
        'PERMISSION_REQUIRED',
        answer.body?.detail,
      ]);
      cases += 1;
    }
    // The administrator-only operations, for an administrator (multi.tin on Tax ID B) whose role lost
    // the operation's permission: the role alone does not open them.
    const adminB = await portal.token('admin.b');
    for (const { operationId, method, path } of operations) {
      const access = OPERATION_PERMISSIONS[operationId];
      if (!access.adminOnly || access.permission === null) continue;
      const without = [...new Set(all)].filter((permission) => permission !== access.permission);
      const cut = await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_B}/users/USR-000005`, {
        token: adminB,
        json: { role: 'administrator', permissions: without },
      });
      expect(cut.status, JSON.stringify(cut.body)).toBe(200);
      const token = await portal.token('multi.tin');
      const answer = await call(portal, token, method, pathOf(path, ids.b, operationId));
      expect([operationId, answer.status, answer.body?.code]).toEqual([
        operationId,
        403,
        'PERMISSION_REQUIRED',
      ]);
      cases += 1;
    }
    expect(cases).toBe(
      Object.values(OPERATION_PERMISSIONS).filter((access) => access.permission !== null).length,
    );
  }, 60_000);

  it('refuses a Tax ID the user does not hold (path and body)', async () => {
    const portal = openPortal();
    const ids = await records(portal);
    const token = await portal.token('admin.a');
    const viaPath = operations.filter(({ path }) => path.includes('{taxId}'));
    for (const { operationId, method, path } of viaPath) {
      const answer = await call(portal, token, method, pathOf(path, ids.b, operationId));
      expect([operationId, answer.status, answer.body?.code]).toEqual([
        operationId,
        403,
        'TAX_ID_NOT_AUTHORIZED',
      ]);
    }
    const viaBody: [string, string, unknown][] = [
      [
        'createPreauthorization',
        '/preauthorizations',
        preauthorizationBody(SHARED_MEMBER, { requestingProvider: RIVERA_B }),
      ],
      [
        'createReferral',
        '/referrals',
        referralBody({ memberId: SHARED_MEMBER, referringProvider: RIVERA_B }),
      ],
      [
        'createAdmissionNotification',
        '/admission-notifications',
        admissionBody({ memberId: SHARED_MEMBER, facility: RIVERA_B, attendingProvider: RIVERA_B }),
      ],
      ['createMessage', '/messages', messageBody({ senderNpi: RIVERA_B.npi })],
      ['createPcpMemberPanelReport', '/reports/pcp-member-panel', { pcpNpi: RIVERA_B.npi, taxId: TAX_ID_B }],
    ];
    for (const [operationId, path, json] of viaBody) {
      const answer = await portal.call('POST', `/api/v1${path}`, { token, json });
      expect([operationId, answer.status, answer.body?.code]).toEqual([
        operationId,
        403,
        'TAX_ID_NOT_AUTHORIZED',
      ]);
    }
    expect(viaPath.length + viaBody.length).toBe(13);
  });

  it('answers a member of another Tax ID exactly as an unknown member, everywhere a member is named', async () => {
    const portal = openPortal();
    const ids = await records(portal);
    const secrets = secretsOfB(portal);
    const token = await portal.token('admin.a');
    const byPath = operations.filter(({ path }) => path.includes('{memberId}'));
    const asked = (memberId: string) => [
      ...byPath.map(({ operationId, method, path }) => ({
        operationId,
        method,
        path: pathOf(path, { ...ids.a, memberId }, operationId),
        json: undefined as unknown,
      })),
      {
        operationId: 'searchMembers',
        method: 'GET',
        path: `/api/v1/members?memberId=${memberId}`,
        json: undefined,
      },
      ...(
        [
          ['createPreauthorization', '/preauthorizations', preauthorizationBody(memberId)],
          [
            'checkPreauthorizationRequirement',
            '/preauthorization-checks',
            { memberId, procedureCode: '97110', serviceStartDate: '2026-12-01' },
          ],
          ['createReferral', '/referrals', referralBody({ memberId })],
          ['createAdmissionNotification', '/admission-notifications', admissionBody({ memberId })],
          ['createMessage', '/messages', messageBody({ memberId })],
          [
            'createMessage',
            '/messages',
            messageBody({
              topic: 'transaction',
              transaction: { type: 'care_plan', id: memberId },
              category: 'care_management',
              subcategory: 'care_plan_question',
            }),
          ],
        ] as const
      ).map(([operationId, path, json]) => ({ operationId, method: 'POST', path: `/api/v1${path}`, json })),
    ];
    const foreign = asked(MEMBER_OF_B);
    const unknown = asked(UNKNOWN_MEMBER);
    for (const [index, request] of foreign.entries()) {
      const other = unknown[index];
      if (other === undefined) throw new Error('unpaired case');
      const a = await call(portal, token, request.method, request.path, request.json);
      const b = await call(portal, token, other.method, other.path, other.json);
      const label = `${request.operationId} ${request.method} ${request.path}`;
      expect([label, a.status, a.body?.code]).toEqual([label, 404, 'MEMBER_NOT_FOUND']);
      expect([label, b.status, b.body?.code, b.body?.detail]).toEqual([
        label,
        404,
        'MEMBER_NOT_FOUND',
        a.body?.detail,
      ]);
      expectNoSecrets(label, a, secrets);
    }
    expect(foreign.length).toBe(byPath.length + 7);
  });

  it("answers another Tax ID's records as unknown ones, without a byte of their data", async () => {
    const portal = openPortal();
    const ids = await records(portal);
    const secrets = secretsOfB(portal);
    const token = await portal.token('admin.a');
    const recordParams = [
      'referenceId',
      'trackingNumber',
      'messageId',
      'documentId',
      'claimNumber',
      'checkNumber',
    ];
    const byRecord = operations.filter(({ path }) => recordParams.some((name) => path.includes(`{${name}}`)));
    const unknownIds: Record<string, string> = {
      ...ids.b,
      referenceId: 'PA-99999999',
      referral: 'RF-99999999',
      admission: 'AN-99999999',
      messageId: 'MSG-999999',
      documentId: 'DOC-999999',
      claimNumber: '9999NOPE0001',
      checkNumber: '0099999999',
    };
    for (const { operationId, method, path } of byRecord) {
      const foreignPath = pathOf(path, ids.b, operationId);
      const unknownPath = pathOf(path, unknownIds, operationId);
      const answer = await call(portal, token, method, foreignPath);
      const unknown = await call(portal, token, method, unknownPath);
      const foreignId =
        foreignPath
          .split('/')
          .find(
            (part, index, parts) => parts[index - 1] !== undefined && !unknownPath.split('/').includes(part),
          ) ?? '';
      const unknownId = unknownPath.split('/').find((part) => !foreignPath.split('/').includes(part)) ?? '';
      // Exactly the answer of a record that does not exist (a body the contract refuses is refused alike).
      expect([
        operationId,
        answer.status,
        answer.body?.code,
        String(answer.body?.detail).replace(foreignId, unknownId),
      ]).toEqual([operationId, unknown.status, unknown.body?.code, String(unknown.body?.detail)]);
      if (method === 'GET')
        expect([operationId, answer.status, answer.body?.code]).toEqual([operationId, 404, 'NOT_FOUND']);
      expectNoSecrets(operationId, answer, secrets);
    }
    for (const path of ['/preauthorizations', '/admission-notifications', '/messages', '/documents']) {
      const answer = await portal.call('GET', `/api/v1${path}`, { token });
      expect(answer.status, path).toBe(200);
      expectNoSecrets(path, answer, secrets);
    }
    expect(byRecord.length).toBe(17);
  });
});
