import type { ResourceContext } from '../core/call.ts';
import { call } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { RequestBody } from '../core/types.ts';
import {
  validateAccountSettingsUpdate,
  validateAdditionalTaxId,
  validateEmailChangeConfirmation,
  validateEmailChangeRequest,
  validatePasswordChange,
  validatePinChange,
} from '../rules/index.ts';

/**
 * The operation behind each method of `portal.account`.
 *
 * @example
 * ACCOUNT_OPERATIONS.changePassword; // 'changePassword'
 */
export const ACCOUNT_OPERATIONS = {
  changePassword: 'changePassword',
  changePin: 'changePin',
  requestEmailChange: 'requestEmailChange',
  confirmEmailChange: 'confirmEmailChange',
  settings: 'getAccountSettings',
  updateSettings: 'updateAccountSettings',
  registerAdditionalTaxId: 'registerAdditionalTaxId',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.account`: your own account (seed 004: "Login and Settings: the steps for logging in and
 * changing settings"): the password, the 4-digit PIN, the email address (confirmed with the code
 * emailed to the new address), the settings, and registering an additional Tax ID with its
 * registration code. Each body is checked by sdk/rules before it is sent, with the portal's codes.
 *
 * @example
 * await portal.account.changePassword({ currentPassword: 'Portal!Pass2026', newPassword: 'Maple-Lantern-Quiet-73' });
 * const { changeId } = await portal.account.requestEmailChange({ email: 'olivia@example.com' });
 * await portal.account.confirmEmailChange({ changeId, code: '246810' });
 */
export function createAccountResource(ctx: ResourceContext) {
  return {
    /**
     * Changes your password (`changePassword`): the current one is required, the new one is 12–128
     * characters and not the current one (`PASSWORD_UNCHANGED`). Your other sessions end; a wrong
     * current password answers `INVALID_CREDENTIALS` and counts as a failed sign-in.
     */
    changePassword: (body: RequestBody<'changePassword'>, options: RequestOptions = {}) =>
      call(ctx, 'changePassword', options, (s) =>
        ctx.raw.POST('/me/password', { body: s.validate(body, validatePasswordChange(body)), ...s.init }),
      ),
    /** Changes your 4-digit PIN (`changePin`): `INVALID_PIN`, `PIN_UNCHANGED` checked before sending. */
    changePin: (body: RequestBody<'changePin'>, options: RequestOptions = {}) =>
      call(ctx, 'changePin', options, (s) =>
        ctx.raw.POST('/me/pin', { body: s.validate(body, validatePinChange(body)), ...s.init }),
      ),
    /**
     * Asks to change your email address (`requestEmailChange`): a code is emailed to the new address;
     * the change takes effect with {@link confirmEmailChange}. `EMAIL_IN_USE` for another account's.
     */
    requestEmailChange: (body: RequestBody<'requestEmailChange'>, options: RequestOptions = {}) =>
      call(ctx, 'requestEmailChange', options, (s) =>
        ctx.raw.POST('/me/email-change', {
          body: s.validate(body, validateEmailChangeRequest(body)),
          ...s.init,
        }),
      ),
    /** Confirms the new address with the emailed code (`confirmEmailChange`; `EMAIL_CODE_INVALID`). */
    confirmEmailChange: (body: RequestBody<'confirmEmailChange'>, options: RequestOptions = {}) =>
      call(ctx, 'confirmEmailChange', options, (s) =>
        ctx.raw.POST('/me/email-change/confirmation', {
          body: s.validate(body, validateEmailChangeConfirmation(body)),
          ...s.init,
        }),
      ),
    /** Your settings (`getAccountSettings`): notifications, default Tax ID, security policy acknowledgement. */
    settings: (options: RequestOptions = {}) =>
      call(ctx, 'getAccountSettings', options, ({ init }) => ctx.raw.GET('/me/settings', init)),
    /** Changes the settings given (`updateAccountSettings`). */
    updateSettings: (body: RequestBody<'updateAccountSettings'>, options: RequestOptions = {}) =>
      call(ctx, 'updateAccountSettings', options, (s) =>
        ctx.raw.PATCH('/me/settings', {
          body: s.validate(body, validateAccountSettingsUpdate(body)),
          ...s.init,
        }),
      ),
    /**
     * Registers an additional Tax ID with the single registration code the plan sent for it
     * (`registerAdditionalTaxId`); your account becomes its administrator.
     */
    registerAdditionalTaxId: (body: RequestBody<'registerAdditionalTaxId'>, options: RequestOptions = {}) =>
      call(ctx, 'registerAdditionalTaxId', options, (s) =>
        ctx.raw.POST('/me/tax-ids', { body: s.validate(body, validateAdditionalTaxId(body)), ...s.init }),
      ),
  };
}

/** `portal.account`. */
export type AccountResource = ReturnType<typeof createAccountResource>;
