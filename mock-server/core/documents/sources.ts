/**
 * What the prepared documents (exports and reports) are made from, and how they are rendered: the
 * same claim filters as `searchClaims` for a claims export, the PCP and day for a member panel report.
 * Rendering is a pure function of the data and the source, so a document's bytes never change.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { memberStatusOn } from '../../data/members.ts';
import type { ClaimRecord, PortalData } from '../../data/portal-data.ts';
import { claimsExportCsv } from './claim-documents.ts';
import { pcpMemberPanelXlsx } from './pcp-member-panel.ts';

type Schemas = components['schemas'];

/** The filters of a claims search (and export). */
export interface ClaimFilters {
  from: string;
  to: string;
  memberId?: string;
  claimNumber?: string;
  providerNpi?: string;
  status?: Schemas['ClaimStatus'];
}

/** A claims export: the claims of some Tax IDs matching filters. */
export interface ClaimsExportSource {
  kind: 'claims_export';
  taxIds: string[];
  filters: ClaimFilters;
}

/** A PCP member panel report: one PCP's active members at one Tax ID on one day. */
export interface PcpPanelSource {
  kind: 'pcp_member_panel_report';
  pcpNpi: string;
  taxId: string;
  asOf: string;
  limit: number;
}

export type DocumentSource = ClaimsExportSource | PcpPanelSource;

/**
 * The claims billed under some Tax IDs that match a search's filters, newest submission first.
 *
 * @example
 * matchingClaims(data, ['060646668'], { from: '2026-09-01', to: '2026-11-23', status: 'paid' });
 */
export function matchingClaims(
  data: PortalData,
  taxIds: readonly string[],
  filters: ClaimFilters,
): ClaimRecord[] {
  return data
    .claimsSubmittedBetween(taxIds, filters.from, filters.to)
    .filter(
      ({ claim }) =>
        (filters.memberId === undefined || claim.memberId === filters.memberId) &&
        (filters.claimNumber === undefined || claim.claimNumber === filters.claimNumber) &&
        (filters.providerNpi === undefined || claim.providerNpi === filters.providerNpi) &&
        (filters.status === undefined || claim.status === filters.status),
    );
}

/**
 * A claim's search row (the summary fields of the claim).
 *
 * @example
 * claimSummary(record.claim).claimNumber; // '2026C131803'
 */
export function claimSummary(claim: Schemas['Claim']): Schemas['ClaimSummary'] {
  const summary: Schemas['ClaimSummary'] = {
    healthPlan: claim.healthPlan,
    claimNumber: claim.claimNumber,
    memberId: claim.memberId,
    memberName: claim.memberName,
    providerNpi: claim.providerNpi,
    providerName: claim.providerName,
    taxId: claim.taxId,
    serviceFromDate: claim.serviceFromDate,
    serviceToDate: claim.serviceToDate,
    submittedOn: claim.submittedOn,
    status: claim.status,
    billedAmount: claim.billedAmount,
    paidAmount: claim.paidAmount,
  };
  if (claim.checkNumber !== undefined) summary.checkNumber = claim.checkNumber;
  return summary;
}

/**
 * The bytes of a prepared document.
 *
 * @example
 * renderDocumentSource(data, { kind: 'claims_export', taxIds: ['060646668'], filters }); // CSV bytes
 */
export function renderDocumentSource(data: PortalData, source: DocumentSource): Uint8Array {
  if (source.kind === 'claims_export') {
    const rows = matchingClaims(data, source.taxIds, source.filters).map(({ claim }) => claimSummary(claim));
    return new TextEncoder().encode(claimsExportCsv(rows));
  }
  const pcp = data.provider(source.pcpNpi);
  const panel = data.pcpPanel(source.pcpNpi, source.taxId, source.limit);
  // "The report will only include active members." (Provider Portal FAQ, REPORT_ACTIVE_MEMBERS_ONLY)
  const active = panel.members.filter((member) => memberStatusOn(member.details, source.asOf) === 'active');
  return pcpMemberPanelXlsx(
    {
      pcpName: pcp?.profile.name ?? source.pcpNpi,
      pcpNpi: source.pcpNpi,
      taxId: source.taxId,
      asOf: source.asOf,
      truncated: panel.truncated,
      limit: source.limit,
    },
    active,
  );
}
