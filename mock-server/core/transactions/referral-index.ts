/**
 * Where referrals are kept and how they are found: by either office's Tax ID (a search of `all`), by
 * the referring office's (`made`), by the specialist's (`received`) and by member, each newest first
 * (core/record-index.ts), so a page of referrals does not sort every stored one.
 */
import { type IndexSpec, indexRecord } from '../record-index.ts';
import { collection } from '../sandbox.ts';
import type { SandboxState } from '../types.ts';
import type { ReferralRecord } from './referral-records.ts';

/** The sandbox collection of referrals, by tracking number. */
export const REFERRALS = 'referrals';

const common = {
  memberOf: (record: ReferralRecord) => record.memberId,
  timeOf: (record: ReferralRecord) => record.submittedAt,
  idOf: (record: ReferralRecord) => record.trackingNumber,
};

/** The indexes of each search direction. */
export const REFERRAL_INDEXES: Record<'all' | 'made' | 'received', IndexSpec<ReferralRecord>> = {
  all: { name: 'referrals', groupsOf: (record) => record.taxIds, ...common },
  made: { name: 'referrals:made', groupsOf: (record) => [record.referringProvider.taxId], ...common },
  received: { name: 'referrals:received', groupsOf: (record) => [record.specialist.taxId], ...common },
};

/**
 * Keeps a referral (made in the portal or on file) and indexes it.
 *
 * @example
 * storeReferral(ctx.sandbox, record);
 */
export function storeReferral(sandbox: SandboxState, record: ReferralRecord): void {
  collection<ReferralRecord>(sandbox, REFERRALS).set(record.trackingNumber, record);
  for (const spec of Object.values(REFERRAL_INDEXES)) indexRecord(sandbox, spec, record);
}
