/**
 * Contract cases of the providers domain: search and profiles of the user's Tax IDs only, and
 * profile update requests by administrators (ADMIN_ROLE_REQUIRED) with attachments under the
 * attachment rules.
 */
import { TAX_ID_B } from '../../../mock-server/data/fixtures.ts';
import { PROVIDER_NPIS } from '../../../mock-server/data/provider-directory.ts';
import type { ContractCase } from './types.ts';

function updateForm(files: File[] = []): FormData {
  const form = new FormData();
  form.set(
    'changes',
    JSON.stringify([
      { field: 'phone', addressId: 'ADDR-000101', newValue: '(860) 545-7000', effectiveDate: '2027-01-04' },
    ]),
  );
  form.set('reason', 'The Hartford practice has a new phone number from 2027-01-04.');
  for (const file of files) form.append('files', file);
  return form;
}

function pdf(name: string): File {
  return new File([new TextEncoder().encode('%PDF-1.4\n% supporting document\n')], name, {
    type: 'application/pdf',
  });
}

export const cases: ContractCase[] = [
  {
    operationId: 'searchProviders',
    name: 'by partial name',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('GET', '/providers?name=Adam'),
  },
  {
    operationId: 'searchProviders',
    name: 'by NPI within one Tax ID',
    as: 'multi.tin',
    status: 200,
    run: (api) => api.call('GET', `/providers?npi=${PROVIDER_NPIS.adamski}&taxId=${TAX_ID_B}`),
  },
  {
    operationId: 'searchProviders',
    name: 'every provider of the user’s Tax IDs, paged',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', '/providers?page=1&pageSize=5'),
  },
  {
    operationId: 'searchProviders',
    name: '422 INVALID_NPI',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', '/providers?npi=1407819536'),
  },
  {
    operationId: 'searchProviders',
    name: '422 SEARCH_TERM_TOO_SHORT for a one-character name',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', '/providers?name=A'),
  },
  {
    operationId: 'searchProviders',
    name: '403 TAX_ID_NOT_AUTHORIZED for a Tax ID the user does not act for',
    as: 'admin.a',
    status: 403,
    run: (api) => api.call('GET', `/providers?taxId=${TAX_ID_B}`),
  },
  {
    operationId: 'getProvider',
    name: 'a provider of Tax ID A',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/providers/${PROVIDER_NPIS.adamski}`),
  },
  {
    operationId: 'getProvider',
    name: 'the same provider seen from Tax ID B: only Tax ID B’s addresses',
    as: 'admin.b',
    status: 200,
    run: (api) => api.call('GET', `/providers/${PROVIDER_NPIS.adamski}`),
  },
  {
    operationId: 'getProvider',
    name: '404 for a provider of another Tax ID',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('GET', `/providers/${PROVIDER_NPIS.rivera}`),
  },
  {
    operationId: 'getProvider',
    name: '422 INVALID_NPI',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', '/providers/1407819536'),
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '202 received, with a Location to follow it, from an administrator with a supporting document',
    as: 'admin.a',
    status: 202,
    run: (api) =>
      api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, {
        form: updateForm([pdf('new-phone-letter.pdf')]),
      }),
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '403 ADMIN_ROLE_REQUIRED for clinical staff',
    as: 'clinical.a',
    status: 403,
    run: (api) =>
      api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, { form: updateForm() }),
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '404 for a provider of another Tax ID',
    as: 'admin.a',
    status: 404,
    run: (api) =>
      api.call('POST', `/providers/${PROVIDER_NPIS.rivera}/profile-update-requests`, { form: updateForm() }),
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '422 TOO_MANY_ATTACHMENTS and ATTACHMENT_TYPE_NOT_ALLOWED',
    as: 'admin.a',
    status: 422,
    run: (api) =>
      api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, {
        form: updateForm([
          pdf('1.pdf'),
          pdf('2.pdf'),
          pdf('3.pdf'),
          pdf('4.pdf'),
          pdf('5.pdf'),
          new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }),
        ]),
      }),
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '422 INVALID_NPI in the path',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('POST', '/providers/1407819536/profile-update-requests', { form: updateForm() }),
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'admin.b',
    status: 409,
    async run(api) {
      const headers = { 'Idempotency-Key': 'profile-update-1' };
      const path = `/providers/${PROVIDER_NPIS.rivera}/profile-update-requests`;
      await api.call('POST', path, { headers, form: updateForm() });
      const other = updateForm();
      other.set('reason', 'Another reason');
      return api.call('POST', path, { headers, form: other });
    },
  },
  {
    operationId: 'requestProviderProfileUpdate',
    name: '202 for multi.tin, administrator on Tax ID B of a provider shared with A',
    as: 'multi.tin',
    status: 202,
    run: (api) =>
      api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, { form: updateForm() }),
  },
  {
    operationId: 'getProviderProfileUpdateRequest',
    name: 'rejected two days after submission with Prefer: outcome=rejected',
    as: 'admin.a',
    status: 200,
    run: async (api) => {
      const created = await api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, {
        form: updateForm(),
        headers: { Prefer: 'outcome=rejected' },
      });
      const { requestId } = (await created.json()) as { requestId: string };
      await api.admin('POST', '/clock/advance', { days: 2 });
      return api.call('GET', `/provider-profile-update-requests/${requestId}`, {
        token: await api.tokenFor('admin.a'),
      });
    },
  },
  {
    operationId: 'getProviderProfileUpdateRequest',
    name: '404 for a request of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const created = await api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, {
        form: updateForm(),
        token: await api.tokenFor('admin.a'),
      });
      const { requestId } = (await created.json()) as { requestId: string };
      return api.call('GET', `/provider-profile-update-requests/${requestId}`);
    },
  },
  {
    operationId: 'getProviderProfileUpdateRequest',
    name: '403 ADMIN_ROLE_REQUIRED for clinical staff',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('GET', '/provider-profile-update-requests/PUR-000001'),
  },
  {
    operationId: 'listProviderProfileUpdateRequests',
    name: 'the requests of my Tax IDs, in review an hour later',
    as: 'admin.a',
    status: 200,
    run: async (api) => {
      await api.call('POST', `/providers/${PROVIDER_NPIS.adamski}/profile-update-requests`, {
        form: updateForm(),
      });
      await api.admin('POST', '/clock/advance', { hours: 1 });
      return api.call('GET', `/provider-profile-update-requests?status=in_review`, {
        token: await api.tokenFor('admin.a'),
      });
    },
  },
  {
    operationId: 'listProviderProfileUpdateRequests',
    name: '422 INVALID_NPI for a wrong check digit',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', '/provider-profile-update-requests?npi=1407819536'),
  },
  {
    operationId: 'listProviderProfileUpdateRequests',
    name: '403 ADMIN_ROLE_REQUIRED for billing staff',
    as: 'billing.a',
    status: 403,
    run: (api) => api.call('GET', '/provider-profile-update-requests'),
  },
];
