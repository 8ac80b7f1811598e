/**
 * Provider profile update requests and their status on the mock clock ("a provider profile update
 * request has a status the administrator can follow"): `received` when submitted, `in_review`
 * {@link PROFILE_UPDATE_REVIEW_MS} later, then decided {@link PROFILE_UPDATE_DECISION_MS} after
 * submission: `completed`, or `rejected` with a reason. `Prefer: outcome=completed|rejected` chooses
 * the decision, as the other transactions let QA choose theirs. The status is read from the clock,
 * never stored, so time travel moves it.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { isoTimestamp } from '../clock.ts';
import { collection } from '../sandbox.ts';
import type { HandlerContext, SandboxState } from '../types.ts';
import { preferChoice } from './prefer.ts';

type Schemas = components['schemas'];
type Status = Schemas['ProviderProfileUpdateStatus'];

/** The sandbox collection of provider profile update requests, by requestId. */
export const PROFILE_UPDATE_REQUESTS = 'provider-profile-update-requests';

/** How long after submission the plan starts reviewing a request (mock time). */
export const PROFILE_UPDATE_REVIEW_MS = 60 * 60 * 1000;
/** How long after submission the plan decides a request (mock time). */
export const PROFILE_UPDATE_DECISION_MS = 2 * 24 * 60 * 60 * 1000;

const REJECTION_REASON =
  'The supporting documents do not show the requested change: send a document that does (a signed lease, W-9 or license) with a new request.';

/** A profile update request as the sandbox keeps it. */
export interface ProfileUpdateRecord {
  requestId: string;
  npi: string;
  taxId: string;
  userId: string;
  submittedAtMs: number;
  decision: 'completed' | 'rejected';
  reason: string;
  changes: Schemas['ProviderProfileChange'][];
  attachments?: Schemas['Attachment'][];
}

/** The request records of a sandbox. */
export function profileUpdateRecords(sandbox: SandboxState): Map<string, ProfileUpdateRecord> {
  return collection<ProfileUpdateRecord>(sandbox, PROFILE_UPDATE_REQUESTS);
}

/**
 * The decision a new request will get: `Prefer: outcome=completed|rejected` (400 for another outcome),
 * `completed` otherwise.
 */
export function chosenDecision(ctx: Pick<HandlerContext, 'prefer'>): ProfileUpdateRecord['decision'] {
  return preferChoice(ctx.prefer, 'outcome', ['completed', 'rejected'] as const) ?? 'completed';
}

/**
 * A request as the API answers it at `nowMs`: its status and every status it reached, with when.
 *
 * @example
 * profileUpdateAt(record, record.submittedAtMs + PROFILE_UPDATE_REVIEW_MS).status; // 'in_review'
 */
export function profileUpdateAt(
  record: ProfileUpdateRecord,
  nowMs: number,
): Schemas['ProviderProfileUpdateRequest'] {
  const timeline: [Status, number][] = [
    ['received', record.submittedAtMs],
    ['in_review', record.submittedAtMs + PROFILE_UPDATE_REVIEW_MS],
    [record.decision, record.submittedAtMs + PROFILE_UPDATE_DECISION_MS],
  ];
  const reached = timeline.filter(([, at]) => at <= nowMs);
  const [status, at] = reached.at(-1) ?? timeline[0] ?? ['received', record.submittedAtMs];
  const body: Schemas['ProviderProfileUpdateRequest'] = {
    requestId: record.requestId,
    npi: record.npi,
    taxId: record.taxId,
    status,
    submittedAt: isoTimestamp(record.submittedAtMs),
    statusUpdatedAt: isoTimestamp(at),
    history: reached.map(([reachedStatus, reachedAt]) => ({
      status: reachedStatus,
      at: isoTimestamp(reachedAt),
    })),
    changes: record.changes,
  };
  if (record.attachments !== undefined && record.attachments.length > 0)
    body.attachments = record.attachments;
  if (status === 'rejected') body.rejectionReason = REJECTION_REASON;
  return body;
}
