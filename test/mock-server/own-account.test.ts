/**
 * Your own account over HTTP (issue 15, item 1; seed 004: "Login and Settings: the steps for logging in
 * and changing settings"): the password (current one required, the registration policy, other sessions
 * ended, a wrong current password counted like a failed sign-in), the 4-digit PIN, the email address
 * (a code emailed to the new address, read from GET /__admin/mailbox, confirms it; the old address is
 * told), and the settings. Boundaries: 11/12/128/129-character passwords, 3/4/5-digit PINs, the code at
 * 10 minutes - 1 ms and at 10 minutes, wrong codes 4 and 5.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONA_PIN } from '../../mock-server/core/personas.ts';
import { SIGN_IN_FAILURE_LIMIT } from '../../mock-server/core/sign-in-throttle.ts';
import { EMAIL_CHANGE_MAX_ATTEMPTS, EMAIL_CHANGE_TTL_MS } from '../../sdk/rules/index.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';

async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

let portal: TestPortal;
let token: string;

beforeEach(async () => {
  portal = createTestPortal();
  token = await portal.tokenFor('clinical.a');
});

const changePassword = (newPassword: string, currentPassword = PERSONA_PASSWORD, as = token) =>
  portal.call('POST', '/api/v1/me/password', { json: { currentPassword, newPassword }, token: as });

describe('changePassword', () => {
  it.each([
    [11, 400],
    [12, 200],
    [128, 200],
    [129, 400],
  ])('a new password of %i characters answers %i', async (length, status) => {
    const response = await changePassword('p'.repeat(length));
    expect(response.status).toBe(status);
    if (status === 400) expect((await json(response)).code).toBe('VALIDATION_FAILED');
  });

  it('refuses the current password as the new one (PASSWORD_UNCHANGED)', async () => {
    const response = await changePassword(PERSONA_PASSWORD);
    expect(response.status).toBe(422);
    expect((await json(response)).code).toBe('PASSWORD_UNCHANGED');
  });

  it('ends the other sessions, keeps the current one, and the new password signs in', async () => {
    const other = await portal.tokenFor('clinical.a');
    const response = await changePassword('Maple-Lantern-Quiet-73');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ changedAt: '2026-11-23T14:00:00Z', otherSessionsEnded: 1 });
    expect((await portal.call('GET', '/api/v1/me', { token })).status).toBe(200);
    expect((await portal.call('GET', '/api/v1/me', { token: other })).status).toBe(401);
    expect((await portal.signIn('clinical.a')).status).toBe(401);
    expect((await portal.signIn('clinical.a', undefined, 'Maple-Lantern-Quiet-73')).status).toBe(200);
  });

  it('answers a wrong current password like a failed sign-in, counted by the sign-in throttle', async () => {
    for (let attempt = 1; attempt < SIGN_IN_FAILURE_LIMIT; attempt += 1) {
      const response = await changePassword('Maple-Lantern-Quiet-73', 'not-the-password');
      expect(response.status).toBe(401);
      expect((await json(response)).code).toBe('INVALID_CREDENTIALS');
    }
    // The limit-th failure locks the username: the next attempt (even the right password) answers 429.
    expect((await changePassword('Maple-Lantern-Quiet-73', 'not-the-password')).status).toBe(401);
    expect((await changePassword('Maple-Lantern-Quiet-73')).status).toBe(429);
    expect((await portal.signIn('clinical.a')).status).toBe(429);
    // The session was not ended by the wrong passwords.
    expect((await portal.call('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('audits the change without the passwords', async () => {
    await changePassword('Maple-Lantern-Quiet-73');
    const audit = await json(
      (await portal.admin('GET', '/audit?action=account.password_change')) as Response,
    );
    expect(audit.entries).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Maple-Lantern');
    expect(JSON.stringify(audit)).not.toContain(PERSONA_PASSWORD);
  });
});

const changePin = (newPin: unknown, currentPin: unknown = PERSONA_PIN) =>
  portal.call('POST', '/api/v1/me/pin', { json: { currentPin, newPin }, token });

describe('changePin', () => {
  it.each([
    ['135', 422, 'INVALID_PIN'],
    ['1357', 200, undefined],
    ['13579', 422, 'INVALID_PIN'],
  ])('a new PIN %s answers %i', async (pin, status, code) => {
    const response = await changePin(pin);
    expect(response.status).toBe(status);
    if (code !== undefined) expect((await json(response)).code).toBe(code);
  });

  it('refuses the current PIN as the new one, and a wrong current PIN like a failed sign-in', async () => {
    const same = await changePin(PERSONA_PIN);
    expect([same.status, (await json(same)).code]).toEqual([422, 'PIN_UNCHANGED']);
    const wrong = await changePin('1357', '9999');
    expect([wrong.status, (await json(wrong)).code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('the new PIN is the current one afterwards', async () => {
    expect((await changePin('1357')).status).toBe(200);
    expect((await changePin('8642', '1357')).status).toBe(200);
    expect((await changePin('1111', PERSONA_PIN)).status).toBe(401);
  });
});

const NEW_EMAIL = 'Clinical.New@HartfordFamilyMed.example';

async function requestEmailChange(email = NEW_EMAIL) {
  return portal.call('POST', '/api/v1/me/email-change', { json: { email }, token });
}

async function pendingChange(): Promise<string> {
  const response = await requestEmailChange();
  expect(response.status).toBe(202);
  return (await json(response)).changeId as string;
}

const confirm = (changeId: string, code = PERSONA_MFA_CODE) =>
  portal.call('POST', '/api/v1/me/email-change/confirmation', { json: { changeId, code }, token });

async function mailbox(to: string) {
  return (await json(await portal.admin('GET', `/mailbox?to=${encodeURIComponent(to)}`))).messages as {
    to: string;
    subject: string;
    code?: string;
  }[];
}

describe('requestEmailChange and confirmEmailChange', () => {
  it('emails the code to the new address, tells the old one, and changes only when confirmed', async () => {
    const pending = await requestEmailChange();
    expect(pending.status).toBe(202);
    const body = await json(pending);
    expect(body).toMatchObject({
      deliveredTo: 'C*****w@HartfordFamilyMed.example',
      expiresAt: '2026-11-23T14:10:00Z',
    });
    const [codeMail] = await mailbox(NEW_EMAIL.toLowerCase());
    expect(codeMail?.code).toBe(PERSONA_MFA_CODE);
    expect((await json(await portal.call('GET', '/api/v1/me', { token }))).email).toBe(
      'clinical.a@hartfordfamilymed.example',
    );
    const confirmed = await confirm(body.changeId, codeMail?.code);
    expect(confirmed.status).toBe(200);
    expect((await json(await portal.call('GET', '/api/v1/me', { token }))).email).toBe(NEW_EMAIL);
    const old = await mailbox('clinical.a@hartfordfamilymed.example');
    expect(old.map((message) => message.subject)).toEqual([
      'Your email address was changed',
      'A change of your email address was requested',
    ]);
    expect(old.every((message) => message.code === undefined)).toBe(true);
  });

  it('refuses another account’s address, without regard to case (EMAIL_IN_USE)', async () => {
    const response = await requestEmailChange('ADMIN.A@hartfordfamilymed.example');
    expect([response.status, (await json(response)).code]).toEqual([409, 'EMAIL_IN_USE']);
  });

  it('a code is single-use', async () => {
    const changeId = await pendingChange();
    expect((await confirm(changeId)).status).toBe(200);
    const again = await confirm(changeId);
    expect([again.status, (await json(again)).code]).toEqual([422, 'EMAIL_CODE_INVALID']);
  });

  it('the code confirms at 10 minutes - 1 ms, not at 10 minutes', async () => {
    const early = await pendingChange();
    await portal.advance({ milliseconds: EMAIL_CHANGE_TTL_MS - 1 });
    expect((await confirm(early)).status).toBe(200);
    await portal.admin('POST', '/reset');
    token = await portal.tokenFor('clinical.a');
    const late = await pendingChange();
    await portal.advance({ milliseconds: EMAIL_CHANGE_TTL_MS });
    token = await portal.tokenFor('clinical.a');
    const response = await confirm(late);
    expect([response.status, (await json(response)).code]).toEqual([422, 'EMAIL_CODE_INVALID']);
  });

  it(`spends the change at the ${EMAIL_CHANGE_MAX_ATTEMPTS}th wrong code, not before`, async () => {
    const changeId = await pendingChange();
    for (let attempt = 1; attempt < EMAIL_CHANGE_MAX_ATTEMPTS; attempt += 1) {
      expect((await confirm(changeId, '000000')).status).toBe(422);
    }
    // After 4 wrong codes the right one still confirms…
    const spared = await pendingChange();
    for (let attempt = 1; attempt < EMAIL_CHANGE_MAX_ATTEMPTS; attempt += 1) {
      expect((await confirm(spared, '000000')).status).toBe(422);
    }
    expect((await confirm(spared)).status).toBe(200);
  });

  it('after the 5th wrong code even the right code is refused', async () => {
    const changeId = await pendingChange();
    for (let attempt = 1; attempt <= EMAIL_CHANGE_MAX_ATTEMPTS; attempt += 1) {
      expect((await confirm(changeId, '000000')).status).toBe(422);
    }
    expect((await confirm(changeId)).status).toBe(422);
  });

  it('another account cannot confirm the change, and the answer is the same as for an unknown one', async () => {
    const changeId = await pendingChange();
    const otherToken = await portal.tokenFor('admin.a');
    const foreign = await portal.call('POST', '/api/v1/me/email-change/confirmation', {
      json: { changeId, code: PERSONA_MFA_CODE },
      token: otherToken,
    });
    const unknown = await confirm('EML-AAAAAAAA');
    expect(foreign.status).toBe(422);
    expect((await json(foreign)).detail).toBe((await json(unknown)).detail);
  });

  it('refuses at confirmation an address another account took in the meantime', async () => {
    const changeId = await pendingChange();
    const adminToken = await portal.tokenFor('admin.a');
    const taken = await portal.call('POST', '/api/v1/me/email-change', {
      json: { email: NEW_EMAIL.toUpperCase() },
      token: adminToken,
    });
    const takenId = (await json(taken)).changeId;
    expect(
      (
        await portal.call('POST', '/api/v1/me/email-change/confirmation', {
          json: { changeId: takenId, code: PERSONA_MFA_CODE },
          token: adminToken,
        })
      ).status,
    ).toBe(200);
    const response = await confirm(changeId);
    expect([response.status, (await json(response)).code]).toEqual([409, 'EMAIL_IN_USE']);
  });
});

describe('settings', () => {
  it('answers the defaults, then the changes, with the acknowledgement at the mock clock', async () => {
    expect(await json(await portal.call('GET', '/api/v1/me/settings', { token }))).toEqual({
      notifications: { messages: true, authorizationDecisions: true, siteVerification: false },
      defaultTaxId: null,
      securityPolicyAcknowledgedAt: null,
    });
    await portal.advance({ minutes: 5 });
    token = await portal.tokenFor('clinical.a');
    const updated = await portal.call('PATCH', '/api/v1/me/settings', {
      json: {
        notifications: { messages: false },
        defaultTaxId: '06-0646668',
        securityPolicyAcknowledged: true,
      },
      token,
    });
    expect(updated.status).toBe(200);
    expect(await json(updated)).toEqual({
      notifications: { messages: false, authorizationDecisions: true, siteVerification: false },
      defaultTaxId: '060646668',
      securityPolicyAcknowledgedAt: '2026-11-23T14:05:00Z',
    });
  });

  it('refuses a default Tax ID the user does not act for, and an empty change', async () => {
    const foreign = await portal.call('PATCH', '/api/v1/me/settings', {
      json: { defaultTaxId: '133456789' },
      token,
    });
    expect([foreign.status, (await json(foreign)).code]).toEqual([403, 'TAX_ID_NOT_AUTHORIZED']);
    const empty = await portal.call('PATCH', '/api/v1/me/settings', { json: {}, token });
    expect(empty.status).toBe(400);
  });
});
