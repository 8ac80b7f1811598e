/**
 * The PDFs of the members domain: the Summary of Benefits and Coverage, and the printed care plan
 * ("Print or Download Care Plan", Care Plans QRG, steps 18–20).
 */
import type { components } from '../../../sdk/generated/portal.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import { dollars, productLabel, usDate } from './format.ts';
import type { PdfLine } from './pdf.ts';
import { buildPdf } from './pdf.ts';

type Schemas = components['schemas'];

function costShare(share: Schemas['BenefitCostShare'] | undefined): string {
  if (share === undefined) return 'Not covered';
  const parts: string[] = [];
  if (share.copay !== undefined)
    parts.push(share.copay === 0 ? 'No charge' : `${dollars(share.copay)} copay`);
  if (share.coinsurancePercent !== undefined) {
    parts.push(share.coinsurancePercent === 0 ? 'No charge' : `${share.coinsurancePercent}% coinsurance`);
  }
  return parts.join(' + ') || 'No charge';
}

function label(category: string): string {
  const text = category.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The Summary of Benefits and Coverage of a member's plan, as a PDF.
 *
 * @example
 * summaryOfBenefitsPdf(member, benefits); // %PDF- …
 */
export function summaryOfBenefitsPdf(member: MemberRecord, benefits: Schemas['BenefitsSummary']): Uint8Array {
  const d = member.details;
  const lines: PdfLine[] = [
    { text: 'Summary of Benefits and Coverage', size: 18, bold: true },
    {
      text: `${benefits.planName} - ${productLabel(d.productType)} - plan year ${benefits.planYear}`,
      bold: true,
    },
    `Coverage for: ${d.firstName} ${d.lastName} (member ID ${d.memberId}) | Coverage period: ${usDate(d.coverageStartDate)} - ${
      d.coverageEndDate === '9999-12-31' ? 'open' : usDate(d.coverageEndDate)
    }`,
    '',
    { text: 'Important questions', size: 12, bold: true },
    `What is the overall deductible? ${dollars(benefits.deductible.individual)} individual / ${dollars(benefits.deductible.family)} family.`,
    `What is the out-of-pocket limit? ${dollars(benefits.outOfPocketMax.individual)} individual / ${dollars(benefits.outOfPocketMax.family)} family.`,
    `Do you need a referral to see a specialist? ${d.referralRequired ? 'Yes.' : 'No.'}`,
    '',
    { text: 'What you will pay (in network | out of network)', size: 12, bold: true },
  ];
  for (const service of benefits.services) {
    const preauth = service.preauthorizationRequired ? ' Preauthorization required.' : '';
    lines.push(
      `${label(service.category)}: ${costShare(service.inNetwork)} | ${costShare(service.outOfNetwork)}.${preauth}`,
    );
    if (service.notes !== undefined) lines.push(`    ${service.notes}`);
  }
  lines.push('', 'Payment is always subject to the member\u2019s eligibility on the date of service.');
  lines.push('Mock portal: test data only.');
  return buildPdf({ title: `Summary of Benefits and Coverage ${benefits.planYear}`, lines });
}

/**
 * A care plan (with its sensitive parts already withheld) as a PDF.
 *
 * @example
 * carePlanPdf(plan, '2026-11-23T14:05:00.000Z'); // %PDF- …
 */
export function carePlanPdf(plan: Schemas['CarePlan'], printedAt: string): Uint8Array {
  const lines: PdfLine[] = [
    { text: 'Care Plan Details', size: 18, bold: true },
    `Printed ${printedAt}`,
    `Member Name ${plan.memberName} | Member ID ${plan.memberId} | Date of Birth ${usDate(plan.dateOfBirth)}`,
    `PCP Name ${plan.pcp?.name ?? ''} | PCP Phone Number ${plan.pcp?.phone ?? ''}`,
    `This Care Plan was last updated on ${usDate(plan.lastUpdatedOn)}`,
  ];
  if (plan.completedOn !== undefined) {
    lines.push(
      `Completed on ${usDate(plan.completedOn)}; available in the portal until ${plan.availableUntil === undefined ? '' : usDate(plan.availableUntil)}.`,
    );
  }
  if (plan.sensitivePartsWithheld) {
    lines.push(
      `Some sensitive parts of this plan are not shown. Call the Care Team at ${plan.careTeamPhone} for them.`,
    );
  }
  for (const problem of plan.problems) {
    lines.push(
      '',
      { text: `Problem : ${problem.title}`, size: 12, bold: true },
      `Assigned To: ${problem.assignedTo}`,
    );
    if (problem.goals.length === 0) lines.push('NO RECORDS TO DISPLAY');
    for (const goal of problem.goals) {
      lines.push({ text: `Goal: ${goal.description}`, bold: true });
      for (const item of goal.items) {
        lines.push(
          `  ${item.name} | ${item.type === 'intervention' ? 'Intervention' : 'Outcome'} | ${usDate(item.dueDate)}`,
        );
      }
    }
  }
  lines.push('', 'Mock portal: test data only.');
  return buildPdf({ title: `Care Plan ${plan.memberId}`, lines });
}
