/**
 * Contract cases of the documents domain: the Documents tab of the signed-in user, documents that are
 * prepared on the mock clock (202 with Retry-After and Location, then 200 after advancing the clock
 * two minutes), DOCUMENT_NOT_READY while preparing and EXPORT_OWNER_ONLY for another user's document.
 */
import { TAX_ID_A } from '../../../mock-server/data/fixtures.ts';
import { PROVIDER_NPIS } from '../../../mock-server/data/provider-directory.ts';
import type { ContractApi, ContractCase } from './types.ts';

/** Exports claims as the case's user and answers the new document's ID. */
async function exportClaims(api: ContractApi): Promise<string> {
  const response = await api.call('POST', '/claim-exports', {
    json: { from: '2026-08-26', to: '2026-11-23' },
  });
  if (response.status !== 202) throw new Error(`export failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { documentId: string }).documentId;
}

async function panelReport(api: ContractApi): Promise<string> {
  const response = await api.call('POST', '/reports/pcp-member-panel', {
    json: { pcpNpi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A },
  });
  if (response.status !== 202) throw new Error(`report failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { documentId: string }).documentId;
}

/** Advances the mock clock past the preparation time and answers a fresh token of the user. */
async function afterPreparation(api: ContractApi, username: string): Promise<string> {
  await api.admin('POST', '/clock/advance', { minutes: 2 });
  return api.tokenFor(username);
}

export const cases: ContractCase[] = [
  {
    operationId: 'listDocuments',
    name: 'no documents yet',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', '/documents'),
  },
  {
    operationId: 'listDocuments',
    name: 'an export being prepared and a ready report, newest first',
    as: 'admin.a',
    status: 200,
    async run(api) {
      await panelReport(api);
      const token = await afterPreparation(api, 'admin.a');
      await api.call('POST', '/claim-exports', { token, json: { from: '2026-08-26', to: '2026-11-23' } });
      return api.call('GET', '/documents', { token });
    },
  },
  {
    operationId: 'listDocuments',
    name: 'filtered by kind and status',
    as: 'billing.a',
    status: 200,
    async run(api) {
      await exportClaims(api);
      return api.call('GET', '/documents?kind=claims_export&status=preparing');
    },
  },
  {
    operationId: 'getDocument',
    name: '202 with Retry-After and Location while preparing',
    as: 'billing.a',
    status: 202,
    async run(api) {
      return api.call('GET', `/documents/${await exportClaims(api)}`);
    },
  },
  {
    operationId: 'getDocument',
    name: '200 ready after two minutes on the mock clock',
    as: 'billing.a',
    status: 200,
    async run(api) {
      const documentId = await exportClaims(api);
      const token = await afterPreparation(api, 'billing.a');
      return api.call('GET', `/documents/${documentId}`, { token });
    },
  },
  {
    operationId: 'getDocument',
    name: '200 failed with Prefer: outcome=failed',
    as: 'billing.a',
    status: 200,
    async run(api) {
      const response = await api.call('POST', '/claim-exports', {
        headers: { Prefer: 'outcome=failed' },
        json: { from: '2026-08-26', to: '2026-11-23' },
      });
      const { documentId } = (await response.json()) as { documentId: string };
      const token = await afterPreparation(api, 'billing.a');
      return api.call('GET', `/documents/${documentId}`, { token });
    },
  },
  {
    operationId: 'getDocument',
    name: '403 EXPORT_OWNER_ONLY for another user’s export',
    as: 'billing.a',
    status: 403,
    async run(api) {
      const documentId = await exportClaims(api);
      return api.call('GET', `/documents/${documentId}`, { token: await api.tokenFor('admin.a') });
    },
  },
  {
    operationId: 'getDocument',
    name: '404 for an unknown document',
    as: 'billing.a',
    status: 404,
    run: (api) => api.call('GET', '/documents/DOC-999999'),
  },
  {
    operationId: 'downloadDocument',
    name: 'the claims export as CSV once ready',
    as: 'billing.a',
    status: 200,
    async run(api) {
      const documentId = await exportClaims(api);
      const token = await afterPreparation(api, 'billing.a');
      return api.call('GET', `/documents/${documentId}/content`, { token });
    },
  },
  {
    operationId: 'downloadDocument',
    name: 'the PCP member panel report as XLSX once ready',
    as: 'admin.a',
    status: 200,
    async run(api) {
      const documentId = await panelReport(api);
      const token = await afterPreparation(api, 'admin.a');
      return api.call('GET', `/documents/${documentId}/content`, { token });
    },
  },
  {
    operationId: 'downloadDocument',
    name: '409 DOCUMENT_NOT_READY while preparing',
    as: 'billing.a',
    status: 409,
    async run(api) {
      return api.call('GET', `/documents/${await exportClaims(api)}/content`);
    },
  },
  {
    operationId: 'downloadDocument',
    name: '403 EXPORT_OWNER_ONLY for another user of the same Tax ID',
    as: 'billing.a',
    status: 403,
    async run(api) {
      const documentId = await exportClaims(api);
      const token = await afterPreparation(api, 'clinical.a');
      return api.call('GET', `/documents/${documentId}/content`, { token });
    },
  },
  {
    operationId: 'downloadDocument',
    name: '404 for an unknown document',
    as: 'billing.a',
    status: 404,
    run: (api) => api.call('GET', '/documents/DOC-999999/content'),
  },
];
