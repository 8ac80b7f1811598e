/** Contract cases of the admission-notifications domain: notifications, concurrent review, documents, modifications. */
import {
  admissionBody,
  CONCURRENT_REVIEW_ANSWERS,
  createAdmission,
  expectJson,
  LOPEZ_A,
  MEMBERS,
  onePdf,
  onToday,
  SHARED_MEMBER,
  sixPdfs,
} from './transaction-fixtures.ts';
import type { ContractCase } from './types.ts';

export const cases: ContractCase[] = [
  // createAdmissionNotification
  {
    operationId: 'createAdmissionNotification',
    name: '201 created with concurrent-review questions',
    as: 'clinical.a',
    status: 201,
    run: async (api) =>
      api.call('POST', '/admission-notifications', {
        token: await onToday(api, 'clinical.a'),
        json: admissionBody(),
      }),
  },
  {
    operationId: 'createAdmissionNotification',
    name: '201 newborn approved at once',
    as: 'clinical.a',
    status: 201,
    run: async (api) =>
      api.call('POST', '/admission-notifications', {
        token: await onToday(api, 'clinical.a'),
        json: admissionBody({
          admissionType: 'newborn',
          admissionDate: '2026-11-21',
          diagnoses: [{ code: 'Z38.00', primary: true }],
          newborn: { birthDate: '2026-11-21', sex: 'female', birthWeightGrams: 3280 },
        }),
      }),
  },
  {
    operationId: 'createAdmissionNotification',
    name: '200 delegated (DELEGATED_MEMBER) with the entity to notify',
    as: 'clinical.a',
    status: 200,
    run: async (api) =>
      api.call('POST', '/admission-notifications', {
        token: await onToday(api, 'clinical.a'),
        json: admissionBody({ memberId: MEMBERS.delegated }),
      }),
  },
  {
    operationId: 'createAdmissionNotification',
    name: '422 PROVIDER_IDENTITY_MISMATCH for an address not of that NPI and Tax ID',
    as: 'clinical.a',
    status: 422,
    run: async (api) =>
      api.call('POST', '/admission-notifications', {
        token: await onToday(api, 'clinical.a'),
        json: admissionBody({
          attendingProvider: { ...LOPEZ_A, address: { ...LOPEZ_A.address, zip: '06103' } },
        }),
      }),
  },
  {
    operationId: 'createAdmissionNotification',
    name: '400 for a newborn notification without the newborn',
    as: 'clinical.a',
    status: 400,
    run: async (api) =>
      api.call('POST', '/admission-notifications', {
        token: await onToday(api, 'clinical.a'),
        json: admissionBody({ admissionType: 'newborn' }),
      }),
  },
  {
    operationId: 'createAdmissionNotification',
    name: '403 TAX_ID_NOT_AUTHORIZED for a facility and attending provider of another Tax ID',
    as: 'admin.b',
    status: 403,
    run: async (api) =>
      api.call('POST', '/admission-notifications', {
        token: await onToday(api, 'admin.b'),
        json: admissionBody({ memberId: SHARED_MEMBER }),
      }),
  },
  {
    operationId: 'createAdmissionNotification',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const headers = { 'Idempotency-Key': 'contract-an-reused' };
      await expectJson(
        await api.call('POST', '/admission-notifications', { token, json: admissionBody(), headers }),
        201,
      );
      return api.call('POST', '/admission-notifications', {
        token,
        json: admissionBody({ admissionDate: '2026-11-21' }),
        headers,
      });
    },
  },

  // searchAdmissionNotifications
  {
    operationId: 'searchAdmissionNotifications',
    name: 'finds a created notification',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call(
        'GET',
        `/admission-notifications?trackingNumber=${created.trackingNumber}&admissionType=emergent_inpatient&from=2026-11-01&to=2026-11-23`,
        { token },
      );
    },
  },
  {
    operationId: 'searchAdmissionNotifications',
    name: '400 for an unknown admission type',
    as: 'clinical.a',
    status: 400,
    run: (api) => api.call('GET', '/admission-notifications?admissionType=elective'),
  },

  // getAdmissionNotification
  {
    operationId: 'getAdmissionNotification',
    name: 'the details of a created notification',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('GET', `/admission-notifications/${created.trackingNumber}`, { token });
    },
  },
  {
    operationId: 'getAdmissionNotification',
    name: '404 NOT_FOUND for a notification of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const created = await createAdmission(api, await onToday(api, 'clinical.a'));
      return api.call('GET', `/admission-notifications/${created.trackingNumber}`, {
        token: await api.tokenFor('admin.b'),
      });
    },
  },

  // answerConcurrentReviewQuestions
  {
    operationId: 'answerConcurrentReviewQuestions',
    name: 'approves the stay once the questions are answered',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/questionnaire-responses`, {
        token,
        json: CONCURRENT_REVIEW_ANSWERS,
      });
    },
  },
  {
    operationId: 'answerConcurrentReviewQuestions',
    name: '409 when there are no open questions',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token, 'outcome=approved');
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/questionnaire-responses`, {
        token,
        json: CONCURRENT_REVIEW_ANSWERS,
      });
    },
  },
  {
    operationId: 'answerConcurrentReviewQuestions',
    name: '404 for an unknown notification',
    as: 'clinical.a',
    status: 404,
    run: (api) =>
      api.call('POST', '/admission-notifications/AN-99999999/questionnaire-responses', {
        json: CONCURRENT_REVIEW_ANSWERS,
      }),
  },

  // uploadAdmissionNotificationAttachments
  {
    operationId: 'uploadAdmissionNotificationAttachments',
    name: 'attaches a PDF for the concurrent review',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/attachments`, {
        token,
        form: onePdf('ed-physician-notes.pdf'),
      });
    },
  },
  {
    operationId: 'uploadAdmissionNotificationAttachments',
    name: '422 TOO_MANY_ATTACHMENTS for six files',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/attachments`, {
        token,
        form: sixPdfs(),
      });
    },
  },
  {
    operationId: 'uploadAdmissionNotificationAttachments',
    name: '404 for an unknown notification',
    as: 'clinical.a',
    status: 404,
    run: (api) => api.call('POST', '/admission-notifications/AN-99999999/attachments', { form: onePdf() }),
  },

  // requestAdmissionNotificationModification
  {
    operationId: 'requestAdmissionNotificationModification',
    name: '201 applied: the discharge date and confirmed diagnoses',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/modifications`, {
        token,
        json: {
          reason: 'Member discharged home; add the discharge date and the confirmed diagnosis.',
          dischargeDate: '2026-11-25',
          diagnoses: [{ code: 'J45.52', primary: true }, { code: 'J18.9' }],
        },
      });
    },
  },
  {
    operationId: 'requestAdmissionNotificationModification',
    name: '201 pended: a corrected admission date',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/modifications`, {
        token,
        json: { reason: 'Admission date was entered as the ED arrival date.', admissionDate: '2026-11-21' },
      });
    },
  },
  {
    operationId: 'requestAdmissionNotificationModification',
    name: '422 SERVICE_DATES_REVERSED for a discharge before the admission',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/modifications`, {
        token,
        json: { reason: 'Discharged.', dischargeDate: '2026-11-20' },
      });
    },
  },
  {
    operationId: 'requestAdmissionNotificationModification',
    name: '400 without any change',
    as: 'clinical.a',
    status: 400,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await createAdmission(api, token);
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/modifications`, {
        token,
        json: { reason: 'Nothing.' },
      });
    },
  },
  {
    operationId: 'requestAdmissionNotificationModification',
    name: '404 for a notification of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const created = await createAdmission(api, await onToday(api, 'clinical.a'));
      return api.call('POST', `/admission-notifications/${created.trackingNumber}/modifications`, {
        token: await api.tokenFor('admin.b'),
        json: { reason: 'Discharged.', dischargeDate: '2026-11-25' },
      });
    },
  },
];
