import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import type { AdmissionNotificationContext } from '../rules/index.ts';
import { validateAdmissionNotificationCreate } from '../rules/index.ts';
import type { AttachmentUploadInput } from '../uploads.ts';
import { uploadAttachments } from './attachments.ts';

type TrackingNumber = PathParams<'getAdmissionNotification'>['trackingNumber'];

/**
 * Options of an admission notification create: what the rules may also check (provider directory).
 *
 * @example
 * await portal.admissionNotifications.create(body, { rules: { providerDirectory } });
 */
export type AdmissionNotificationCreateOptions = RequestOptions & {
  rules?: Omit<AdmissionNotificationContext, 'clock'>;
};

/**
 * The operation behind each method of `portal.admissionNotifications`.
 *
 * @example
 * ADMISSION_NOTIFICATIONS_OPERATIONS.answerQuestions; // 'answerConcurrentReviewQuestions'
 */
export const ADMISSION_NOTIFICATIONS_OPERATIONS = {
  create: 'createAdmissionNotification',
  search: 'searchAdmissionNotifications',
  get: 'getAdmissionNotification',
  answerQuestions: 'answerConcurrentReviewQuestions',
  uploadAttachments: 'uploadAdmissionNotificationAttachments',
  requestModification: 'requestAdmissionNotificationModification',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.admissionNotifications`: emergent inpatient, maternity and newborn notifications (validated
 * first), concurrent-review questions, attachments and modifications.
 *
 * @example
 * const outcome = await portal.admissionNotifications.create(notification);
 * if (outcome.status === 'delegated') console.log(outcome.delegatedEntity);
 */
export function createAdmissionNotificationsResource(ctx: ResourceContext) {
  return {
    /** Notifies an admission (`createAdmissionNotification`): a tracking number, or the delegated entity to notify. */
    create: (
      body: RequestBody<'createAdmissionNotification'>,
      options: AdmissionNotificationCreateOptions = {},
    ) =>
      call(ctx, 'createAdmissionNotification', options, (s) =>
        ctx.raw.POST('/admission-notifications', {
          body: s.validate(
            body,
            validateAdmissionNotificationCreate(body, s.rules<AdmissionNotificationContext>()),
          ),
          ...s.init,
        }),
      ),
    /** Searches notifications (`searchAdmissionNotifications`), paged. */
    search: (query: QueryParams<'searchAdmissionNotifications'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'searchAdmissionNotifications', options, ({ init }, page) =>
        ctx.raw.GET('/admission-notifications', { params: { query: withPage(query, page) }, ...init }),
      ),
    /** A notification's details (`getAdmissionNotification`). */
    get: (trackingNumber: TrackingNumber, options: RequestOptions = {}) =>
      call(ctx, 'getAdmissionNotification', options, ({ init }) =>
        ctx.raw.GET('/admission-notifications/{trackingNumber}', {
          params: { path: { trackingNumber } },
          ...init,
        }),
      ),
    /** Answers the concurrent-review questions (`answerConcurrentReviewQuestions`). */
    answerQuestions: (
      trackingNumber: TrackingNumber,
      body: RequestBody<'answerConcurrentReviewQuestions'>,
      options: RequestOptions = {},
    ) =>
      call(ctx, 'answerConcurrentReviewQuestions', options, ({ init }) =>
        ctx.raw.POST('/admission-notifications/{trackingNumber}/questionnaire-responses', {
          params: { path: { trackingNumber } },
          body,
          ...init,
        }),
      ),
    /** Attaches documents for concurrent review (`uploadAdmissionNotificationAttachments`), checked first. */
    uploadAttachments: (
      trackingNumber: TrackingNumber,
      input: AttachmentUploadInput,
      options: RequestOptions = {},
    ) =>
      uploadAttachments(ctx, 'uploadAdmissionNotificationAttachments', input, options, (form, init) =>
        ctx.raw.POST('/admission-notifications/{trackingNumber}/attachments', {
          params: { path: { trackingNumber } },
          body: { files: [] },
          bodySerializer: () => form,
          ...init,
        }),
      ),
    /** Requests a change to a notification (`requestAdmissionNotificationModification`). */
    requestModification: (
      trackingNumber: TrackingNumber,
      body: RequestBody<'requestAdmissionNotificationModification'>,
      options: RequestOptions = {},
    ) =>
      call(ctx, 'requestAdmissionNotificationModification', options, ({ init }) =>
        ctx.raw.POST('/admission-notifications/{trackingNumber}/modifications', {
          params: { path: { trackingNumber } },
          body,
          ...init,
        }),
      ),
  };
}

/**
 * The type of `portal.admissionNotifications`.
 *
 * @example
 * const notifications: AdmissionNotificationsResource = portal.admissionNotifications;
 */
export type AdmissionNotificationsResource = ReturnType<typeof createAdmissionNotificationsResource>;
