import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import type { ReferralContext } from '../rules/index.ts';
import { validateReferralCreate, validateReferralSearch } from '../rules/index.ts';

type TrackingNumber = PathParams<'getReferral'>['trackingNumber'];

/**
 * Options of a referral create: what the rules may also use, e.g. the member's `productType` (then a
 * `REFERRAL_NOT_REQUIRED` warning is given before sending, on `.withResponse().warnings`, the logger and
 * `onWarning`).
 *
 * @example
 * await portal.referrals.create(body, { rules: { productType: 'essential_plan' } }); // warns REFERRAL_NOT_REQUIRED
 */
export type ReferralCreateOptions = RequestOptions & { rules?: Omit<ReferralContext, 'clock'> };

/**
 * The operation behind each method of `portal.referrals`.
 *
 * @example
 * REFERRALS_OPERATIONS.search; // 'searchReferrals'
 */
export const REFERRALS_OPERATIONS = {
  create: 'createReferral',
  search: 'searchReferrals',
  get: 'getReferral',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.referrals`: referrals to specialists (validated first: backdating at most 30 days, NPIs, Tax
 * IDs, diagnosis codes) and referrals made by or to my providers over the last 24 months.
 *
 * @example
 * const outcome = await portal.referrals.create(referral, { rules: { productType: 'essential_plan' } });
 * for await (const r of portal.referrals.search({ direction: 'made', from: '2026-01-01', to: '2026-11-23' })) {
 *   console.log(r.trackingNumber);
 * }
 */
export function createReferralsResource(ctx: ResourceContext) {
  return {
    /** Creates a referral (`createReferral`): a tracking number (201), or "not required" for the member's product (200). */
    create: (body: RequestBody<'createReferral'>, options: ReferralCreateOptions = {}) =>
      call(ctx, 'createReferral', options, (s) =>
        ctx.raw.POST('/referrals', {
          body: s.validate(body, validateReferralCreate(body, s.rules<ReferralContext>())),
          ...s.init,
        }),
      ),
    /** Referrals made by or to my providers, at most 24 months back (`searchReferrals`), paged. */
    search: (query: QueryParams<'searchReferrals'>, options: RequestOptions = {}) =>
      list(ctx, 'searchReferrals', options, (s, page) =>
        ctx.raw.GET('/referrals', {
          params: { query: withPage(s.validate(query, validateReferralSearch(query, s.rules())), page) },
          ...s.init,
        }),
      ),
    /** A referral's details (`getReferral`). */
    get: (trackingNumber: TrackingNumber, options: RequestOptions = {}) =>
      call(ctx, 'getReferral', options, ({ init }) =>
        ctx.raw.GET('/referrals/{trackingNumber}', { params: { path: { trackingNumber } }, ...init }),
      ),
  };
}

/**
 * The type of `portal.referrals`.
 *
 * @example
 * const referrals: ReferralsResource = portal.referrals;
 */
export type ReferralsResource = ReturnType<typeof createReferralsResource>;
