/**
 * The documents of the claims domain: the Explanation of Payment (a PDF; "V-cards are not available
 * as separate images but will be part of the Explanation of Payment documents", seed 003) and the
 * claims export (CSV).
 */
import type { components } from '../../../sdk/generated/portal.ts';
import type { CsvCell } from './csv.ts';
import { toCsv } from './csv.ts';
import { dollars, usDate } from './format.ts';
import type { PdfLine } from './pdf.ts';
import { buildPdf } from './pdf.ts';

type Claim = components['schemas']['Claim'];
type ClaimSummary = components['schemas']['ClaimSummary'];

/**
 * The Explanation of Payment of a claim that has a remittance, as a PDF.
 *
 * @example
 * explanationOfPaymentPdf(claim); // %PDF- …
 */
export function explanationOfPaymentPdf(claim: Claim): Uint8Array {
  const remittance = claim.remittance;
  const lines: PdfLine[] = [{ text: 'Explanation of Payment', size: 18, bold: true }];
  if (remittance !== null) {
    lines.push(
      `Remittance ${remittance.remittanceId} issued ${usDate(remittance.issuedOn)}`,
      `Payee: ${remittance.payeeName} | Tax ID ${remittance.payeeTaxId}${remittance.payeeNpi === undefined ? '' : ` | NPI ${remittance.payeeNpi}`}`,
      `Payment: ${remittance.paymentMethod.replace('_', ' ')}${remittance.checkNumber === undefined ? '' : ` ${remittance.checkNumber}`} | total ${dollars(remittance.totalPaidAmount)}`,
    );
  }
  lines.push(
    '',
    { text: `Claim ${claim.claimNumber} - ${claim.status}`, size: 12, bold: true },
    `Member: ${claim.memberName} (${claim.memberId})`,
    `Provider: ${claim.providerName} (NPI ${claim.providerNpi})`,
    `Service dates: ${usDate(claim.serviceFromDate)} - ${usDate(claim.serviceToDate)} | Received ${usDate(claim.submittedOn)}`,
    '',
    { text: 'Line | Code | Units | Billed | Allowed | Member | Paid | Adjustments', bold: true },
  );
  for (const line of claim.lines) {
    lines.push(
      `${line.lineNumber} | ${line.procedureCode}${line.modifiers === undefined ? '' : `-${line.modifiers.join('-')}`} | ${line.units} | ` +
        `${dollars(line.billedAmount)} | ${dollars(line.allowedAmount)} | ${dollars(line.memberResponsibility)} | ` +
        `${dollars(line.paidAmount)} | ${(line.adjustmentReasonCodes ?? []).join(' ')}`,
    );
  }
  lines.push('', {
    text: `Claim total: billed ${dollars(claim.billedAmount)}, paid ${dollars(claim.paidAmount)}`,
    bold: true,
  });
  if (remittance?.paymentMethod === 'virtual_card') {
    lines.push('', 'Virtual card: the card number and security code were sent to the payee with this EOP.');
  }
  if (remittance?.remarkCodes !== undefined) lines.push(`Remark codes: ${remittance.remarkCodes.join(', ')}`);
  lines.push('', 'Mock portal: test data only.');
  return buildPdf({ title: `EOP ${claim.claimNumber}`, lines });
}

/** The header of the claims export. */
export const CLAIMS_EXPORT_HEADER = [
  'Claim Number',
  'Member ID',
  'Member Name',
  'Provider NPI',
  'Provider Name',
  'Tax ID',
  'Service From',
  'Service To',
  'Submitted On',
  'Status',
  'Billed Amount',
  'Paid Amount',
  'Check Number',
] as const;

/**
 * Claims (search rows) with their payment information as CSV text.
 *
 * @example
 * claimsExportCsv([claim]).split('\r\n')[0]; // 'Claim Number,Member ID,…'
 */
export function claimsExportCsv(claims: readonly ClaimSummary[]): string {
  const rows: CsvCell[][] = [[...CLAIMS_EXPORT_HEADER]];
  for (const claim of claims) {
    rows.push([
      claim.claimNumber,
      claim.memberId,
      claim.memberName,
      claim.providerNpi,
      claim.providerName,
      claim.taxId,
      claim.serviceFromDate,
      claim.serviceToDate,
      claim.submittedOn,
      claim.status,
      claim.billedAmount.toFixed(2),
      claim.paidAmount.toFixed(2),
      claim.checkNumber,
    ]);
  }
  return toCsv(rows);
}
