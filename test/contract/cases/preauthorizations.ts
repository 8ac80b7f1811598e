/** Contract cases of the preauthorizations domain: the check tool, requests, questionnaires, attachments, modifications. */
import {
  advance,
  createPreauthorization,
  executable,
  expectJson,
  MEMBERS,
  onePdf,
  onToday,
  PATEL,
  preauthorizationBody,
  SHARED_MEMBER,
  sixPdfs,
  THERAPY_ANSWERS,
} from './transaction-fixtures.ts';
import type { ContractCase } from './types.ts';

const line = (end: string) => [
  { procedureCode: '97110', units: 24, serviceStartDate: '2026-12-01', serviceEndDate: end },
];

export const cases: ContractCase[] = [
  // checkPreauthorizationRequirement
  {
    operationId: 'checkPreauthorizationRequirement',
    name: 'answers per code who decides, with no tracking number',
    as: 'clinical.a',
    status: 200,
    run: (api) =>
      api.call('POST', '/preauthorization-checks', {
        json: {
          memberId: MEMBERS.activeCommercial,
          procedureCodes: ['97110', '73721', 'E0601', '99213'],
          servicingNpi: PATEL.npi,
          placeOfService: '11',
        },
      }),
  },
  {
    operationId: 'checkPreauthorizationRequirement',
    name: '422 INVALID_CPT_CODE and INVALID_NPI',
    as: 'clinical.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/preauthorization-checks', {
        json: { memberId: MEMBERS.activeCommercial, procedureCodes: ['9711'], servicingNpi: '1234567890' },
      }),
  },
  {
    operationId: 'checkPreauthorizationRequirement',
    name: '400 without procedure codes',
    as: 'clinical.a',
    status: 400,
    run: (api) =>
      api.call('POST', '/preauthorization-checks', { json: { memberId: MEMBERS.activeCommercial } }),
  },
  {
    operationId: 'checkPreauthorizationRequirement',
    name: '401 without a session',
    status: 401,
    run: (api) =>
      api.call('POST', '/preauthorization-checks', {
        token: null,
        json: { memberId: MEMBERS.activeCommercial, procedureCodes: ['97110'] },
      }),
  },

  // createPreauthorization
  ...(['pended', 'approved', 'more_information_needed', 'denied'] as const).map(
    (outcome): ContractCase => ({
      operationId: 'createPreauthorization',
      name: `201 ${outcome} (Prefer: outcome=${outcome})`,
      as: 'clinical.a',
      status: 201,
      run: async (api) =>
        api.call('POST', '/preauthorizations', {
          token: await onToday(api, 'clinical.a'),
          json: preauthorizationBody(),
          headers: { Prefer: `outcome=${outcome}` },
        }),
    }),
  ),
  {
    operationId: 'createPreauthorization',
    name: '201 with the service end date on day 180 after the request date',
    as: 'clinical.a',
    status: 201,
    run: async (api) =>
      api.call('POST', '/preauthorizations', {
        token: await onToday(api, 'clinical.a'),
        json: preauthorizationBody({ serviceEndDate: '2027-05-22', serviceLines: line('2027-05-22') }),
        headers: { 'Idempotency-Key': 'contract-pa-day-180' },
      }),
  },
  {
    operationId: 'createPreauthorization',
    name: '422 SERVICE_END_BEYOND_180_DAYS on day 181',
    as: 'clinical.a',
    status: 422,
    run: async (api) =>
      api.call('POST', '/preauthorizations', {
        token: await onToday(api, 'clinical.a'),
        json: preauthorizationBody({ serviceEndDate: '2027-05-23', serviceLines: line('2027-05-23') }),
      }),
  },
  {
    operationId: 'createPreauthorization',
    name: '422 SERVICE_OUTSIDE_COVERAGE for a termed member',
    as: 'clinical.a',
    status: 422,
    run: async (api) =>
      api.call('POST', '/preauthorizations', {
        token: await onToday(api, 'clinical.a'),
        json: preauthorizationBody({ memberId: MEMBERS.termed }),
      }),
  },
  {
    operationId: 'createPreauthorization',
    name: '400 VALIDATION_FAILED without a member',
    as: 'clinical.a',
    status: 400,
    run: (api) => {
      const { memberId: _memberId, ...body } = preauthorizationBody();
      return api.call('POST', '/preauthorizations', { json: body });
    },
  },
  {
    operationId: 'createPreauthorization',
    name: '403 TAX_ID_NOT_AUTHORIZED for a requesting provider of another Tax ID',
    as: 'admin.b',
    status: 403,
    run: async (api) =>
      api.call('POST', '/preauthorizations', {
        token: await onToday(api, 'admin.b'),
        json: preauthorizationBody({ memberId: SHARED_MEMBER }),
      }),
  },
  {
    operationId: 'createPreauthorization',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const headers = { 'Idempotency-Key': 'contract-pa-reused' };
      await expectJson(
        await api.call('POST', '/preauthorizations', { token, json: preauthorizationBody(), headers }),
        201,
      );
      return api.call('POST', '/preauthorizations', {
        token,
        json: preauthorizationBody({ urgency: 'expedited' }),
        headers,
      });
    },
  },

  // searchPreauthorizations
  {
    operationId: 'searchPreauthorizations',
    name: 'finds a created request',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token);
      return api.call(
        'GET',
        `/preauthorizations?referenceId=${receipt.referenceId}&memberId=${MEMBERS.activeCommercial}`,
        {
          token,
        },
      );
    },
  },
  {
    operationId: 'searchPreauthorizations',
    name: 'shows the decision of an expedited pended request 72 hours later',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const receipt = await createPreauthorization(
        api,
        await onToday(api, 'clinical.a'),
        'outcome=pended, decision=denied',
        {
          urgency: 'expedited',
        },
      );
      const token = await advance(api, 'clinical.a', { hours: 72 });
      return api.call('GET', `/preauthorizations?referenceId=${receipt.referenceId}&status=denied`, {
        token,
      });
    },
  },
  {
    operationId: 'searchPreauthorizations',
    name: "an administrator of the same Tax ID finds a colleague's request",
    as: 'admin.a',
    status: 200,
    run: async (api) => {
      await createPreauthorization(api, await onToday(api, 'clinical.a'));
      return api.call('GET', '/preauthorizations?status=pended&from=2026-11-23&to=2026-11-23', {
        token: await api.tokenFor('admin.a'),
      });
    },
  },
  {
    operationId: 'searchPreauthorizations',
    name: '400 for an unknown status',
    as: 'clinical.a',
    status: 400,
    run: (api) => api.call('GET', '/preauthorizations?status=maybe'),
  },

  // getPreauthorization
  {
    operationId: 'getPreauthorization',
    name: 'the details of a created request',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=approved');
      return api.call('GET', `/preauthorizations/${receipt.referenceId}`, { token });
    },
  },
  {
    operationId: 'getPreauthorization',
    name: '404 NOT_FOUND for a request of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const receipt = await createPreauthorization(api, await onToday(api, 'clinical.a'));
      return api.call('GET', `/preauthorizations/${receipt.referenceId}`, {
        token: await api.tokenFor('admin.b'),
      });
    },
  },
  {
    operationId: 'getPreauthorization',
    name: '409 PREAUTH_DETAILS_PENDING just after submission (Prefer: details=pending)',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=pended, details=pending');
      return api.call('GET', `/preauthorizations/${receipt.referenceId}`, { token });
    },
  },

  // answerPreauthorizationQuestionnaire
  {
    operationId: 'answerPreauthorizationQuestionnaire',
    name: 'moves more_information_needed to pended',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=more_information_needed');
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/questionnaire-responses`, {
        token,
        json: THERAPY_ANSWERS,
      });
    },
  },
  {
    operationId: 'answerPreauthorizationQuestionnaire',
    name: '409 when the questionnaire was already answered',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=more_information_needed');
      const path = `/preauthorizations/${receipt.referenceId}/questionnaire-responses`;
      await expectJson(await api.call('POST', path, { token, json: THERAPY_ANSWERS }), 200);
      return api.call('POST', path, { token, json: THERAPY_ANSWERS });
    },
  },
  {
    operationId: 'answerPreauthorizationQuestionnaire',
    name: '400 when a required question is not answered',
    as: 'clinical.a',
    status: 400,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=more_information_needed');
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/questionnaire-responses`, {
        token,
        json: { questionnaireId: 'QNR-PT-0042', answers: [{ questionId: 'Q2', selected: true }] },
      });
    },
  },
  {
    operationId: 'answerPreauthorizationQuestionnaire',
    name: '404 for an unknown request',
    as: 'clinical.a',
    status: 404,
    run: (api) =>
      api.call('POST', '/preauthorizations/PA-99999999/questionnaire-responses', { json: THERAPY_ANSWERS }),
  },

  // uploadPreauthorizationAttachments
  {
    operationId: 'uploadPreauthorizationAttachments',
    name: 'attaches a PDF, locked',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token);
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/attachments`, {
        token,
        form: onePdf(),
      });
    },
  },
  {
    operationId: 'uploadPreauthorizationAttachments',
    name: '422 TOO_MANY_ATTACHMENTS for six files',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token);
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/attachments`, {
        token,
        form: sixPdfs(),
      });
    },
  },
  {
    operationId: 'uploadPreauthorizationAttachments',
    name: '422 ATTACHMENT_TYPE_NOT_ALLOWED for an .exe',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token);
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/attachments`, {
        token,
        form: executable(),
      });
    },
  },
  {
    operationId: 'uploadPreauthorizationAttachments',
    name: '404 for a request of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const receipt = await createPreauthorization(api, await onToday(api, 'clinical.a'));
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/attachments`, {
        token: await api.tokenFor('admin.b'),
        form: onePdf(),
      });
    },
  },

  // listPreauthorizationAttachments
  {
    operationId: 'listPreauthorizationAttachments',
    name: 'lists the uploaded files, paged',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token);
      const path = `/preauthorizations/${receipt.referenceId}/attachments`;
      await expectJson(await api.call('POST', path, { token, form: onePdf() }), 201);
      return api.call('GET', `${path}?page=1&pageSize=10`, { token });
    },
  },
  {
    operationId: 'listPreauthorizationAttachments',
    name: '404 for an unknown request',
    as: 'clinical.a',
    status: 404,
    run: (api) => api.call('GET', '/preauthorizations/PA-99999999/attachments'),
  },

  // requestPreauthorizationModification
  {
    operationId: 'requestPreauthorizationModification',
    name: '201 applied: a later end date',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=approved');
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/modifications`, {
        token,
        json: {
          reason: 'Member was hospitalized for 2 weeks; more time is needed to use the approved visits.',
          serviceEndDate: '2027-03-26',
          lines: [{ lineNumber: 1, serviceEndDate: '2027-03-26' }],
        },
      });
    },
  },
  {
    operationId: 'requestPreauthorizationModification',
    name: '201 pended: a new start date needs staff',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=approved');
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/modifications`, {
        token,
        json: {
          reason: 'Change the start date.',
          lines: [{ lineNumber: 1, serviceStartDate: '2026-12-07' }],
        },
      });
    },
  },
  {
    operationId: 'requestPreauthorizationModification',
    name: '409 PREAUTH_NOT_EDITABLE for more units than requested',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=approved');
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/modifications`, {
        token,
        json: { reason: 'More visits.', lines: [{ lineNumber: 1, units: 30 }] },
      });
    },
  },
  {
    operationId: 'requestPreauthorizationModification',
    name: '422 SERVICE_END_BEYOND_180_DAYS from the original request date',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createPreauthorization(api, token, 'outcome=approved');
      return api.call('POST', `/preauthorizations/${receipt.referenceId}/modifications`, {
        token,
        json: { reason: 'Longer.', serviceEndDate: '2027-05-23' },
      });
    },
  },
  {
    operationId: 'requestPreauthorizationModification',
    name: '404 for an unknown request',
    as: 'clinical.a',
    status: 404,
    run: (api) =>
      api.call('POST', '/preauthorizations/PA-99999999/modifications', {
        json: { reason: 'Longer.', serviceEndDate: '2027-03-26' },
      }),
  },
];
