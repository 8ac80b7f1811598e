import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import { requireObject } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import type { PreauthorizationContext, PreauthorizationModificationContext } from '../rules/index.ts';
import {
  checkPreauthorizationRequirementRequest,
  validatePreauthorizationCreate,
  validatePreauthorizationModification,
} from '../rules/index.ts';
import type { AttachmentUploadInput } from '../uploads.ts';
import { uploadAttachments } from './attachments.ts';

type ReferenceId = PathParams<'getPreauthorization'>['referenceId'];

/**
 * Options of a preauthorization create: what the rules may also check (coverage, provider directory).
 *
 * @example
 * await portal.preauthorizations.create(body, { rules: { coverage: { startDate: '2020-08-01', endDate: '9999-12-31' } } });
 */
export type PreauthorizationCreateOptions = RequestOptions & {
  rules?: Omit<PreauthorizationContext, 'clock'>;
};
/**
 * Options of a modification request: the original request and coverage the rules may check against.
 *
 * @example
 * await portal.preauthorizations.requestModification('PA-00000001', body, { rules: { original } });
 */
export type PreauthorizationModificationOptions = RequestOptions & {
  rules?: Omit<PreauthorizationModificationContext, 'clock'>;
};

/**
 * The operation behind each method of `portal.preauthorizations`.
 *
 * @example
 * PREAUTHORIZATIONS_OPERATIONS.create; // 'createPreauthorization'
 */
export const PREAUTHORIZATIONS_OPERATIONS = {
  checkRequirement: 'checkPreauthorizationRequirement',
  create: 'createPreauthorization',
  search: 'searchPreauthorizations',
  get: 'getPreauthorization',
  answerQuestionnaire: 'answerPreauthorizationQuestionnaire',
  uploadAttachments: 'uploadPreauthorizationAttachments',
  listAttachments: 'listPreauthorizationAttachments',
  requestModification: 'requestPreauthorizationModification',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.preauthorizations`: the check tool, requests (validated first: 180-day window, service
 * lines, CPT/ICD-10 codes, NPIs, Tax IDs), questionnaires, attachments and modifications.
 *
 * @example
 * const receipt = await portal.preauthorizations.create(request); // throws PortalValidationError before sending
 * await portal.preauthorizations.uploadAttachments(receipt.referenceId, { files: [notesPdf] });
 */
export function createPreauthorizationsResource(ctx: ResourceContext) {
  return {
    /** Is a preauthorization needed for these codes, and from whom (`checkPreauthorizationRequirement`)? */
    checkRequirement: (body: RequestBody<'checkPreauthorizationRequirement'>, options: RequestOptions = {}) =>
      call(ctx, 'checkPreauthorizationRequirement', options, (s) => {
        s.check([...requireObject(body, '$'), ...checkPreauthorizationRequirementRequest(body)]);
        return ctx.raw.POST('/preauthorization-checks', { body, ...s.init });
      }),
    /** Submits a preauthorization request (`createPreauthorization`); answers its reference ID and status. */
    create: (body: RequestBody<'createPreauthorization'>, options: PreauthorizationCreateOptions = {}) =>
      call(ctx, 'createPreauthorization', options, (s) =>
        ctx.raw.POST('/preauthorizations', {
          body: s.validate(body, validatePreauthorizationCreate(body, s.rules<PreauthorizationContext>())),
          ...s.init,
        }),
      ),
    /** Searches requests by member, reference ID, status and dates (`searchPreauthorizations`), paged. */
    search: (query: QueryParams<'searchPreauthorizations'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'searchPreauthorizations', options, ({ init }, page) =>
        ctx.raw.GET('/preauthorizations', { params: { query: withPage(query, page) }, ...init }),
      ),
    /** A request's details (`getPreauthorization`); 409 `PREAUTH_DETAILS_PENDING` for a few hours after submission. */
    get: (referenceId: ReferenceId, options: RequestOptions = {}) =>
      call(ctx, 'getPreauthorization', options, ({ init }) =>
        ctx.raw.GET('/preauthorizations/{referenceId}', { params: { path: { referenceId } }, ...init }),
      ),
    /** Answers the additional-information questionnaire (`answerPreauthorizationQuestionnaire`). */
    answerQuestionnaire: (
      referenceId: ReferenceId,
      body: RequestBody<'answerPreauthorizationQuestionnaire'>,
      options: RequestOptions = {},
    ) =>
      call(ctx, 'answerPreauthorizationQuestionnaire', options, ({ init }) =>
        ctx.raw.POST('/preauthorizations/{referenceId}/questionnaire-responses', {
          params: { path: { referenceId } },
          body,
          ...init,
        }),
      ),
    /** Attaches up to five supporting documents (`uploadPreauthorizationAttachments`), checked first. */
    uploadAttachments: (
      referenceId: ReferenceId,
      input: AttachmentUploadInput,
      options: RequestOptions = {},
    ) =>
      uploadAttachments(ctx, 'uploadPreauthorizationAttachments', input, options, (form, init) =>
        ctx.raw.POST('/preauthorizations/{referenceId}/attachments', {
          params: { path: { referenceId } },
          body: { files: [] },
          bodySerializer: () => form,
          ...init,
        }),
      ),
    /** The attachments of a request (`listPreauthorizationAttachments`), paged. */
    listAttachments: (
      referenceId: ReferenceId,
      query: QueryParams<'listPreauthorizationAttachments'> = {},
      options: RequestOptions = {},
    ) =>
      list(ctx, 'listPreauthorizationAttachments', options, ({ init }, page) =>
        ctx.raw.GET('/preauthorizations/{referenceId}/attachments', {
          params: { path: { referenceId }, query: withPage(query, page) },
          ...init,
        }),
      ),
    /** Requests a modification: dates, units, lines (`requestPreauthorizationModification`). */
    requestModification: (
      referenceId: ReferenceId,
      body: RequestBody<'requestPreauthorizationModification'>,
      options: PreauthorizationModificationOptions = {},
    ) =>
      call(ctx, 'requestPreauthorizationModification', options, (s) =>
        ctx.raw.POST('/preauthorizations/{referenceId}/modifications', {
          params: { path: { referenceId } },
          body: s.validate(
            body,
            validatePreauthorizationModification(body, s.rules<PreauthorizationModificationContext>()),
          ),
          ...s.init,
        }),
      ),
  };
}

/**
 * The type of `portal.preauthorizations`.
 *
 * @example
 * const preauthorizations: PreauthorizationsResource = portal.preauthorizations;
 */
export type PreauthorizationsResource = ReturnType<typeof createPreauthorizationsResource>;
