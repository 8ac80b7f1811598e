import { describe, expect, it } from 'vitest';
import {
  activeMember,
  file,
  filesForm,
  HARTFORD_GROUP_A,
  LOPEZ_A,
  openPortal,
  pdf,
  RIVERA_B,
  sharedMember,
} from './transactions-support.ts';

const ST_FRANCIS = {
  npi: '1584736296',
  taxId: '060999111',
  name: 'St. Francis Imaging Center',
  address: { line1: '114 Woodland St', city: 'Hartford', state: 'CT', zip: '06105' },
};

function admissionBody(memberId: string, overrides: Record<string, unknown> = {}) {
  return {
    memberId,
    admissionType: 'emergent_inpatient',
    admissionDate: '2026-11-22',
    facility: HARTFORD_GROUP_A,
    attendingProvider: LOPEZ_A,
    diagnoses: [{ code: 'J45.52', primary: true }, { code: 'J96.01' }],
    ...overrides,
  };
}

describe('admission notifications', () => {
  it('are created with a tracking number and concurrent-review questions, and found again', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(member.details.memberId),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      outcome: 'created',
      trackingNumber: expect.stringMatching(/^AN-\d{8}$/),
      reviewStatus: 'more_information_needed',
      submittedAt: '2026-11-23T14:00:00Z',
      concurrentReview: { questionnaireId: 'QNR-CR-0007' },
    });
    const id = created.body.trackingNumber;
    const search = await portal.call(
      'GET',
      '/api/v1/admission-notifications?admissionType=emergent_inpatient',
      {
        token,
      },
    );
    expect(search.body.data).toEqual([
      expect.objectContaining({
        trackingNumber: id,
        facilityName: HARTFORD_GROUP_A.name,
        admissionDate: '2026-11-22',
      }),
    ]);
    const details = await portal.call('GET', `/api/v1/admission-notifications/${id}`, { token });
    expect(details.body).toMatchObject({
      trackingNumber: id,
      memberId: member.details.memberId,
      attendingProvider: LOPEZ_A,
      diagnoses: [
        { code: 'J45.52', primary: true },
        { code: 'J96.01', primary: false },
      ],
      reviewStatus: 'more_information_needed',
      attachments: [],
      modifications: [],
    });
    const none = await portal.call('GET', '/api/v1/admission-notifications?from=2026-11-23', { token });
    expect(none.body.data).toEqual([]);
  });

  it('approve the stay once the questions are answered', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(activeMember(portal).details.memberId),
    });
    const id = created.body.trackingNumber;
    const answers = {
      questionnaireId: 'QNR-CR-0007',
      answers: [
        { questionId: 'Q1', selected: true },
        { questionId: 'Q2', selected: false },
        { questionId: 'Q3', details: 'IV steroids and nebulized albuterol; expected stay 3 days.' },
      ],
    };
    const answered = await portal.call(
      'POST',
      `/api/v1/admission-notifications/${id}/questionnaire-responses`,
      {
        token,
        json: answers,
      },
    );
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      trackingNumber: id,
      reviewStatus: 'approved',
      approvedThrough: '2026-11-25',
    });
    const again = await portal.call('POST', `/api/v1/admission-notifications/${id}/questionnaire-responses`, {
      token,
      json: answers,
    });
    expect(again.status).toBe(409);
    const details = await portal.call('GET', `/api/v1/admission-notifications/${id}`, { token });
    expect(details.body).toMatchObject({ reviewStatus: 'approved', approvedThrough: '2026-11-25' });
    expect(details.body.concurrentReview).toBeUndefined();
  });

  it('approve a newborn case at once, and follow Prefer outcomes', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const newborn = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(member.details.memberId, {
        admissionType: 'newborn',
        admissionDate: '2026-11-21',
        diagnoses: [{ code: 'Z38.00', primary: true }],
        newborn: { birthDate: '2026-11-21', sex: 'female', birthWeightGrams: 3280 },
      }),
    });
    expect(newborn.body).toMatchObject({ reviewStatus: 'approved' });
    const pended = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(member.details.memberId),
      headers: { prefer: 'outcome=pended' },
    });
    expect(pended.body.reviewStatus).toBe('pended');
    expect(pended.body.concurrentReview).toBeUndefined();
    const noNewborn = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(member.details.memberId, { admissionType: 'newborn' }),
    });
    expect(noNewborn.status).toBe(400);
  });

  it('send a delegated member to the delegated entity: 200 delegated, nothing stored', async () => {
    const portal = openPortal();
    const member = portal.member((m) => m.details.delegated !== undefined && m.details.status === 'active');
    const token = await portal.token('clinical.a');
    const answer = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(member.details.memberId),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      outcome: 'delegated',
      code: 'DELEGATED_MEMBER',
      delegatedEntity: {
        name: member.details.delegated?.entityName,
        phone: member.details.delegated?.phone,
        instructions: expect.any(String),
      },
    });
    expect(answer.body.message).toContain(member.details.delegated?.entityName);
    const search = await portal.call('GET', '/api/v1/admission-notifications', { token });
    expect(search.body.data).toEqual([]);
  });

  it('are made for the facility or the attending provider of my Tax IDs only, and hidden from others', async () => {
    const portal = openPortal();
    const member = sharedMember(portal);
    const tokenA = await portal.token('clinical.a');
    const viaAttending = await portal.call('POST', '/api/v1/admission-notifications', {
      token: tokenA,
      json: admissionBody(member.details.memberId, { facility: ST_FRANCIS }),
    });
    expect(viaAttending.status).toBe(201);
    const tokenB = await portal.token('admin.b');
    const forbidden = await portal.call('POST', '/api/v1/admission-notifications', {
      token: tokenB,
      json: admissionBody(member.details.memberId),
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('TAX_ID_NOT_AUTHORIZED');
    const id = viaAttending.body.trackingNumber;
    for (const [method, path] of [
      ['GET', `/api/v1/admission-notifications/${id}`],
      ['POST', `/api/v1/admission-notifications/${id}/modifications`],
    ] as const) {
      const answer = await portal.call(method, path, {
        token: tokenB,
        ...(method === 'POST' ? { json: { reason: 'Discharged.', dischargeDate: '2026-11-25' } } : {}),
      });
      expect(answer.status).toBe(404);
    }
    expect(
      (await portal.call('GET', '/api/v1/admission-notifications', { token: tokenB })).body.data,
    ).toEqual([]);
    const mismatch = await portal.call('POST', '/api/v1/admission-notifications', {
      token: tokenB,
      json: admissionBody(member.details.memberId, {
        facility: { ...RIVERA_B, address: { ...RIVERA_B.address, line1: '1 Main St' } },
        attendingProvider: RIVERA_B,
      }),
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('PROVIDER_IDENTITY_MISMATCH');
  });

  it('take documents for the concurrent review under the attachment rules', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(activeMember(portal).details.memberId),
    });
    const path = `/api/v1/admission-notifications/${created.body.trackingNumber}/attachments`;
    const ok = await portal.call('POST', path, { token, form: filesForm(pdf('ed-notes.pdf')) });
    expect(ok.status).toBe(201);
    const big = { name: 'scan.png', type: 'image/png' };
    const refused = await portal.call('POST', path, {
      token,
      form: filesForm(file(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), big.name, big.type)),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const details = await portal.call(
      'GET',
      `/api/v1/admission-notifications/${created.body.trackingNumber}`,
      {
        token,
      },
    );
    expect(details.body.attachments).toEqual([
      expect.objectContaining({ fileName: 'ed-notes.pdf', locked: true }),
    ]);
  });

  it('apply a discharge date at once, pend a corrected admission date, and refuse reversed dates', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody(activeMember(portal).details.memberId),
    });
    const id = created.body.trackingNumber;
    const path = `/api/v1/admission-notifications/${id}/modifications`;
    const applied = await portal.call('POST', path, {
      token,
      json: {
        reason: 'Discharged home.',
        dischargeDate: '2026-11-25',
        diagnoses: [{ code: 'J18.9', primary: true }],
      },
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      outcome: 'applied',
      trackingNumber: id,
      message: 'The modifications have been made.',
    });
    const pended = await portal.call('POST', path, {
      token,
      json: { reason: 'Admission date was the ED arrival.', admissionDate: '2026-11-21' },
    });
    expect(pended.body.outcome).toBe('pended');
    const reversed = await portal.call('POST', path, {
      token,
      json: { reason: 'Oops.', dischargeDate: '2026-11-20' },
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.code).toBe('SERVICE_DATES_REVERSED');
    const nothing = await portal.call('POST', path, { token, json: { reason: 'Nothing.' } });
    expect(nothing.status).toBe(400);
    const details = await portal.call('GET', `/api/v1/admission-notifications/${id}`, { token });
    expect(details.body).toMatchObject({
      admissionDate: '2026-11-22',
      dischargeDate: '2026-11-25',
      diagnoses: [{ code: 'J18.9', primary: true }],
    });
    expect(details.body.modifications.map((m: any) => m.outcome)).toEqual(['applied', 'pended']);
  });

  it('are created once for an Idempotency-Key sent twice', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const json = admissionBody(activeMember(portal).details.memberId);
    const headers = { 'idempotency-key': 'an-1' };
    const first = await portal.call('POST', '/api/v1/admission-notifications', { token, json, headers });
    const second = await portal.call('POST', '/api/v1/admission-notifications', { token, json, headers });
    expect(second.body).toEqual(first.body);
    expect(
      (await portal.call('GET', '/api/v1/admission-notifications', { token })).body.page.totalItems,
    ).toBe(1);
  });
});
