/**
 * The referrals already on file for a Tax ID, so that a search finds more than what the test itself
 * created: made by its primary care providers to network specialists, and received by its own
 * specialists, some of them submitted by fax or phone (seed 003: "Referrals submitted by means other
 * than portal, such as by fax or phone, will take some time to be seen in the portal."). They are a
 * pure function of (seed, Tax ID, the data's anchor day): dated within the 20 months before the
 * sandbox's first day, and involving only that Tax ID and network specialists of other Tax IDs, so
 * what one Tax ID's users see never depends on what another's did first.
 */

import { addDays, compareDates } from '../../../sdk/rules/index.ts';
import type { PortalData, ProviderRecord } from '../../data/portal-data.ts';
import { PROVIDER_NPIS } from '../../data/provider-directory.ts';
import { collection } from '../sandbox.ts';
import type { SandboxState } from '../types.ts';
import { between, choose, fraction } from './determinism.ts';
import { memberName } from './members.ts';
import { REFERRALS, storeReferral } from './referral-index.ts';
import { defaultReferralEndDate, type ReferralRecord } from './referral-records.ts';
import type { CodedDiagnosis, ProviderReference } from './schemas.ts';

/** The collection of the Tax IDs whose referral history is already on file. */
const HISTORY_LOADED = 'referral-history';

/** Referrals on file per Tax ID: made, then received. */
const MADE_PER_TAX_ID = 6;
const RECEIVED_PER_TAX_ID = 3;

/** Network specialists (other Tax IDs) that the history refers members to, and that refer back. */
const NETWORK_SPECIALISTS = [
  PROVIDER_NPIS.patel,
  PROVIDER_NPIS.kowalski,
  PROVIDER_NPIS.okonkwo,
  PROVIDER_NPIS.lakesideBehavioralHealth,
] as const;

const REASONS: readonly { diagnoses: CodedDiagnosis[]; reason: string }[] = [
  {
    diagnoses: [{ code: 'M17.11', primary: true }],
    reason: 'Right knee osteoarthritis; evaluation for injection or surgery.',
  },
  {
    diagnoses: [
      { code: 'I48.91', primary: true },
      { code: 'I10', primary: false },
    ],
    reason: 'Atrial fibrillation; rhythm management.',
  },
  {
    diagnoses: [{ code: 'L40.0', primary: true }],
    reason: 'Plaque psoriasis not controlled with topical treatment.',
  },
  {
    diagnoses: [{ code: 'F41.1', primary: true }],
    reason: 'Generalized anxiety disorder; psychiatric evaluation.',
  },
  { diagnoses: [{ code: 'R00.2', primary: true }], reason: 'Palpitations; cardiology evaluation.' },
  {
    diagnoses: [{ code: 'M54.50', primary: true }],
    reason: 'Low back pain for 3 months; specialist evaluation.',
  },
];

function referenceAt(provider: ProviderRecord, taxId: string): ProviderReference | undefined {
  const location = provider.locations.find((candidate) => candidate.taxId === taxId) ?? provider.locations[0];
  if (location === undefined) return undefined;
  return {
    npi: provider.profile.npi,
    taxId: location.taxId,
    name: provider.profile.name,
    address: location.address,
  };
}

interface Draft {
  referring: ProviderReference;
  specialist: ProviderReference;
  panelOf: ProviderRecord;
}

function drafts(data: PortalData, taxId: string, seed: number): Draft[] {
  const own = data.providersOfTaxId(taxId);
  const pcps = own.filter((provider) => provider.primaryCare);
  const specialists = own.filter(
    (provider) => !provider.primaryCare && provider.profile.type !== 'group_practice',
  );
  const network = NETWORK_SPECIALISTS.map((npi) => data.provider(npi)).filter(
    (provider): provider is ProviderRecord => provider !== undefined,
  );
  const out: Draft[] = [];
  if (pcps.length === 0 || network.length === 0) return out;
  for (let i = 0; i < MADE_PER_TAX_ID; i++) {
    const pcp = choose(seed, `referral-history:${taxId}:made:${i}:pcp`, pcps);
    const external = choose(seed, `referral-history:${taxId}:made:${i}:specialist`, network);
    const referring = referenceAt(pcp, taxId);
    const specialist = referenceAt(external, external.locations[0]?.taxId ?? '');
    if (referring !== undefined && specialist !== undefined)
      out.push({ referring, specialist, panelOf: pcp });
  }
  for (let i = 0; i < RECEIVED_PER_TAX_ID && specialists.length > 0; i++) {
    const mine = choose(seed, `referral-history:${taxId}:received:${i}:specialist`, specialists);
    const external = choose(seed, `referral-history:${taxId}:received:${i}:referring`, network);
    const pcp = choose(seed, `referral-history:${taxId}:received:${i}:pcp`, pcps);
    const referring = referenceAt(external, external.locations[0]?.taxId ?? '');
    const specialist = referenceAt(mine, taxId);
    if (referring !== undefined && specialist !== undefined)
      out.push({ referring, specialist, panelOf: pcp });
  }
  return out;
}

function historicalReferral(
  data: PortalData,
  seed: number,
  taxId: string,
  index: number,
  draft: Draft,
  taken: ReadonlySet<string>,
): ReferralRecord | undefined {
  const key = `referral-history:${taxId}:${index}`;
  const members = data.pcpPanel(draft.panelOf.profile.npi, taxId, 25).members;
  const needingReferrals = members.filter((member) => member.details.referralRequired);
  const panel = needingReferrals.length > 0 ? needingReferrals : members;
  if (panel.length === 0) return undefined;
  const member = choose(seed, `${key}:member`, panel);
  let number = 30_000_000 + Math.floor(fraction(seed, `${key}:number`) * 69_999_999);
  while (taken.has(`RF-${number}`)) number += 1;
  const daysAgo = between(seed, `${key}:days-ago`, 3, 600);
  const submittedOn = addDays(data.anchorDate, -daysAgo);
  // Office hours in New York: 13:00–21:59 UTC.
  const submittedAt =
    Date.parse(`${submittedOn}T13:00:00Z`) + between(seed, `${key}:minute`, 0, 539) * 60_000;
  const startDate = addDays(submittedOn, between(seed, `${key}:start`, -5, 7));
  const endDate = defaultReferralEndDate(startDate);
  const visits = between(seed, `${key}:visits`, 2, 12);
  const past = compareDates(endDate, data.anchorDate) < 0;
  const visitsUsed = Math.min(visits, between(seed, `${key}:used`, 0, past ? visits : Math.ceil(visits / 2)));
  const sourceDraw = fraction(seed, `${key}:source`);
  const reason = choose(seed, `${key}:reason`, REASONS);
  return {
    trackingNumber: `RF-${number}`,
    taxIds: [...new Set([draft.referring.taxId, draft.specialist.taxId])],
    memberId: member.details.memberId,
    memberName: memberName(member),
    healthPlan: member.details.healthPlan,
    referringProvider: draft.referring,
    specialist: draft.specialist,
    startDate,
    endDate,
    visits,
    visitsUsed,
    diagnoses: structuredClone(reason.diagnoses),
    reason: reason.reason,
    cancelled: fraction(seed, `${key}:cancelled`) < 0.08,
    submittedAt,
    source: sourceDraw < 0.3 ? 'fax' : sourceDraw < 0.45 ? 'phone' : 'portal',
  };
}

/**
 * Puts the referrals on file for each of these Tax IDs into the sandbox's referrals (once per Tax ID
 * and sandbox; a reset sandbox gets them again, identical).
 *
 * @example
 * ensureReferralHistory(ctx.sandbox, ctx.data, userTaxIds(user));
 */
export function ensureReferralHistory(
  sandbox: SandboxState,
  data: PortalData,
  taxIds: readonly string[],
): void {
  const loaded = collection<true>(sandbox, HISTORY_LOADED);
  const referrals = collection<ReferralRecord>(sandbox, REFERRALS);
  for (const taxId of taxIds) {
    if (loaded.has(taxId)) continue;
    loaded.set(taxId, true);
    drafts(data, taxId, sandbox.seed).forEach((draft, index) => {
      const taken = new Set(referrals.keys());
      const record = historicalReferral(data, sandbox.seed, taxId, index, draft, taken);
      if (record !== undefined) storeReferral(sandbox, record);
    });
  }
}
