import type { CallInit, ResourceContext, ResultOf } from '../core/call.ts';
import { call } from '../core/call.ts';
import { requireObject } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { ValidationViolation } from '../rules/index.ts';
import { describeValue, readField } from '../rules/zod-issues.ts';
import type { UploadFile } from '../uploads.ts';
import { prepareUploads, toFormData } from '../uploads.ts';

/**
 * The multipart uploads shared by preauthorizations, admission notifications, messages and provider
 * profile updates: the files are read and checked by the rules (with any other violations of the
 * call, all reported together) before the `FormData` is built and sent.
 *
 * @example
 * uploadAttachments(ctx, 'uploadMessageAttachments', { files }, options, {}, [], (form, init) =>
 *   ctx.raw.POST('/messages/{messageId}/attachments', { params, body: { files: [] }, bodySerializer: () => form, ...init }));
 */
export function uploadAttachments<K extends OperationId>(
  ctx: ResourceContext,
  operationId: K,
  input: { files?: readonly UploadFile[] | undefined; description?: string | undefined },
  options: RequestOptions,
  send: (form: FormData, init: CallInit) => Promise<ResultOf<K>>,
  fields: Record<string, string | undefined> = {},
  otherViolations: ValidationViolation[] = [],
  filesRequired = true,
) {
  return call(ctx, operationId, options, async (s) => {
    const files = readField(input, 'files') as readonly UploadFile[] | undefined;
    const description = readField(input, 'description');
    const given = files !== undefined && !(Array.isArray(files) && files.length === 0);
    const prepared =
      given || filesRequired ? await prepareUploads(files ?? []) : { uploads: [], violations: [] };
    s.check([
      ...requireObject(input, '$'),
      ...otherViolations,
      ...prepared.violations,
      ...(description === undefined || typeof description === 'string'
        ? []
        : [
            {
              code: 'VALIDATION_FAILED' as const,
              path: '$.description',
              message: `$.description must be text, not ${describeValue(description)}.`,
            },
          ]),
    ]);
    return send(
      toFormData(prepared.uploads, { ...fields, description: description as string | undefined }),
      s.init,
    );
  });
}
