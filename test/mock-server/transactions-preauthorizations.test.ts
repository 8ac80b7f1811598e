import { describe, expect, it } from 'vitest';
import {
  activeMember,
  file,
  filesForm,
  LOPEZ_A,
  openPortal,
  PATEL,
  pdf,
  preauthorizationBody,
  RIVERA_B,
  sharedMember,
} from './transactions-support.ts';

describe('preauthorization requests', () => {
  it('are found again by search and details after they are created', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId, { notes: 'Knee pain for 8 weeks.' }),
      headers: { prefer: 'outcome=pended' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      referenceId: expect.stringMatching(/^PA-\d{8}$/),
      status: 'pended',
      urgency: 'standard',
      submittedAt: '2026-11-23T14:00:00Z',
      decisionDueBy: '2026-11-30T14:00:00Z',
    });
    const { referenceId } = created.body;

    const search = await portal.call('GET', `/api/v1/preauthorizations?memberId=${member.details.memberId}`, {
      token,
    });
    expect(search.status).toBe(200);
    expect(search.body.data).toEqual([
      expect.objectContaining({
        referenceId,
        memberName: `${member.details.lastName}, ${member.details.firstName}`,
        status: 'pended',
        requestDate: '2026-11-23',
        servicingProviderName: 'Patel, Raj',
        detailsAvailable: true,
      }),
    ]);
    expect(search.body.page).toEqual({ number: 1, size: 25, totalItems: 1, totalPages: 1 });

    const details = await portal.call('GET', `/api/v1/preauthorizations/${referenceId}`, { token });
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      referenceId,
      status: 'pended',
      notes: 'Knee pain for 8 weeks.',
      requestingProvider: LOPEZ_A,
      servicingProvider: PATEL,
      diagnoses: [{ code: 'M17.11', primary: true }],
      serviceLines: [{ lineNumber: 1, procedureCode: '29881', units: 2 }],
      attachments: [],
      modifications: [],
    });
    expect(details.body.decision).toBeUndefined();
  });

  it('filters the search by status, reference ID and request date, newest first, paged', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const ids: string[] = [];
    for (const outcome of ['approved', 'pended', 'denied']) {
      const answer = await portal.call('POST', '/api/v1/preauthorizations', {
        token,
        json: preauthorizationBody(member.details.memberId),
        headers: { prefer: `outcome=${outcome}` },
      });
      ids.push(answer.body.referenceId);
      await portal.advance({ minutes: 1 });
    }
    const all = await portal.call('GET', '/api/v1/preauthorizations?pageSize=2', { token });
    expect(all.body.data.map((row: any) => row.referenceId)).toEqual([ids[2], ids[1]]);
    expect(all.body.page).toEqual({ number: 1, size: 2, totalItems: 3, totalPages: 2 });
    const denied = await portal.call('GET', '/api/v1/preauthorizations?status=denied', { token });
    expect(denied.body.data.map((row: any) => row.referenceId)).toEqual([ids[2]]);
    const one = await portal.call('GET', `/api/v1/preauthorizations?referenceId=${ids[0]}`, { token });
    expect(one.body.data.map((row: any) => row.status)).toEqual(['approved']);
    const later = await portal.call('GET', '/api/v1/preauthorizations?from=2026-11-24', { token });
    expect(later.body.data).toEqual([]);
  });

  it('decides an expedited pended request 72 hours after submission, not a second earlier', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId, { urgency: 'expedited' }),
      headers: { prefer: 'outcome=pended, decision=approved' },
    });
    expect(created.body.decisionDueBy).toBe('2026-11-26T14:00:00Z');
    const id = created.body.referenceId;

    await portal.advance({ hours: 71, minutes: 59, seconds: 59 });
    token = await portal.token('clinical.a');
    const before = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
    expect(before.body.status).toBe('pended');
    expect(before.body.decision).toBeUndefined();

    await portal.advance({ seconds: 1 });
    const search = await portal.call('GET', `/api/v1/preauthorizations?referenceId=${id}`, { token });
    expect(search.body.data[0].status).toBe('approved');
    const after = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
    expect(after.body.status).toBe('approved');
    expect(after.body.decision).toEqual({ status: 'approved', decidedAt: '2026-11-26T14:00:00Z' });
    expect(after.body.serviceLines[0].approvedUnits).toBe(2);
  });

  it('decides a standard pended request after 7 calendar days, with a coded denial reason when denied', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
      headers: { prefer: 'outcome=pended, denial-reason=not_a_covered_benefit' },
    });
    const id = created.body.referenceId;
    await portal.advance({ days: 6, hours: 23, minutes: 59 });
    token = await portal.token('clinical.a');
    expect((await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token })).body.status).toBe(
      'pended',
    );
    await portal.advance({ minutes: 1 });
    const after = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
    expect(after.body.status).toBe('denied');
    expect(after.body.decision).toMatchObject({
      status: 'denied',
      decidedAt: '2026-11-30T14:00:00Z',
      denialReason: { code: 'not_a_covered_benefit', description: expect.any(String) },
    });
    expect(after.body.serviceLines[0].approvedUnits).toBe(0);
  });

  it('decides every pended request with a decision and, when denied, a coded reason', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const ids: string[] = [];
    for (let units = 1; units <= 12; units++) {
      const body = preauthorizationBody(member.details.memberId, {
        serviceLines: [
          { procedureCode: '29881', units, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
        ],
      });
      const answer = await portal.call('POST', '/api/v1/preauthorizations', {
        token,
        json: body,
        headers: { prefer: 'outcome=pended' },
      });
      ids.push(answer.body.referenceId);
    }
    await portal.advance({ days: 8 });
    token = await portal.token('clinical.a');
    const search = await portal.call('GET', '/api/v1/preauthorizations?pageSize=100', { token });
    const statuses = new Set(search.body.data.map((row: any) => row.status));
    expect([...statuses].every((status) => status === 'approved' || status === 'denied')).toBe(true);
    for (const id of ids) {
      const details = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
      if (details.body.status === 'denied') {
        expect(details.body.decision.denialReason.code).toMatch(
          /^(not_medically_necessary|not_a_covered_benefit|out_of_network_provider|duplicate_request)$/,
        );
      }
    }
  });

  it('answers each Prefer outcome', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const create = (prefer: string, overrides: Record<string, unknown> = {}) =>
      portal.call('POST', '/api/v1/preauthorizations', {
        token,
        json: preauthorizationBody(member.details.memberId, overrides),
        headers: { prefer },
      });
    const approved = await create('outcome=approved');
    expect(approved.body).toMatchObject({
      status: 'approved',
      decision: { status: 'approved', decidedAt: '2026-11-23T14:00:00Z' },
    });
    const denied = await create('outcome=denied, denial-reason=member_not_eligible');
    expect(denied.body).toMatchObject({
      status: 'denied',
      decision: { status: 'denied', denialReason: { code: 'member_not_eligible' } },
    });
    const questions = await create('outcome=more_information_needed', { serviceType: 'physical_therapy' });
    expect(questions.body.status).toBe('more_information_needed');
    expect(questions.body.questionnaire.questionnaireId).toBe('QNR-PT-0042');
    const unknown = await create('outcome=maybe');
    expect(unknown.status).toBe(400);
  });

  it('moves more_information_needed to pended once the questionnaire is answered', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId, { serviceType: 'imaging' }),
      headers: { prefer: 'outcome=more_information_needed' },
    });
    const { referenceId, questionnaire } = created.body;
    const path = `/api/v1/preauthorizations/${referenceId}/questionnaire-responses`;
    const missing = await portal.call('POST', path, {
      token,
      json: {
        questionnaireId: questionnaire.questionnaireId,
        answers: [{ questionId: 'Q1', selected: true }],
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.violations.map((v: any) => v.message).join(' ')).toContain('Q3');

    const answers = {
      questionnaireId: questionnaire.questionnaireId,
      answers: [
        { questionId: 'Q1', selected: true },
        { questionId: 'Q3', details: 'An MRI decides between injection and arthroscopy.' },
      ],
    };
    const answered = await portal.call('POST', path, { token, json: answers });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('pended');
    expect(answered.body.questionnaire).toBeUndefined();
    const again = await portal.call('POST', path, { token, json: answers });
    expect(again.status).toBe(409);
    const details = await portal.call('GET', `/api/v1/preauthorizations/${referenceId}`, { token });
    expect(details.body.status).toBe('pended');
  });

  it('denies an unanswered questionnaire at the decision due time (insufficient information)', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId, { urgency: 'expedited' }),
      headers: { prefer: 'outcome=more_information_needed' },
    });
    await portal.advance({ hours: 72 });
    token = await portal.token('clinical.a');
    const details = await portal.call('GET', `/api/v1/preauthorizations/${created.body.referenceId}`, {
      token,
    });
    expect(details.body.decision.denialReason.code).toBe('insufficient_information');
  });

  it('holds the details back for a few hours with Prefer details=pending', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
      headers: { prefer: 'outcome=pended, details=pending' },
    });
    expect(created.body.detailsAvailableAfter).toBe('2026-11-23T18:00:00Z');
    const id = created.body.referenceId;
    const pending = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({ code: 'PREAUTH_DETAILS_PENDING', retryAfterSeconds: 14_400 });
    expect(pending.headers.get('retry-after')).toBe('14400');
    const listed = await portal.call('GET', `/api/v1/preauthorizations?referenceId=${id}`, { token });
    expect(listed.body.data[0].detailsAvailable).toBe(false);

    await portal.advance({ hours: 4 });
    token = await portal.token('clinical.a');
    expect((await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token })).status).toBe(200);
    const later = await portal.call('GET', `/api/v1/preauthorizations?referenceId=${id}`, { token });
    expect(later.body.data[0].detailsAvailable).toBe(true);
  });

  it('creates one record for an Idempotency-Key sent twice, and refuses the key with another body', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const body = preauthorizationBody(member.details.memberId);
    const headers = { 'idempotency-key': 'pa-retry-1' };
    const first = await portal.call('POST', '/api/v1/preauthorizations', { token, json: body, headers });
    const second = await portal.call('POST', '/api/v1/preauthorizations', { token, json: body, headers });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const search = await portal.call('GET', '/api/v1/preauthorizations', { token });
    expect(search.body.page.totalItems).toBe(1);
    const other = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: { ...body, urgency: 'expedited' },
      headers,
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('accepts a service end date 180 days after the request date and refuses 181, with every violation', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const line = (end: string) => [
      { procedureCode: '29881', units: 1, serviceStartDate: '2026-12-01', serviceEndDate: end },
    ];
    const ok = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId, {
        serviceEndDate: '2027-05-22',
        serviceLines: line('2027-05-22'),
      }),
    });
    expect(ok.status).toBe(201);
    const refused = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId, {
        serviceEndDate: '2027-05-23',
        serviceLines: [
          ...line('2027-05-23'),
          { procedureCode: '2988', units: 1, serviceStartDate: '2026-12-01', serviceEndDate: '2026-11-30' },
        ],
      }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations.map((v: any) => v.code).sort()).toEqual([
      'INVALID_CPT_CODE',
      'SERVICE_DATES_REVERSED',
      'SERVICE_END_BEYOND_180_DAYS',
      'SERVICE_END_BEYOND_180_DAYS',
    ]);
  });

  it('refuses dates outside the coverage, an unknown member (404) and an unknown provider address', async () => {
    const portal = openPortal();
    const termed = portal.member(
      (m) => m.details.status === 'termed' && m.details.coverageEndDate < '2026-11-01',
    );
    const token = await portal.token('clinical.a');
    const outside = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(termed.details.memberId),
    });
    expect(outside.status).toBe(422);
    expect(outside.body.violations.map((v: any) => v.code)).toContain('SERVICE_OUTSIDE_COVERAGE');
    const unknown = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody('ZZ9999999999'),
    });
    // Not an existence oracle: an unknown member answers as another Tax ID's member does.
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('MEMBER_NOT_FOUND');
    const mismatch = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(activeMember(portal).details.memberId, {
        servicingProvider: { ...PATEL, address: { ...PATEL.address, zip: '06510' } },
      }),
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('PROVIDER_IDENTITY_MISMATCH');
  });

  it('keeps another Tax ID out: 404 for its requests, 403 for acting for its providers', async () => {
    const portal = openPortal();
    const member = sharedMember(portal);
    const tokenA = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token: tokenA,
      json: preauthorizationBody(member.details.memberId),
    });
    const id = created.body.referenceId;
    const tokenB = await portal.token('admin.b');
    for (const path of [`/api/v1/preauthorizations/${id}`, `/api/v1/preauthorizations/${id}/attachments`]) {
      const answer = await portal.call('GET', path, { token: tokenB });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(answer.body)).not.toContain(member.details.memberId);
    }
    const search = await portal.call('GET', '/api/v1/preauthorizations', { token: tokenB });
    expect(search.body.data).toEqual([]);
    const upload = await portal.call('POST', `/api/v1/preauthorizations/${id}/attachments`, {
      token: tokenB,
      form: filesForm(pdf()),
    });
    expect(upload.status).toBe(404);
    const actingForA = await portal.call('POST', '/api/v1/preauthorizations', {
      token: tokenB,
      json: preauthorizationBody(member.details.memberId),
    });
    expect(actingForA.status).toBe(403);
    expect(actingForA.body.code).toBe('TAX_ID_NOT_AUTHORIZED');
    // A user of both Tax IDs sees it, and acts for B's providers too.
    const tokenMulti = await portal.token('multi.tin');
    expect((await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token: tokenMulti })).status).toBe(
      200,
    );
    const forB = await portal.call('POST', '/api/v1/preauthorizations', {
      token: tokenMulti,
      json: preauthorizationBody(member.details.memberId, { requestingProvider: RIVERA_B }),
    });
    expect(forB.status).toBe(201);
  });

  it('applies a modification that extends the dates or lowers units, and pends one that needs staff', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
      headers: { prefer: 'outcome=approved' },
    });
    const id = created.body.referenceId;
    const path = `/api/v1/preauthorizations/${id}/modifications`;
    const applied = await portal.call('POST', path, {
      token,
      json: {
        reason: 'Member was hospitalized.',
        serviceEndDate: '2027-03-26',
        lines: [{ lineNumber: 1, serviceEndDate: '2027-03-26', units: 1 }],
      },
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      outcome: 'applied',
      referenceId: id,
      message: 'The modifications have been made.',
    });
    const pended = await portal.call('POST', path, {
      token,
      json: { reason: 'Move the start.', lines: [{ lineNumber: 1, serviceStartDate: '2026-12-07' }] },
    });
    expect(pended.body.outcome).toBe('pended');
    const forced = await portal.call('POST', path, {
      token,
      json: { reason: 'Shorter.', serviceEndDate: '2027-03-20' },
      headers: { prefer: 'outcome=applied' },
    });
    expect(forced.body.outcome).toBe('applied');
    const details = await portal.call('GET', `/api/v1/preauthorizations/${id}`, { token });
    expect(details.body.serviceEndDate).toBe('2027-03-20');
    expect(details.body.serviceLines[0]).toMatchObject({
      serviceStartDate: '2026-12-01',
      serviceEndDate: '2027-03-26',
      units: 1,
      approvedUnits: 1,
    });
    expect(details.body.modifications.map((m: any) => m.outcome)).toEqual(['applied', 'pended', 'applied']);

    const more = await portal.call('POST', path, {
      token,
      json: { reason: 'More visits.', lines: [{ lineNumber: 1, units: 5 }] },
    });
    expect(more.body.code).toBe('PREAUTH_NOT_EDITABLE');
    const locked = await portal.call('POST', path, {
      token,
      json: { reason: 'Other member.', memberId: 'K6000000002' },
    });
    expect(locked.body.violations.map((v: any) => v.code)).toContain('PREAUTH_NOT_EDITABLE');
    const beyond = await portal.call('POST', path, {
      token,
      json: { reason: 'Longer.', serviceEndDate: '2027-05-23' },
    });
    expect(beyond.status).toBe(422);
    expect(beyond.body.code).toBe('SERVICE_END_BEYOND_180_DAYS');
  });

  it('checks upload batches: five files pass, six are refused, an .exe is refused, all are listed locked', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
    });
    const path = `/api/v1/preauthorizations/${created.body.referenceId}/attachments`;
    const five = await portal.call('POST', path, {
      token,
      form: filesForm(
        pdf('a.pdf'),
        pdf('b.pdf'),
        file('plain notes', 'c.txt', 'text/plain'),
        pdf('d.pdf'),
        pdf('e.pdf'),
      ),
    });
    expect(five.status).toBe(201);
    expect(five.body.attachments).toHaveLength(5);
    expect(five.body.attachments[2]).toMatchObject({
      fileName: 'c.txt',
      mediaType: 'text/plain',
      sizeBytes: 11,
      locked: true,
    });
    const six = await portal.call('POST', path, {
      token,
      form: filesForm(pdf('1.pdf'), pdf('2.pdf'), pdf('3.pdf'), pdf('4.pdf'), pdf('5.pdf'), pdf('6.pdf')),
    });
    expect(six.status).toBe(422);
    expect(six.body.code).toBe('TOO_MANY_ATTACHMENTS');
    const exe = await portal.call('POST', path, {
      token,
      form: filesForm(
        file(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'setup.exe', 'application/octet-stream'),
      ),
    });
    expect(exe.status).toBe(422);
    expect(exe.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const renamed = await portal.call('POST', path, {
      token,
      form: filesForm(file(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'notes.pdf', 'application/pdf')),
    });
    expect(renamed.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const empty = await portal.call('POST', path, {
      token,
      form: filesForm(file('', 'empty.pdf', 'application/pdf')),
    });
    expect(empty.body.code).toBe('ATTACHMENT_EMPTY');
    const list = await portal.call('GET', `${path}?pageSize=2&page=3`, { token });
    expect(list.body.page).toEqual({ number: 3, size: 2, totalItems: 5, totalPages: 3 });
    expect(list.body.data).toEqual([expect.objectContaining({ fileName: 'e.pdf', locked: true })]);
  });
});

describe('the preauthorization check tool', () => {
  it('answers each code the same way for a seed, gives no tracking number and stores nothing', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('billing.a');
    const codes = ['99213', '73721', '97110', 'E0601', '29881', '70553', '27447'];
    const first = await portal.call('POST', '/api/v1/preauthorization-checks', {
      token,
      json: { memberId: member.details.memberId, procedureCodes: codes },
    });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => r.procedureCode)).toEqual(codes);
    expect(first.body.results[0]).toMatchObject({ required: false, decisionBy: 'plan' });
    for (const result of first.body.results) {
      if (result.decisionBy === 'delegated_vendor')
        expect(result.vendor).toMatchObject({ name: expect.any(String), phone: expect.any(String) });
      if (result.procedureCode.startsWith('7') && result.required)
        expect(result.decisionBy).toBe('delegated_vendor');
    }
    expect(JSON.stringify(first.body)).not.toMatch(/PA-\d|tracking|referenceId/);
    const second = await portal.call('POST', '/api/v1/preauthorization-checks', {
      token,
      json: { memberId: member.details.memberId, procedureCodes: codes },
    });
    expect(second.body).toEqual(first.body);
    const other = openPortal({ seed: 7 });
    const otherToken = await other.token('billing.a');
    const seven = await other.call('POST', '/api/v1/preauthorization-checks', {
      token: otherToken,
      json: { memberId: activeMember(other).details.memberId, procedureCodes: codes },
    });
    expect(seven.body.results).not.toEqual(first.body.results);
    const search = await portal.call('GET', '/api/v1/preauthorizations', { token });
    expect(search.body.data).toEqual([]);
  });

  it('refuses a malformed code and an invalid NPI with their rule codes', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const answer = await portal.call('POST', '/api/v1/preauthorization-checks', {
      token,
      json: {
        memberId: activeMember(portal).details.memberId,
        procedureCodes: ['9711'],
        servicingNpi: '1234567890',
      },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.violations.map((v: any) => v.code).sort()).toEqual([
      'INVALID_CPT_CODE',
      'INVALID_NPI',
    ]);
  });
});
