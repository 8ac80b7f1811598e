import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAdditionalTaxId,
  checkEmailChangeCode,
  EMAIL_CHANGE_TTL_MS,
  emailTakenByAnother,
  validateAccountSettingsUpdate,
  validateAdditionalTaxId,
  validateEmailChangeConfirmation,
  validateEmailChangeRequest,
  validatePasswordChange,
  validatePinChange,
} from './own-account.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, validateUserRegistration } from './users.ts';

/** The distinct codes of a result (a body may break one rule at two paths). */
const codes = (result: { success: boolean; violations?: { code: string }[] }) =>
  result.success ? [] : [...new Set((result.violations ?? []).map((v) => v.code))];

describe('validatePasswordChange', () => {
  it.each([
    [PASSWORD_MIN_LENGTH - 1, false],
    [PASSWORD_MIN_LENGTH, true],
    [PASSWORD_MAX_LENGTH, true],
    [PASSWORD_MAX_LENGTH + 1, false],
  ])('a new password of %i characters passes: %s', (length, ok) => {
    expect(
      validatePasswordChange({ currentPassword: 'Portal-Test-2026!', newPassword: 'n'.repeat(length) })
        .success,
    ).toBe(ok);
  });

  it('applies the same policy as registration (one PasswordSchema): lengths agree at every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 }), (length) => {
        const password = 'n'.repeat(length);
        const registration = validateUserRegistration({ password });
        const passwordRefused =
          !registration.success && registration.violations.some((v) => v.path === '$.password');
        const change = validatePasswordChange({ currentPassword: 'x', newPassword: password });
        expect(change.success).toBe(!passwordRefused);
      }),
      { examples: [[11], [12], [128], [129]] },
    );
  });

  it('refuses the current password as the new one, and a missing current password', () => {
    expect(
      codes(
        validatePasswordChange({
          currentPassword: 'Maple-Lantern-Quiet-73',
          newPassword: 'Maple-Lantern-Quiet-73',
        }),
      ),
    ).toEqual(['PASSWORD_UNCHANGED']);
    expect(codes(validatePasswordChange({ newPassword: 'Maple-Lantern-Quiet-73' }))).toEqual([
      'VALIDATION_FAILED',
    ]);
    expect(validatePasswordChange(null).success).toBe(false);
  });
});

describe('validatePinChange', () => {
  it.each([
    ['135', ['INVALID_PIN']],
    ['1357', []],
    ['13579', ['INVALID_PIN']],
    ['13a7', ['INVALID_PIN']],
    ['2468', ['PIN_UNCHANGED']],
  ])('new PIN %s', (newPin, expected) => {
    expect(codes(validatePinChange({ currentPin: '2468', newPin }))).toEqual(expected);
  });

  it('refuses a malformed current PIN with INVALID_PIN and an unknown field with VALIDATION_FAILED', () => {
    expect(codes(validatePinChange({ currentPin: '24', newPin: '1357' }))).toEqual(['INVALID_PIN']);
    expect(codes(validatePinChange({ currentPin: '2468', newPin: '1357', pin: '1' }))).toEqual([
      'VALIDATION_FAILED',
    ]);
  });
});

describe('email change', () => {
  it('takes a well-formed address', () => {
    expect(validateEmailChangeRequest({ email: 'olivia@example.com' }).success).toBe(true);
    expect(codes(validateEmailChangeRequest({ email: 'olivia@' }))).toEqual(['VALIDATION_FAILED']);
  });

  it("finds another account's address without regard to case, never the account's own", () => {
    const accounts = [
      { userId: 'USR-1', email: 'Admin.A@example.com' },
      { userId: 'USR-2', email: 'clinical@example.com' },
    ];
    expect(emailTakenByAnother(accounts, 'admin.a@EXAMPLE.com', 'USR-2')).toBe(true);
    expect(emailTakenByAnother(accounts, 'CLINICAL@example.com', 'USR-2')).toBe(false);
    expect(emailTakenByAnother(accounts, 'new@example.com', 'USR-2')).toBe(false);
  });

  it('takes a change id and a 6-digit code', () => {
    expect(validateEmailChangeConfirmation({ changeId: 'EML-7Q4M2XPD', code: '246810' }).success).toBe(true);
    for (const code of ['24681', '2468100', 'abcdef']) {
      expect(codes(validateEmailChangeConfirmation({ changeId: 'EML-7Q4M2XPD', code }))).toEqual([
        'VALIDATION_FAILED',
      ]);
    }
  });

  it('the code confirms until 1 ms before it expires, and never when spent, used, foreign or wrong', () => {
    const change = { userId: 'USR-2', expiresAt: EMAIL_CHANGE_TTL_MS, attempts: 0, used: false };
    expect(checkEmailChangeCode(change, 'USR-2', EMAIL_CHANGE_TTL_MS - 1, true)).toEqual([]);
    const refused = [
      checkEmailChangeCode(change, 'USR-2', EMAIL_CHANGE_TTL_MS, true),
      checkEmailChangeCode({ ...change, used: true }, 'USR-2', 0, true),
      checkEmailChangeCode(change, 'USR-1', 0, true),
      checkEmailChangeCode(undefined, 'USR-2', 0, true),
      checkEmailChangeCode(change, 'USR-2', 0, false),
    ];
    for (const violations of refused) expect(violations.map((v) => v.code)).toEqual(['EMAIL_CODE_INVALID']);
  });
});

describe('validateAccountSettingsUpdate', () => {
  it('takes any of the settings and refuses nothing to change, unknown fields and a malformed Tax ID', () => {
    expect(validateAccountSettingsUpdate({ notifications: { messages: false } }).success).toBe(true);
    expect(validateAccountSettingsUpdate({ defaultTaxId: null }).success).toBe(true);
    expect(validateAccountSettingsUpdate({ securityPolicyAcknowledged: true }).success).toBe(true);
    expect(codes(validateAccountSettingsUpdate({}))).toEqual(['VALIDATION_FAILED']);
    expect(codes(validateAccountSettingsUpdate({ securityPolicyAcknowledged: false }))).toEqual([
      'VALIDATION_FAILED',
    ]);
    expect(codes(validateAccountSettingsUpdate({ theme: 'dark' }))).toEqual(['VALIDATION_FAILED']);
    expect(codes(validateAccountSettingsUpdate({ defaultTaxId: '12345' }))).toEqual(['INVALID_TAX_ID']);
  });

  it('normalises the default Tax ID', () => {
    const result = validateAccountSettingsUpdate({ defaultTaxId: '06-0646668' });
    expect(result.success && result.data.defaultTaxId).toBe('060646668');
  });
});

describe('additional Tax ID', () => {
  it('takes a Tax ID in either form and a registration code', () => {
    const result = validateAdditionalTaxId({ taxId: '06-1234567', registrationCode: 'RC-06123-4567' });
    expect(result.success && result.data.taxId).toBe('061234567');
    expect(codes(validateAdditionalTaxId({ taxId: '12345', registrationCode: 'RC-06123-4567' }))).toEqual([
      'INVALID_TAX_ID',
    ]);
    expect(codes(validateAdditionalTaxId({ taxId: '061234567', registrationCode: 'RC-0612-4567' }))).toEqual([
      'VALIDATION_FAILED',
    ]);
  });

  it('answers in order: already held, then the code (unknown, wrong or used alike), then an administrator', () => {
    const facts = fc.record({
      alreadyHeld: fc.boolean(),
      codeValid: fc.boolean(),
      hasAdministrator: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const expected = f.alreadyHeld
          ? ['TAX_ID_ALREADY_HELD']
          : !f.codeValid
            ? ['REGISTRATION_CODE_INVALID']
            : f.hasAdministrator
              ? ['TAX_ID_HAS_ADMINISTRATOR']
              : [];
        expect(checkAdditionalTaxId(f).map((v) => v.code)).toEqual(expected);
      }),
    );
  });
});
