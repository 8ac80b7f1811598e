/**
 * A provider profile update request has a status the administrator can follow: received, in_review one
 * hour later, completed (or rejected, with Prefer: outcome=rejected) two days after submission, all on
 * the mock clock, exact at the boundaries.
 */
import { describe, expect, it } from 'vitest';
import { PROVIDER_NPIS } from '../../mock-server/data/provider-directory.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';

const UPDATES = '/api/v1/provider-profile-update-requests';

function form(): FormData {
  const body = new FormData();
  body.set(
    'changes',
    JSON.stringify([{ field: 'phone', addressId: 'ADDR-000101', newValue: '(860) 545-7000' }]),
  );
  body.set('reason', 'New phone number.');
  return body;
}

async function submit(portal: TestPortal, token: string, prefer?: string) {
  const response = await portal.call(
    'POST',
    `/api/v1/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`,
    {
      token,
      body: form(),
      ...(prefer === undefined ? {} : { headers: { Prefer: prefer } }),
    },
  );
  return { response, body: (await response.json()) as any };
}

async function follow(portal: TestPortal, requestId: string) {
  const token = await portal.tokenFor('admin.a');
  const response = await portal.call('GET', `${UPDATES}/${requestId}`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as any;
}

describe('provider profile update status', () => {
  it('answers 202 received with a Location that follows it, and audits the request', async () => {
    const portal = createTestPortal();
    const { response, body } = await submit(portal, await portal.tokenFor('admin.a'));
    expect(response.status).toBe(202);
    expect(body).toMatchObject({
      npi: PROVIDER_NPIS.adamski,
      taxId: '060646668',
      status: 'received',
      submittedAt: '2026-11-23T14:00:00Z',
      history: [{ status: 'received', at: '2026-11-23T14:00:00Z' }],
    });
    expect(response.headers.get('location')).toBe(`${UPDATES}/${body.requestId}`);
    expect(await follow(portal, body.requestId)).toEqual(body);
    const audit = (await (
      await portal.admin('GET', '/audit?action=provider.profile_update_request')
    ).json()) as any;
    expect(audit.entries).toEqual([
      expect.objectContaining({ userId: 'USR-000001', subject: body.requestId }),
    ]);
  });

  it('moves on the mock clock: in review at 1 hour (not a millisecond before), completed at 2 days', async () => {
    const portal = createTestPortal();
    const { body } = await submit(portal, await portal.tokenFor('admin.a'));
    await portal.advance({ minutes: 59, seconds: 59, milliseconds: 999 });
    expect((await follow(portal, body.requestId)).status).toBe('received');
    await portal.advance({ milliseconds: 1 });
    expect(await follow(portal, body.requestId)).toMatchObject({
      status: 'in_review',
      statusUpdatedAt: '2026-11-23T15:00:00Z',
    });
    await portal.advance({ hours: 46, minutes: 59, seconds: 59, milliseconds: 999 });
    expect((await follow(portal, body.requestId)).status).toBe('in_review');
    await portal.advance({ milliseconds: 1 });
    const done = await follow(portal, body.requestId);
    expect(done).toMatchObject({ status: 'completed', statusUpdatedAt: '2026-11-25T14:00:00Z' });
    expect(done.history.map((entry: { status: string }) => entry.status)).toEqual([
      'received',
      'in_review',
      'completed',
    ]);
    expect(done.rejectionReason).toBeUndefined();
  });

  it('Prefer: outcome=rejected decides it rejected with a reason; another outcome answers 400', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const { body } = await submit(portal, token, 'outcome=rejected');
    await portal.advance({ days: 2 });
    const rejected = await follow(portal, body.requestId);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectionReason).toMatch(/supporting documents/);
    const typo = await submit(portal, await portal.tokenFor('admin.a'), 'outcome=approved');
    expect(typo.response.status).toBe(400);
  });

  it('lists the requests of my Tax IDs only, newest first, by status and NPI; hides them from others', async () => {
    const portal = createTestPortal();
    const first = await submit(portal, await portal.tokenFor('admin.a'));
    await portal.advance({ hours: 1 });
    const second = await submit(portal, await portal.tokenFor('admin.a'));
    const token = await portal.tokenFor('admin.a');
    const all = (await (await portal.call('GET', UPDATES, { token })).json()) as any;
    expect(all.data.map((row: { requestId: string }) => row.requestId)).toEqual([
      second.body.requestId,
      first.body.requestId,
    ]);
    const inReview = (await (
      await portal.call('GET', `${UPDATES}?status=in_review`, { token })
    ).json()) as any;
    expect(inReview.data.map((row: { requestId: string }) => row.requestId)).toEqual([first.body.requestId]);
    const other = (await (
      await portal.call('GET', `${UPDATES}?npi=${PROVIDER_NPIS.lopez}`, { token })
    ).json()) as any;
    expect(other.data).toEqual([]);
    const adminB = await portal.tokenFor('admin.b');
    expect(((await (await portal.call('GET', UPDATES, { token: adminB })).json()) as any).data).toEqual([]);
    expect((await portal.call('GET', `${UPDATES}/${first.body.requestId}`, { token: adminB })).status).toBe(
      404,
    );
  });
});
