import type { ResourceContext } from '../core/call.ts';
import { call, download, list, withPage } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import { validateClaimsSearch } from '../rules/index.ts';

type ClaimNumber = PathParams<'getClaim'>['claimNumber'];
type CheckNumber = PathParams<'downloadCheckImage'>['checkNumber'];

/**
 * The operation behind each method of `portal.claims`.
 *
 * @example
 * CLAIMS_OPERATIONS.export; // 'exportClaims'
 */
export const CLAIMS_OPERATIONS = {
  search: 'searchClaims',
  get: 'getClaim',
  explanationOfPayment: 'downloadExplanationOfPayment',
  checkImage: 'downloadCheckImage',
  export: 'exportClaims',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.claims`: claims search (validated first: a window of at most 90 days, two years back),
 * details with remittance, explanations of payment, check images, and CSV exports into Documents.
 *
 * @example
 * for await (const claim of portal.claims.search({ from: '2026-09-01', to: '2026-11-23', status: 'paid' })) {
 *   console.log(claim.claimNumber, claim.paidAmount);
 * }
 * const receipt = await portal.claims.export({ from: '2026-09-01', to: '2026-11-23' });
 * const { file } = await portal.documents.waitForFile(receipt);
 */
export function createClaimsResource(ctx: ResourceContext) {
  return {
    /** Searches claims submitted in a window of at most 90 days (`searchClaims`), paged. */
    search: (query: QueryParams<'searchClaims'>, options: RequestOptions = {}) =>
      list(ctx, 'searchClaims', options, (s, page) =>
        ctx.raw.GET('/claims', {
          params: { query: withPage(s.validate(query, validateClaimsSearch(query, s.rules())), page) },
          ...s.init,
        }),
      ),
    /** A claim with its lines, payment and remittance ("No records found" when none) (`getClaim`). */
    get: (claimNumber: ClaimNumber, options: RequestOptions = {}) =>
      call(ctx, 'getClaim', options, ({ init }) =>
        ctx.raw.GET('/claims/{claimNumber}', { params: { path: { claimNumber } }, ...init }),
      ),
    /** The explanation of payment as a PDF (`downloadExplanationOfPayment`). */
    explanationOfPayment: (claimNumber: ClaimNumber, options: RequestOptions = {}) =>
      download(ctx, 'downloadExplanationOfPayment', options, ({ init }) =>
        ctx.raw.GET('/claims/{claimNumber}/explanation-of-payment', {
          params: { path: { claimNumber } },
          parseAs: 'arrayBuffer',
          ...init,
        }),
      ),
    /** A check's image, two years back (`downloadCheckImage`; 410 `CHECK_IMAGE_UNAVAILABLE` before). */
    checkImage: (checkNumber: CheckNumber, options: RequestOptions = {}) =>
      download(ctx, 'downloadCheckImage', options, ({ init }) =>
        ctx.raw.GET('/payments/checks/{checkNumber}/image', {
          params: { path: { checkNumber } },
          parseAs: 'arrayBuffer',
          ...init,
        }),
      ),
    /** Exports the claims of a search as CSV into Documents (`exportClaims`); answers the document in `preparing`. */
    export: (body: RequestBody<'exportClaims'>, options: RequestOptions = {}) =>
      call(ctx, 'exportClaims', options, (s) =>
        ctx.raw.POST('/claim-exports', {
          body: s.validate(body, validateClaimsSearch(body, s.rules())),
          ...s.init,
        }),
      ),
  };
}

/**
 * The type of `portal.claims`.
 *
 * @example
 * const claims: ClaimsResource = portal.claims;
 */
export type ClaimsResource = ReturnType<typeof createClaimsResource>;
