/**
 * The SDK against the mock portal, for every resource: happy paths, each error class, retries with
 * Retry-After, idempotent re-sends, timeouts, pagination, sign-in with MFA, and the session's warning
 * and expiry with the clock. Run over HTTP (portal.http.test.ts) and through MSW (portal.msw.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionTimeoutError,
  AuthenticationError,
  addDays,
  BadRequestError,
  ConflictError,
  createPortalClient,
  GoneError,
  NotFoundError,
  PermissionDeniedError,
  PortalValidationError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  systemClock,
  today,
  UnprocessableEntityError,
} from '../../../sdk/index.ts';
import type { PortalTarget, Sandbox } from './targets.ts';
import {
  HARTFORD_GROUP_A,
  LOPEZ_A,
  manualClock,
  openSandbox,
  PATEL,
  PDF,
  preauthorizationRequest,
} from './targets.ts';

const MINUTE = 60_000;
const PASSWORD = 'Portal-Test-2026!';

/** A fetch that counts what it sends and can change a request (e.g. add a Prefer) on one attempt. */
function countingFetch(change?: (request: Request, attempt: number) => Request) {
  const sent: Request[] = [];
  const fn = vi.fn(async (request: Request) => {
    const attempt = sent.length;
    const final = change ? change(request, attempt) : request;
    sent.push(final.clone());
    return globalThis.fetch(final);
  });
  return Object.assign(fn, { sent });
}

function withHeader(request: Request, name: string, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request, { headers });
}

export function describePortal(label: string, start: () => Promise<PortalTarget>): void {
  describe(`the SDK against the mock portal (${label})`, () => {
    let target: PortalTarget;
    let sandbox: Sandbox;

    beforeAll(async () => {
      target = await start();
      sandbox = await openSandbox(target);
    });
    afterAll(async () => {
      await target.close();
    });

    describe('session', () => {
      it('signs in with the emailed code on a new device, then calls with the session', async () => {
        const mfaCode = vi.fn(async () => '246810');
        const portal = sandbox.anonymous({
          credentials: { username: 'admin.a', password: PASSWORD, deviceId: 'laptop-42', mfaCode },
        });
        const me = await portal.session.me();
        expect(me).toMatchObject({
          username: 'admin.a',
          grants: [{ taxId: '060646668', role: 'administrator' }],
        });
        expect(mfaCode).toHaveBeenCalledWith(
          expect.objectContaining({ status: 'mfa_required', reason: 'new_device' }),
        );
        expect(portal.session.current?.idleTimeoutSeconds).toBe(900);
      });

      it('asks no code from the known device', async () => {
        const mfaCode = vi.fn(async () => '246810');
        const portal = sandbox.anonymous({
          credentials: { username: 'clinical.a', password: PASSWORD, deviceId: 'qa-device', mfaCode },
        });
        await portal.session.signIn();
        expect(mfaCode).not.toHaveBeenCalled();
        expect((await portal.session.me()).username).toBe('clinical.a');
      });

      it('a wrong code or password is an AuthenticationError; a locked account a PermissionDeniedError', async () => {
        const wrongCode = sandbox.anonymous({
          credentials: {
            username: 'admin.a',
            password: PASSWORD,
            deviceId: 'laptop-43',
            mfaCode: async () => '000000',
          },
        });
        await expect(wrongCode.session.me()).rejects.toMatchObject({
          name: 'AuthenticationError',
          code: 'MFA_CODE_INVALID',
        });
        const wrongPassword = sandbox.anonymous({
          credentials: { username: 'admin.a', password: 'nope', mfaCode: async () => '246810' },
        });
        await expect(wrongPassword.session.signIn()).rejects.toBeInstanceOf(AuthenticationError);
        const locked = sandbox.anonymous({
          credentials: {
            username: 'locked.user',
            password: PASSWORD,
            deviceId: 'qa-device',
            mfaCode: async () => '',
          },
        });
        await expect(locked.session.signIn()).rejects.toMatchObject({
          name: 'PermissionDeniedError',
          code: 'ACCOUNT_LOCKED',
        });
      });

      it('refresh, sign-out, forgotten username and password', async () => {
        const portal = await sandbox.client('billing.a');
        const refreshed = await portal.session.refresh();
        expect(refreshed.token).toBe(portal.session.token);
        await portal.session.signOut();
        expect(portal.session.check()).toBe('signed_out');
        await expect(portal.session.me()).rejects.toBeInstanceOf(AuthenticationError);
        const anonymous = sandbox.anonymous();
        await expect(
          anonymous.session.recoverUsername({ email: 'billing.a@hartfordfamilymed.example' }),
        ).resolves.toHaveProperty('message');
        await expect(
          anonymous.session.requestPasswordReset({ email: 'nobody@example.com', username: 'nobody.here' }),
        ).resolves.toHaveProperty('message');
      });

      it('verifyMfaCode by hand keeps the session it starts', async () => {
        const portal = sandbox.anonymous();
        const { data: challenge } = await portal.raw.POST('/session', {
          body: { username: 'billing.a', password: PASSWORD, deviceId: 'tablet-1' },
        });
        expect(challenge?.status).toBe('mfa_required');
        if (challenge?.status !== 'mfa_required') return;
        await portal.session.verifyMfaCode({
          challengeId: challenge.challengeId,
          code: '246810',
          rememberDevice: false,
        });
        expect((await portal.session.me()).username).toBe('billing.a');
      });

      it('warns at 14:30 of idleness and refuses to send at 15:00, by the clock (never signs in again)', async () => {
        const own = await openSandbox(target);
        const clock = manualClock();
        const onSessionWarning = vi.fn();
        const fetch = countingFetch();
        const mfaCode = vi.fn(async () => '246810');
        const portal = own.anonymous({
          clock,
          fetch,
          onSessionWarning,
          credentials: { username: 'clinical.a', password: PASSWORD, deviceId: 'front-desk-2', mfaCode },
        });
        await portal.members.get('K5500648801');
        const sentBefore = fetch.mock.calls.length;
        clock.advance(14 * MINUTE + 29_999);
        expect(portal.session.check()).toBe('active');
        clock.advance(1);
        expect(portal.session.check()).toBe('warning');
        expect(onSessionWarning).toHaveBeenCalledTimes(1);
        expect(onSessionWarning.mock.calls[0]?.[0].remainingMs).toBe(30_000);
        clock.advance(30_000);
        await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
        expect(fetch.mock.calls.length).toBe(sentBefore);
        expect(mfaCode).toHaveBeenCalledTimes(1);
      });

      it('the portal ends an idle session on its clock: 401 SESSION_EXPIRED, then nothing is sent', async () => {
        const own = await openSandbox(target);
        const fetch = countingFetch();
        const portal = await own.client('clinical.a', { fetch, maxRetries: 0 });
        await portal.members.get('K5500648801');
        await own.advance({ minutes: 15 });
        await expect(portal.members.get('K5500648801')).rejects.toMatchObject({
          name: 'SessionExpiredError',
          status: 401,
          code: 'SESSION_EXPIRED',
        });
        const sent = fetch.mock.calls.length;
        await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
        expect(fetch.mock.calls.length).toBe(sent);
      });

      it('a warning answered with refresh() keeps the session on both clocks', async () => {
        const own = await openSandbox(target);
        const clock = manualClock();
        const portal = await own.client('clinical.a', { clock });
        await portal.members.get('K5500648801');
        clock.advance(14 * MINUTE + 30_000);
        await own.advance({ minutes: 14, seconds: 30 });
        expect(portal.session.check()).toBe('warning');
        await portal.session.refresh();
        clock.advance(10 * MINUTE);
        await own.advance({ minutes: 10 });
        expect(portal.session.check()).toBe('active');
        await expect(portal.members.get('K5500648801')).resolves.toMatchObject({ memberId: 'K5500648801' });
      });
    });

    describe('registration and users', () => {
      it('registers an organisation once per Idempotency-Key, and a user', async () => {
        const anonymous = sandbox.anonymous();
        const body = {
          organization: { name: 'Wethersfield Family Practice', taxId: '27-1234567', groupNpi: '1234567893' },
          leadSiteManager: {
            firstName: 'Nadia',
            lastName: 'Kowalski',
            title: 'office_administrator' as const,
            email: 'nkowalski@wethersfieldfp.example',
            phone: '(860) 555-0142',
            pin: '4821',
          },
          sponsor: { name: 'Adamski, John', npi: '1407819535' },
          providerAgreementAccepted: true as const,
          securityPolicyAcknowledged: true as const,
        };
        const first = await anonymous.registration
          .registerOrganization(body, { idempotencyKey: 'org-once' })
          .withResponse();
        const again = await anonymous.registration
          .registerOrganization(body, { idempotencyKey: 'org-once' })
          .withResponse();
        expect(again.data).toEqual(first.data);
        expect(again.response.headers.get('idempotent-replayed')).toBe('true');
        await expect(anonymous.registration.registerOrganization(body)).rejects.toBeInstanceOf(ConflictError);
        await expect(
          anonymous.registration.registerOrganization({
            ...body,
            leadSiteManager: { ...body.leadSiteManager, pin: '12' },
          }),
        ).rejects.toBeInstanceOf(PortalValidationError);
        const registered = first.data as unknown as Record<string, unknown>;
        const key = (registered.applicationKey ?? registered.registrationCode) as string | undefined;
        if (key !== undefined) {
          const user = await anonymous.registration.registerUser({
            [registered.applicationKey === undefined ? 'registrationCode' : 'applicationKey']: key,
            taxId: '271234567',
            firstName: 'Omar',
            lastName: 'Haddad',
            email: 'ohaddad@wethersfieldfp.example',
            username: 'ohaddad.wfp',
            password: 'Correct-Horse-Battery-42',
            pin: '9034',
            securityPolicyAcknowledged: true,
            providerAgreementAccepted: true,
          } as never);
          expect(user).toMatchObject({ username: 'ohaddad.wfp' });
        }
      });

      it('associates and links provider accounts, and lists them', async () => {
        const portal = await sandbox.client('admin.b');
        const listed = await portal.registration.listLinkedAccounts();
        expect(listed.page.number).toBe(1);
        expect(Array.isArray(listed.data)).toBe(true);
      });

      it('lists, invites, changes roles, makes admin, revokes; verifies the site', async () => {
        const own = await openSandbox(target);
        const admin = await own.client('admin.a');
        const clinical = await own.client('clinical.a');
        await expect(clinical.users.list('060646668')).rejects.toMatchObject({
          name: 'PermissionDeniedError',
          code: 'ADMIN_ROLE_REQUIRED',
        });
        const users = [];
        for await (const user of admin.users.list('06-0646668', { pageSize: 2 })) users.push(user);
        expect(users.map((u) => u.userId)).toContain('USR-000002');
        const invited = await admin.users.invite('060646668', {
          invitations: [
            { firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' },
          ],
        });
        expect(invited.results[0]).toMatchObject({ outcome: 'sent' });
        const changed = await admin.users.updateRole('060646668', 'USR-000003', {
          role: 'billing_staff',
          permissions: ['view_eligibility', 'view_claims', 'view_payments'],
        });
        expect(changed).toMatchObject({ userId: 'USR-000003', role: 'billing_staff' });
        await expect(admin.users.makeAdmin('060646668', 'USR-000002')).resolves.toMatchObject({
          role: 'administrator',
        });
        await expect(admin.users.revoke('060646668', 'USR-000003')).resolves.toMatchObject({
          status: 'revoked',
        });
        const verification = await admin.users.siteVerification('060646668');
        const verified = await admin.users.verifySite('060646668', {
          users: verification.users.map(({ userId }) => ({ userId, stillBelongs: true })),
          providers: verification.providers.map(({ npi }) => ({ npi, stillBelongs: true })),
        });
        expect(verified.overdue).toBe(false);
        // A Secondary Site Manager clears the recommendation; a title that is not a site manager's is
        // refused before sending.
        expect(verified.siteManagers.notices.map((n) => n.code)).toEqual([
          'SECONDARY_SITE_MANAGER_RECOMMENDED',
        ]);
        await expect(
          admin.users.designateSecondarySiteManager('060646668', {
            userId: 'USR-000002',
            title: 'nurse' as never,
          }),
        ).rejects.toBeInstanceOf(PortalValidationError);
        const managers = await admin.users.designateSecondarySiteManager('060646668', {
          userId: 'USR-000002',
          title: 'medical_director',
        });
        expect(managers).toMatchObject({ secondary: { userId: 'USR-000002' }, notices: [] });
      });
    });

    describe('your own account', () => {
      it('changes the password (other sessions end), the PIN, the email with the emailed code, and the settings', async () => {
        // A sandbox of its own: the personas of the shared sandbox keep their password.
        const own = await openSandbox(target);
        const portal = await own.client('billing.a');
        const other = await own.client('billing.a');
        const changed = await portal.account.changePassword({
          currentPassword: PASSWORD,
          newPassword: 'Maple-Lantern-Quiet-73',
        });
        expect(changed.otherSessionsEnded).toBe(1);
        await expect(other.session.me()).rejects.toBeInstanceOf(AuthenticationError);
        await expect(
          portal.account.changePassword({ currentPassword: PASSWORD, newPassword: 'Another-Lantern-74' }),
        ).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
        await expect(portal.account.changePin({ currentPin: '2468', newPin: '135' })).rejects.toBeInstanceOf(
          PortalValidationError,
        );
        expect(
          (await portal.account.changePin({ currentPin: '2468', newPin: '1357' })).changedAt,
        ).toBeDefined();

        const pending = await portal.account.requestEmailChange({
          email: 'billing.new@hartfordfamilymed.example',
        });
        const mailbox = (await (
          await own.admin('GET', '/mailbox?to=billing.new@hartfordfamilymed.example')
        ).json()) as {
          messages: { code?: string }[];
        };
        const code = mailbox.messages[0]?.code ?? '';
        expect(code).toMatch(/^\d{6}$/);
        await portal.account.confirmEmailChange({ changeId: pending.changeId, code });
        expect((await portal.session.me()).email).toBe('billing.new@hartfordfamilymed.example');

        const settings = await portal.account.updateSettings({
          securityPolicyAcknowledged: true,
          defaultTaxId: '06-0646668',
        });
        expect(settings.defaultTaxId).toBe('060646668');
        expect(settings.securityPolicyAcknowledgedAt).not.toBeNull();
        expect(await portal.account.settings()).toEqual(settings);
      });

      it('registers an additional Tax ID with its single registration code, once', async () => {
        const own = await openSandbox(target);
        const portal = await own.client('billing.a');
        const added = await portal.account.registerAdditionalTaxId({
          taxId: '06-1234567',
          registrationCode: 'RC-06123-4567',
        });
        expect(added).toMatchObject({ taxId: '061234567', role: 'administrator' });
        const other = await own.client('clinical.a');
        await expect(
          other.account.registerAdditionalTaxId({ taxId: '061234567', registrationCode: 'RC-06123-4567' }),
        ).rejects.toMatchObject({ status: 422, code: 'REGISTRATION_CODE_INVALID' });
      });
    });

    describe('members and reports', () => {
      it('search, details, ID card and its image, benefits, summary of benefits, network status', async () => {
        const portal = await sandbox.client('clinical.a');
        const byId = await portal.members.search({ memberId: 'K5500648801' });
        expect(byId.data[0]).toMatchObject({ memberId: 'K5500648801', lastName: 'Ayod' });
        const byName = await portal.members.search({
          firstName: 'Te',
          lastName: 'Ay',
          dateOfBirth: '1954-09-05',
        });
        expect(byName.data.map((m) => m.memberId)).toContain('K5500648801');
        expect(await portal.members.get('K5500648801')).toMatchObject({
          status: 'active',
          coverageEndDate: '9999-12-31',
        });
        const card = await portal.members.idCard('K5500648813');
        expect(card.temporary).toBe(true);
        const image = await portal.members.idCardImage('K5500648801', 'back');
        expect(image.mediaType).toBe('image/png');
        expect([...image.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
        expect(image.fileName).toMatch(/\.png$/);
        expect((await portal.members.benefits('K5500648801')).services.length).toBeGreaterThan(0);
        const sob = await portal.members.summaryOfBenefits('K5500648801');
        expect(sob.mediaType).toBe('application/pdf');
        expect(new TextDecoder().decode(sob.bytes.slice(0, 5))).toBe('%PDF-');
        await expect(
          portal.members.networkStatus('K5500648801', { npi: '1407819535' }),
        ).resolves.toMatchObject({
          inNetwork: true,
        });
        await expect(portal.members.get('K5500648816')).rejects.toBeInstanceOf(NotFoundError);
      });

      it('a PCP member panel report is prepared as a document, then downloaded', async () => {
        const own = await openSandbox(target);
        const portal = await own.client('admin.a');
        const receipt = await portal.reports.pcpMemberPanel({ pcpNpi: '1407819535', taxId: '06-0646668' });
        expect(receipt.status).toBe('preparing');
        // The mock prepares documents in 2 minutes of its clock; poll often while the test moves it.
        const waiting = portal.documents.waitForFile(receipt, { maxIntervalMs: 50, timeoutMs: 20_000 });
        await own.advance({ minutes: 2 });
        const { document, file } = await waiting;
        expect(document.status).toBe('ready');
        expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(file.fileName).toBe(document.fileName);
        expect([...file.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
      });
    });

    describe('care plans', () => {
      it('attest, view and download; each error class of the rules', async () => {
        const portal = await sandbox.client('clinical.a');
        await expect(portal.carePlans.get('K5500648801', 'CPA-999999')).rejects.toBeInstanceOf(
          PermissionDeniedError,
        );
        const attestation = await portal.carePlans.attest('K5500648801', { attested: true });
        const plan = await portal.carePlans.get('K5500648801', attestation);
        expect(plan).toMatchObject({ memberId: 'K5500648801' });
        const pdf = await portal.carePlans.download('K5500648801', attestation.attestationId);
        expect(pdf.mediaType).toBe('application/pdf');
        const expired = await portal.carePlans.attest('K5500648811', { attested: true });
        await expect(portal.carePlans.get('K5500648811', expired)).rejects.toMatchObject({
          name: 'GoneError',
          code: 'CARE_PLAN_EXPIRED',
        });
        const sensitive = await portal.carePlans.attest('K5500648809', { attested: true });
        const error = await portal.carePlans.get('K5500648809', sensitive).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect((error as NotFoundError).problem.careTeamPhone).toBe('800-447-0768');
      });
    });

    describe('preauthorizations', () => {
      it('check, create, search, details, questionnaire, attachments, modification', async () => {
        const portal = await sandbox.client('clinical.a');
        const check = await portal.preauthorizations.checkRequirement({
          memberId: 'K5500648801',
          procedureCodes: ['99213', '29881'],
        });
        expect(check.results).toHaveLength(2);

        const receipt = await portal.preauthorizations.create(preauthorizationRequest(), {
          headers: { Prefer: 'outcome=more_information_needed' },
        });
        expect(receipt.status).toBe('more_information_needed');
        const referenceId = receipt.referenceId;
        const questionnaire = receipt.questionnaire;
        expect(questionnaire).toBeDefined();
        const answered = await portal.preauthorizations.answerQuestionnaire(referenceId, {
          questionnaireId: questionnaire?.questionnaireId ?? '',
          answers: (questionnaire?.questions ?? []).map((q) =>
            q.kind === 'checkbox'
              ? { questionId: q.questionId, selected: true }
              : { questionId: q.questionId, details: 'Details.' },
          ),
        });
        expect(answered.status).toBe('pended');

        const uploaded = await portal.preauthorizations.uploadAttachments(referenceId, {
          files: [
            { name: 'office-notes.pdf', data: PDF },
            new File([PDF], 'imaging.pdf', { type: 'application/pdf' }),
          ],
          description: 'Office notes',
        });
        expect(uploaded.attachments.map((a) => a.fileName)).toEqual(['office-notes.pdf', 'imaging.pdf']);
        const attachments = [];
        for await (const a of portal.preauthorizations.listAttachments(referenceId, { pageSize: 1 }))
          attachments.push(a);
        expect(attachments).toHaveLength(2);

        const details = await portal.preauthorizations.get(referenceId);
        expect(details).toMatchObject({ referenceId, memberId: 'K5500648801' });
        const found = await portal.preauthorizations.search({ referenceId });
        expect(found.data.map((p) => p.referenceId)).toEqual([referenceId]);

        const modification = await portal.preauthorizations.requestModification(referenceId, {
          reason: 'Member was hospitalized.',
          serviceEndDate: '2027-03-26',
          lines: [{ lineNumber: 1, serviceEndDate: '2027-03-26', units: 1 }],
        });
        expect(modification).toMatchObject({ referenceId });
      });

      it('a rule only the portal can check comes back as UnprocessableEntityError (termed member)', async () => {
        const portal = await sandbox.client('clinical.a');
        const error = await portal.preauthorizations
          .create(preauthorizationRequest({ memberId: 'K5500648802' }))
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnprocessableEntityError);
        expect((error as UnprocessableEntityError).violations.map((v) => v.code)).toContain(
          'SERVICE_OUTSIDE_COVERAGE',
        );
      });

      it('details not available yet: ConflictError with retryAfter', async () => {
        const portal = await sandbox.client('clinical.a');
        const receipt = await portal.preauthorizations.create(preauthorizationRequest(), {
          headers: { Prefer: 'details=pending' },
        });
        const error = await portal.preauthorizations.get(receipt.referenceId).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ code: 'PREAUTH_DETAILS_PENDING' });
        expect((error as ConflictError).retryAfter).toBeGreaterThan(0);
      });

      it('refuses a request the rules refuse before sending (end 181 days out)', async () => {
        const fetch = countingFetch();
        // The sandbox's clients follow its clock (X-Mock-Clock): 181 days count from the mock's day.
        const portal = await sandbox.client('clinical.a', { fetch });
        const error = await portal.preauthorizations
          .create(
            preauthorizationRequest({
              serviceEndDate: '2027-05-23',
              serviceLines: [
                {
                  procedureCode: '29881',
                  units: 2,
                  serviceStartDate: '2026-12-01',
                  serviceEndDate: '2027-05-23',
                },
              ],
            }),
          )
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PortalValidationError);
        expect((error as PortalValidationError).violations.map((v) => v.code)).toContain(
          'SERVICE_END_BEYOND_180_DAYS',
        );
        expect(fetch).not.toHaveBeenCalled();
      });
    });

    describe("the portal's clock (clock: 'portal')", () => {
      it('a mock months behind the machine: accepted at day 175, refused before sending at day 181', async () => {
        // What this tests is the machine's date against the mock's: put the mock 9 months before it.
        const machineToday = today(systemClock);
        const mockToday = addDays(machineToday, -270);
        // Opened at that day, not moved there: a clock moved years forward (the machine in 2032) would
        // find the monthly site verification overdue and block the user.
        const own = await openSandbox(target, `${mockToday}T15:00:00Z`);
        const fetch = countingFetch();
        const portal = createPortalClient({
          baseUrl: target.baseUrl,
          sessionToken: await own.token('clinical.a'),
          headers: { 'X-Mock-Sandbox': own.id },
          requireMockPortal: true,
          clock: 'portal',
          fetch,
        });
        await portal.session.me(); // any answer teaches the client the portal's time
        expect(today(portal.clock)).toBe(mockToday);
        const endingOn = (serviceEndDate: string) =>
          preauthorizationRequest({
            serviceStartDate: addDays(mockToday, 1),
            serviceEndDate,
            serviceLines: [
              { procedureCode: '29881', units: 2, serviceStartDate: addDays(mockToday, 1), serviceEndDate },
            ],
          });
        const accepted = await portal.preauthorizations.create(endingOn(addDays(mockToday, 175)));
        expect(accepted.referenceId).toMatch(/^PA-/);
        const sent = fetch.mock.calls.length;
        const refused = await portal.preauthorizations
          .create(endingOn(addDays(mockToday, 181)))
          .catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(PortalValidationError);
        expect((refused as PortalValidationError).violations.map((v) => v.code)).toContain(
          'SERVICE_END_BEYOND_180_DAYS',
        );
        expect(fetch.mock.calls.length).toBe(sent);
        // A client on the machine's clock disagrees: to it day 181 of the mock is in the past, so it sends
        // the request, and the mock refuses it (422, after the round trip).
        const byMachine = createPortalClient({
          baseUrl: target.baseUrl,
          sessionToken: await own.token('clinical.a'),
          headers: { 'X-Mock-Sandbox': own.id },
        });
        await expect(
          byMachine.preauthorizations.create(endingOn(addDays(mockToday, 181))),
        ).rejects.toMatchObject({ status: 422, code: 'SERVICE_END_BEYOND_180_DAYS' });
      });
    });

    describe('referrals', () => {
      const referral = {
        memberId: 'K5500648801',
        referringProvider: LOPEZ_A,
        specialist: PATEL,
        startDate: '2026-11-23',
        visits: 3,
        diagnoses: [{ code: 'J45.40', primary: true }],
      };

      it('create, not required for the product, details, search across pages', async () => {
        const portal = await sandbox.client('clinical.a');
        const created = await portal.referrals.create(referral);
        expect(created.outcome).toBe('created');
        const notRequired = await portal.referrals.create({ ...referral, memberId: 'K5500648803' });
        expect(notRequired.outcome).toBe('not_required');
        if (created.outcome !== 'created') return;
        const details = await portal.referrals.get(created.trackingNumber);
        expect(details.trackingNumber).toBe(created.trackingNumber);
        const all = [];
        const search = portal.referrals.search({
          direction: 'all',
          from: '2025-01-01',
          to: '2026-11-23',
          pageSize: 2,
        });
        const first = await search;
        for await (const r of search) all.push(r.trackingNumber);
        expect(all).toHaveLength(first.page.totalItems);
        expect(first.page.totalPages).toBeGreaterThan(1);
        expect(new Set(all).size).toBe(all.length);
      });
    });

    describe('admission notifications', () => {
      it('create, questions, attachments, modification, search; delegated members', async () => {
        const portal = await sandbox.client('clinical.a');
        const created = await portal.admissionNotifications.create({
          memberId: 'K5500648801',
          admissionType: 'emergent_inpatient',
          admissionDate: '2026-11-22',
          facility: HARTFORD_GROUP_A,
          attendingProvider: LOPEZ_A,
          diagnoses: [{ code: 'J45.52', primary: true }],
        });
        expect(created.outcome).toBe('created');
        if (created.outcome !== 'created') return;
        const trackingNumber = created.trackingNumber;
        const answered = await portal.admissionNotifications.answerQuestions(trackingNumber, {
          questionnaireId: 'QNR-CR-0007',
          answers: [
            { questionId: 'Q1', selected: true },
            { questionId: 'Q2', selected: false },
            { questionId: 'Q3', details: 'IV steroids; expected stay 3 days.' },
          ],
        });
        expect(answered).toMatchObject({ trackingNumber });
        const uploaded = await portal.admissionNotifications.uploadAttachments(trackingNumber, {
          files: [{ name: 'h-and-p.pdf', data: PDF }],
        });
        expect(uploaded.attachments).toHaveLength(1);
        const modified = await portal.admissionNotifications.requestModification(trackingNumber, {
          reason: 'Discharged home.',
          dischargeDate: '2026-11-25',
        });
        expect(modified).toMatchObject({ outcome: 'applied' });
        expect(await portal.admissionNotifications.get(trackingNumber)).toMatchObject({
          dischargeDate: '2026-11-25',
        });
        const found = await portal.admissionNotifications.search({ trackingNumber });
        expect(found.data).toHaveLength(1);
        const delegated = await portal.admissionNotifications.create({
          memberId: 'K5500648807',
          admissionType: 'maternity',
          admissionDate: '2026-11-22',
          facility: HARTFORD_GROUP_A,
          diagnoses: [{ code: 'O80', primary: true }],
        });
        expect(delegated.outcome).toBe('delegated');
      });
    });

    describe('claims and payments', () => {
      it('search across pages, details, EOP, check image, export to Documents', async () => {
        const own = await openSandbox(target);
        const portal = await own.client('billing.a');
        const query = { from: '2026-09-01', to: '2026-11-23', pageSize: 5 };
        const first = await portal.claims.search(query);
        const all: string[] = [];
        for await (const claim of portal.claims.search(query)) all.push(claim.claimNumber);
        expect(all).toHaveLength(first.page.totalItems);
        expect(first.page.totalPages).toBeGreaterThan(1);

        const claim = await portal.claims.get('9999REMIT001');
        // An object with its remittance id (not.toBeNull() would also pass on a missing field).
        expect(claim.remittance).toMatchObject({
          remittanceId: expect.any(String),
          explanationOfPaymentAvailable: true,
        });
        const eop = await portal.claims.explanationOfPayment('9999REMIT001');
        expect(eop.mediaType).toBe('application/pdf');
        const checkNumber = claim.payment?.checkNumber ?? claim.checkNumber;
        expect(checkNumber).toBeDefined();
        const image = await portal.claims.checkImage(checkNumber ?? '');
        expect(['image/png', 'application/pdf']).toContain(image.mediaType);
        const noRemittance = await portal.claims.get('9999NOREM001');
        expect(noRemittance).toMatchObject({ remittance: null, remittanceMessage: 'No records found' });
        await expect(portal.claims.explanationOfPayment('9999NOREM001')).rejects.toBeInstanceOf(
          NotFoundError,
        );

        const receipt = await portal.claims.export({ from: '2026-09-01', to: '2026-11-23' });
        expect(receipt.status).toBe('preparing');
        const listed = await portal.documents.list({ kind: 'claims_export' });
        expect(listed.data.map((d) => d.documentId)).toContain(receipt.documentId);
        const { response } = await portal.documents.get(receipt.documentId).withResponse();
        expect(response.status).toBe(202);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        await expect(portal.documents.download(receipt.documentId)).rejects.toMatchObject({
          name: 'ConflictError',
          code: 'DOCUMENT_NOT_READY',
        });
        const polled: string[] = [];
        const waiting = portal.documents.waitForFile(receipt, {
          maxIntervalMs: 50,
          timeoutMs: 20_000,
          onPoll: (d) => polled.push(d.status),
        });
        await new Promise((resolve) => setTimeout(resolve, 120));
        await own.advance({ minutes: 2 });
        const { file } = await waiting;
        expect(polled[0]).toBe('preparing');
        expect(polled.at(-1)).toBe('ready');
        expect(file.mediaType).toBe('text/csv');
        expect(new TextDecoder().decode(file.bytes)).toMatch(/^Claim Number,/);
        const other = await own.client('admin.a');
        await expect(other.documents.get(receipt.documentId)).rejects.toBeInstanceOf(PermissionDeniedError);
      });
    });

    describe('messages', () => {
      it('categories, create with its due date, list, details, attachments', async () => {
        const portal = await sandbox.client('clinical.a');
        const { categories } = await portal.messages.categories();
        expect(categories.map((c) => c.category)).toContain('claims');
        const receipt = await portal.messages.create({
          topic: 'general',
          senderNpi: '1234567893',
          category: 'claims',
          subcategory: 'claim_status',
          priority: 'medium',
          content: 'What is the status of claim 2026C00123456?',
          contactName: 'Daniel Reyes',
          contactPhone: '(860) 545-7000',
        });
        // Medium priority: 4 business days, Thanksgiving (Thursday 2026-11-26) skipped.
        expect(receipt.responseDueDate).toBe('2026-11-30');
        await expect(portal.messages.get(receipt.messageId)).resolves.toMatchObject({
          messageId: receipt.messageId,
        });
        const uploaded = await portal.messages.uploadAttachments(receipt.messageId, {
          files: [{ name: 'claim.txt', data: 'Claim 2026C00123456' }],
        });
        expect(uploaded.attachments).toHaveLength(1);
        const listed = await portal.messages.list({ category: 'claims' });
        expect(listed.data.map((m) => m.messageId)).toContain(receipt.messageId);
      });
    });

    describe('providers', () => {
      it('search, profile, profile update request with documents', async () => {
        const portal = await sandbox.client('admin.a');
        const found = await portal.providers.search({ npi: '1407819535' });
        expect(found.data[0]).toMatchObject({ npi: '1407819535' });
        const profile = await portal.providers.get('1407819535');
        const addressId = profile.addresses[0]?.addressId;
        const request = await portal.providers.requestProfileUpdate('1407819535', {
          changes: [{ field: 'phone', ...(addressId ? { addressId } : {}), newValue: '(860) 545-7000' }],
          reason: 'New phone number',
          files: [{ name: 'letterhead.pdf', data: PDF }],
        });
        expect(request).toMatchObject({ npi: '1407819535', status: 'received' });
        await expect(portal.providers.getProfileUpdate(request.requestId)).resolves.toMatchObject({
          requestId: request.requestId,
          status: 'received',
        });
        const mine = await portal.providers.listProfileUpdates({ npi: '1407819535' });
        expect(mine.data.map((row) => row.requestId)).toContain(request.requestId);
        const clinical = await sandbox.client('clinical.a');
        await expect(
          clinical.providers.requestProfileUpdate('1407819535', {
            changes: request.changes ?? [],
            reason: 'x',
          }),
        ).rejects.toMatchObject({ name: 'PermissionDeniedError', code: 'ADMIN_ROLE_REQUIRED' });
      });
    });

    describe('errors, retries, idempotency and timeouts', () => {
      it('each status becomes its error class (Prefer: status=…)', async () => {
        const portal = await sandbox.client('clinical.a', { maxRetries: 0 });
        const cases: [number, unknown][] = [
          [400, BadRequestError],
          [401, AuthenticationError],
          [403, PermissionDeniedError],
          [404, NotFoundError],
          [409, ConflictError],
          [429, RateLimitError],
          [500, ServerError],
          [503, ServerError],
        ];
        for (const [status, Class] of cases) {
          const error = await portal.members
            .get('K5500648801', { headers: { Prefer: `status=${status}` } })
            .catch((e: unknown) => e);
          expect(error, `status ${status}`).toBeInstanceOf(Class as never);
          expect(error).toMatchObject({ status, requestId: expect.stringMatching(/^req_/) });
        }
        const limited = await portal.members
          .get('K5500648801', { headers: { Prefer: 'status=429' } })
          .catch((e: unknown) => e);
        expect((limited as RateLimitError).retryAfter).toBe(1);
        const gone = await portal.members
          .get('K5500648801', { headers: { Prefer: 'status=410, code=CHECK_IMAGE_UNAVAILABLE' } })
          .catch((e: unknown) => e);
        expect(gone).toBeInstanceOf(GoneError);
        const expired = await portal.members
          .get('K5500648801', { headers: { Prefer: 'status=401, code=SESSION_EXPIRED' } })
          .catch((e: unknown) => e);
        expect(expired).toBeInstanceOf(SessionExpiredError);
      });

      it('retries a 503 after its Retry-After, then succeeds', async () => {
        const fetch = countingFetch((request, attempt) =>
          attempt === 0 ? withHeader(request, 'Prefer', 'status=503') : request,
        );
        const portal = await sandbox.client('clinical.a', { fetch });
        const started = Date.now();
        const { data } = await portal.members.get('K5500648801').withResponse();
        expect(data.memberId).toBe('K5500648801');
        expect(fetch).toHaveBeenCalledTimes(2);
        expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      });

      it('gives up after maxRetries with the last error', async () => {
        const fetch = countingFetch();
        const portal = await sandbox.client('clinical.a', { fetch, maxRetries: 1 });
        await expect(
          portal.members.get('K5500648801', { headers: { Prefer: 'status=503' } }),
        ).rejects.toBeInstanceOf(ServerError);
        expect(fetch).toHaveBeenCalledTimes(2);
      });

      it('does not retry a POST that has no Idempotency-Key', async () => {
        const fetch = countingFetch();
        const portal = await sandbox.client('clinical.a', { fetch });
        await expect(
          portal.preauthorizations.checkRequirement(
            { memberId: 'K5500648801', procedureCodes: ['99213'] },
            { headers: { Prefer: 'status=503' } },
          ),
        ).rejects.toBeInstanceOf(ServerError);
        expect(fetch).toHaveBeenCalledTimes(1);
      });

      it('a create whose answer was lost is retried with the same key: one record', async () => {
        const own = await openSandbox(target);
        const keys: (string | null)[] = [];
        let lost = false;
        const fetch = vi.fn(async (request: Request) => {
          keys.push(request.headers.get('idempotency-key'));
          const response = await globalThis.fetch(request);
          if (
            !lost &&
            new URL(request.url).pathname.endsWith('/preauthorizations') &&
            request.method === 'POST'
          ) {
            lost = true;
            throw new TypeError('socket hang up'); // the portal stored it, the answer never arrived
          }
          return response;
        });
        const portal = await own.client('clinical.a', { fetch });
        const { data, response } = await portal.preauthorizations
          .create(preauthorizationRequest(), { headers: { Prefer: 'outcome=approved' } })
          .withResponse();
        expect(keys).toHaveLength(2);
        expect(keys[0]).toBe(keys[1]);
        expect(response.headers.get('idempotent-replayed')).toBe('true');
        const all = await portal.preauthorizations.search({ memberId: 'K5500648801' });
        expect(all.data.map((p) => p.referenceId)).toEqual([data.referenceId]);
      });

      it('the same key with another body is a ConflictError (IDEMPOTENCY_KEY_REUSED)', async () => {
        const portal = await sandbox.client('clinical.a');
        await portal.preauthorizations.create(preauthorizationRequest(), { idempotencyKey: 'key-reused-1' });
        await expect(
          portal.preauthorizations.create(preauthorizationRequest({ urgency: 'expedited' }), {
            idempotencyKey: 'key-reused-1',
          }),
        ).rejects.toMatchObject({ name: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });
      });

      it('one idempotencyKey on two targets makes two modifications, each answered with its own', async () => {
        const own = await openSandbox(target);
        const portal = await own.client('clinical.a');
        const prefer = { headers: { Prefer: 'outcome=approved' } };
        const one = await portal.preauthorizations.create(preauthorizationRequest(), prefer);
        const two = await portal.preauthorizations.create(preauthorizationRequest(), prefer);
        const change = { reason: 'extend', serviceEndDate: '2027-03-31' };
        const first = await portal.preauthorizations
          .requestModification(one.referenceId, change, { idempotencyKey: 'same-key' })
          .withResponse();
        const second = await portal.preauthorizations
          .requestModification(two.referenceId, change, { idempotencyKey: 'same-key' })
          .withResponse();
        expect(first.data.referenceId).toBe(one.referenceId);
        expect(second.data.referenceId).toBe(two.referenceId);
        expect(second.data.modificationId).not.toBe(first.data.modificationId);
        expect(second.response.headers.get('idempotent-replayed')).toBeNull();
        const details = await portal.preauthorizations.get(two.referenceId);
        expect(details.serviceEndDate).toBe('2027-03-31');
        // The same call again on the same target is a replay of its own answer.
        const again = await portal.preauthorizations
          .requestModification(two.referenceId, change, { idempotencyKey: 'same-key' })
          .withResponse();
        expect(again.response.headers.get('idempotent-replayed')).toBe('true');
        expect(again.data).toEqual(second.data);
      });

      it('one idempotencyKey on two operations makes two records', async () => {
        const own = await openSandbox(target);
        const portal = await own.client('clinical.a');
        const options = { idempotencyKey: 'one-form-key' };
        const preauthorization = await portal.preauthorizations.create(preauthorizationRequest(), options);
        const referral = await portal.referrals
          .create(
            {
              memberId: 'K5500648801',
              referringProvider: LOPEZ_A,
              specialist: PATEL,
              startDate: '2026-11-23',
              visits: 3,
              diagnoses: [{ code: 'J45.40', primary: true }],
            },
            options,
          )
          .withResponse();
        expect(preauthorization.referenceId).toMatch(/^PA-/);
        expect(referral.data.outcome).toBe('created');
        expect(referral.response.headers.get('idempotent-replayed')).toBeNull();
      });

      it('times out a slow answer (Prefer: latency) with APIConnectionTimeoutError', async () => {
        const portal = await sandbox.client('clinical.a', { maxRetries: 0 });
        const error = await portal.members
          .get('K5500648801', { timeoutMs: 100, headers: { Prefer: 'latency=1000' } })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(APIConnectionTimeoutError);
        await expect(
          portal.members.get('K5500648801', { timeoutMs: 2_000, headers: { Prefer: 'latency=50' } }),
        ).resolves.toMatchObject({ memberId: 'K5500648801' });
      });

      it('aborts a slow call with its signal', async () => {
        const portal = await sandbox.client('clinical.a');
        const controller = new AbortController();
        const call = portal.members.get('K5500648801', {
          signal: controller.signal,
          headers: { Prefer: 'latency=1000' },
        });
        setTimeout(() => controller.abort(), 50);
        await expect(call).rejects.toMatchObject({ name: 'APIUserAbortError' });
      });

      it('raw typed access to any path goes through the same pipeline', async () => {
        const portal = await sandbox.client('clinical.a');
        const { data, error, response } = await portal.raw.GET('/members/{memberId}', {
          params: { path: { memberId: 'K5500648801' } },
        });
        expect(error).toBeUndefined();
        expect(data?.memberId).toBe('K5500648801');
        expect(response.headers.get('x-mock-portal')).toBe('1');
      });
    });
  });
}
