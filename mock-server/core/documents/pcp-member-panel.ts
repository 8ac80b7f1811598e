/**
 * The PCP member panel report as an Excel workbook: "The report will only include active members."
 * (Provider Portal FAQ, REPORT_ACTIVE_MEMBERS_ONLY).
 */
import type { MemberRecord } from '../../data/portal-data.ts';
import { productLabel } from './format.ts';
import type { XlsxCell } from './xlsx.ts';
import { buildXlsx } from './xlsx.ts';

/** What the report shows above its rows. */
export interface PcpPanelHeading {
  pcpName: string;
  pcpNpi: string;
  taxId: string;
  asOf: string;
  truncated: boolean;
  limit: number;
}

/**
 * The report workbook: a heading, then one row per active member.
 *
 * @example
 * pcpMemberPanelXlsx(heading, members); // PK …
 */
export function pcpMemberPanelXlsx(heading: PcpPanelHeading, members: readonly MemberRecord[]): Uint8Array {
  const rows: XlsxCell[][] = [
    [`PCP member panel: ${heading.pcpName} (NPI ${heading.pcpNpi}, Tax ID ${heading.taxId})`],
    [
      `Active members as of ${heading.asOf}: ${members.length}${heading.truncated ? ` (the mock portal lists the first ${heading.limit})` : ''}`,
    ],
    [],
    [
      'Member ID',
      'Last Name',
      'First Name',
      'Date of Birth',
      'Gender',
      'Product Type',
      'Plan Name',
      'Coverage Start',
      'Coverage End',
    ],
  ];
  for (const member of members) {
    const d = member.details;
    rows.push([
      d.memberId,
      d.lastName,
      d.firstName,
      d.dateOfBirth,
      d.gender,
      productLabel(d.productType),
      d.planName,
      d.coverageStartDate,
      d.coverageEndDate,
    ]);
  }
  return buildXlsx({ name: 'PCP Member Panel', rows });
}
