import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import { requireObject, taxIdParam } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { MultipartBody, PathParams, QueryParams, Schema } from '../core/types.ts';
import type { ValidationViolation } from '../rules/index.ts';
import {
  checkNpi,
  checkProfileUpdateListQuery,
  checkProviderSearch,
  withoutBlankParameters,
} from '../rules/index.ts';
import { describeValue, readField } from '../rules/zod-issues.ts';
import type { UploadFile } from '../uploads.ts';
import { uploadAttachments } from './attachments.ts';

type Npi = PathParams<'getProvider'>['npi'];
type ProfileUpdateRequestId = PathParams<'getProviderProfileUpdateRequest'>['requestId'];

/**
 * The input of a profile update request: the spec's form with `changes` as objects (sent as the JSON
 * part) and real files.
 *
 * @example
 * const input: ProviderProfileUpdateInput = {
 *   changes: [{ field: 'phone', addressId: 'ADDR-000101', newValue: '(860) 545-7000' }],
 *   reason: 'New phone number',
 *   files: [{ name: 'letterhead.pdf', data: bytes }],
 * };
 */
export type ProviderProfileUpdateInput = Omit<
  MultipartBody<'requestProviderProfileUpdate'>,
  'changes' | 'files'
> & {
  changes: Schema<'ProviderProfileChange'>[];
  files?: readonly UploadFile[];
};

/**
 * The operation behind each method of `portal.providers`.
 *
 * @example
 * PROVIDERS_OPERATIONS.requestProfileUpdate; // 'requestProviderProfileUpdate'
 */
export const PROVIDERS_OPERATIONS = {
  search: 'searchProviders',
  get: 'getProvider',
  requestProfileUpdate: 'requestProviderProfileUpdate',
  getProfileUpdate: 'getProviderProfileUpdateRequest',
  listProfileUpdates: 'listProviderProfileUpdateRequests',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.providers`: providers of my Tax IDs by name or NPI, profiles, and profile update requests
 * with supporting documents (administrators only).
 *
 * @example
 * const { data } = await portal.providers.search({ name: 'Adamski' });
 * const profile = await portal.providers.get('1407819535');
 */
// The form's types only; its limits (1–20 changes, a reason of 1–1000 characters) are the portal's to
// answer, from the spec.
function profileUpdateShape(input: unknown): ValidationViolation[] {
  const out: ValidationViolation[] = [];
  const changes = readField(input, 'changes');
  if (!Array.isArray(changes)) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.changes',
      message: `$.changes must be a list of profile changes ({ field, newValue, … }), not ${describeValue(changes)}.`,
    });
  }
  const reason = readField(input, 'reason');
  if (typeof reason !== 'string') {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.reason',
      message: `$.reason must say why the profile changes, as text, not ${describeValue(reason)}.`,
    });
  }
  return out;
}

export function createProvidersResource(ctx: ResourceContext) {
  return {
    /** Searches providers of my Tax IDs by name, NPI or Tax ID (`searchProviders`), paged. */
    search: (query: QueryParams<'searchProviders'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'searchProviders', options, (s, page) => {
        // Blank fields of a form count as not given, and are not sent (the contract refuses them).
        const given = withoutBlankParameters(query) as typeof query;
        s.check([...requireObject(given, '$'), ...checkProviderSearch(given)]);
        const normalised = given.taxId === undefined ? given : { ...given, taxId: taxIdParam(given.taxId) };
        return ctx.raw.GET('/providers', { params: { query: withPage(normalised, page) }, ...s.init });
      }),
    /** A provider's profile: addresses, Tax ID, NPI, type, specialty, network status (`getProvider`). */
    get: (npi: Npi, options: RequestOptions = {}) =>
      call(ctx, 'getProvider', options, (s) => {
        s.check(checkNpi(npi, '$.npi'));
        return ctx.raw.GET('/providers/{npi}', { params: { path: { npi } }, ...s.init });
      }),
    /** Asks the plan to update a provider's profile, with documents (`requestProviderProfileUpdate`). */
    requestProfileUpdate: (npi: Npi, input: ProviderProfileUpdateInput, options: RequestOptions = {}) =>
      uploadAttachments(
        ctx,
        'requestProviderProfileUpdate',
        input,
        options,
        (form, init) =>
          ctx.raw.POST('/providers/{npi}/profile-update-requests', {
            params: { path: { npi } },
            body: { changes: '', reason: '' },
            bodySerializer: () => form,
            ...init,
          }),
        { changes: JSON.stringify(readField(input, 'changes')), reason: String(readField(input, 'reason')) },
        [...checkNpi(npi, '$.npi'), ...profileUpdateShape(input)],
        false,
      ),
    /**
     * Follows a profile update request: `received`, `in_review`, then `completed` or `rejected`
     * (`getProviderProfileUpdateRequest`).
     */
    getProfileUpdate: (requestId: ProfileUpdateRequestId, options: RequestOptions = {}) =>
      call(ctx, 'getProviderProfileUpdateRequest', options, (s) =>
        ctx.raw.GET('/provider-profile-update-requests/{requestId}', {
          params: { path: { requestId } },
          ...s.init,
        }),
      ),
    /** The profile update requests of my Tax IDs, newest first (`listProviderProfileUpdateRequests`), paged. */
    listProfileUpdates: (
      query: QueryParams<'listProviderProfileUpdateRequests'> = {},
      options: RequestOptions = {},
    ) =>
      list(ctx, 'listProviderProfileUpdateRequests', options, (s, page) => {
        const given = withoutBlankParameters(query) as typeof query;
        s.check([...requireObject(given, '$'), ...checkProfileUpdateListQuery(given)]);
        return ctx.raw.GET('/provider-profile-update-requests', {
          params: { query: withPage(given, page) },
          ...s.init,
        });
      }),
  };
}

/**
 * The type of `portal.providers`.
 *
 * @example
 * const providers: ProvidersResource = portal.providers;
 */
export type ProvidersResource = ReturnType<typeof createProvidersResource>;
