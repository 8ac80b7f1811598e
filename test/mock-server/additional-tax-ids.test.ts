/**
 * Registering an additional Tax ID on an existing account over HTTP (issue 15, item 3; seed 004:
 * "Registering Additional Tax IDs"; seed 003: the new Tax ID's designated Administrator "will be sent
 * a single registration code per Tax ID"). Tax ID C (061234567) is newly activated, without an
 * administrator; its code is RC-06123-4567.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TAX_ID_C } from '../../mock-server/data/fixtures.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';

const CODE_C = 'RC-06123-4567';

async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A problem without its per-request fields, to compare two answers. */
function comparable(problem: Record<string, unknown>) {
  const { requestId: _requestId, instance: _instance, ...rest } = problem;
  return rest;
}

let portal: TestPortal;

beforeEach(() => {
  portal = createTestPortal();
});

async function register(as: string, taxId: string, registrationCode: string) {
  const token = await portal.tokenFor(as);
  return portal.call('POST', '/api/v1/me/tax-ids', { json: { taxId, registrationCode }, token });
}

describe('registerAdditionalTaxId', () => {
  it("makes the account the new Tax ID's administrator (a grant of /me), audited", async () => {
    const response = await register('clinical.a', '06-1234567', CODE_C);
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({
      taxId: TAX_ID_C,
      organizationName: 'Hartford Family Medicine East',
      role: 'administrator',
      registeredAt: '2026-11-23T14:00:00Z',
    });
    const me = await json(
      await portal.call('GET', '/api/v1/me', { token: await portal.tokenFor('clinical.a') }),
    );
    expect(me.grants.find((grant: { taxId: string }) => grant.taxId === TAX_ID_C)).toMatchObject({
      role: 'administrator',
    });
    const audit = await json(await portal.admin('GET', '/audit?action=account.tax_id_register'));
    expect(audit.entries).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(CODE_C);
  });

  it('answers an unknown Tax ID and a wrong code alike (REGISTRATION_CODE_INVALID)', async () => {
    const unknown = await register('clinical.a', '999999999', 'RC-99999-9999');
    const wrong = await register('clinical.a', TAX_ID_C, 'RC-06123-4568');
    expect(unknown.status).toBe(422);
    const [a, b] = [await json(unknown), await json(wrong)];
    expect(a.code).toBe('REGISTRATION_CODE_INVALID');
    expect(comparable(a)).toEqual(comparable(b));
  });

  it('the code is single-use: once used it answers as a wrong code, for anyone', async () => {
    expect((await register('clinical.a', TAX_ID_C, CODE_C)).status).toBe(201);
    // The account that used it already acts for the Tax ID.
    const again = await register('clinical.a', TAX_ID_C, CODE_C);
    expect([again.status, (await json(again)).code]).toEqual([409, 'TAX_ID_ALREADY_HELD']);
    const other = await register('billing.a', TAX_ID_C, CODE_C);
    expect([other.status, (await json(other)).code]).toEqual([422, 'REGISTRATION_CODE_INVALID']);
  });

  it('refuses a Tax ID the account already has, before looking at the code', async () => {
    const response = await register('admin.a', '060646668', 'RC-00000-0000');
    expect([response.status, (await json(response)).code]).toEqual([409, 'TAX_ID_ALREADY_HELD']);
  });

  it('refuses a Tax ID that has its designated Administrator already (TAX_ID_HAS_ADMINISTRATOR)', async () => {
    // Tax ID B has admin.b; clinical.a acts for A only.
    const response = await register('clinical.a', '133456789', 'RC-13345-6789');
    expect([response.status, (await json(response)).code]).toEqual([409, 'TAX_ID_HAS_ADMINISTRATOR']);
  });

  it('answers a re-sent request with the same Idempotency-Key as the first time', async () => {
    const token = await portal.tokenFor('clinical.a');
    const send = () =>
      portal.call('POST', '/api/v1/me/tax-ids', {
        json: { taxId: TAX_ID_C, registrationCode: CODE_C },
        token,
        headers: { 'Idempotency-Key': 'tax-id-c-once' },
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await json(again)).toEqual(await json(first));
  });

  it('refuses a malformed Tax ID or code before anything else', async () => {
    const badTaxId = await register('clinical.a', '12345', CODE_C);
    expect([badTaxId.status, (await json(badTaxId)).code]).toEqual([422, 'INVALID_TAX_ID']);
    const badCode = await register('clinical.a', TAX_ID_C, 'AK-0000-0000-0000');
    expect(badCode.status).toBe(400);
  });
});
