import { describe, expect, it } from 'vitest';
import { canCall, OPERATION_PERMISSIONS, whyNot } from './permissions.ts';

const clinical = {
  grants: [
    {
      taxId: '060646668',
      role: 'clinical_staff' as const,
      permissions: ['view_eligibility', 'create_preauthorizations'],
    },
  ],
};
const multi = {
  grants: [
    { taxId: '060646668', role: 'clinical_staff' as const, permissions: ['create_preauthorizations'] },
    {
      taxId: '133456789',
      role: 'administrator' as const,
      permissions: ['manage_users', 'view_claims'],
      accessBlocked: true,
    },
  ],
};

describe('the access table for apps', () => {
  it('names a permission, or none, for every operation', () => {
    expect(Object.keys(OPERATION_PERMISSIONS).length).toBeGreaterThanOrEqual(60);
    expect(OPERATION_PERMISSIONS.createReferral).toEqual({
      permission: 'create_referrals',
      adminOnly: false,
      whileBlocked: false,
      public: false,
    });
    expect(OPERATION_PERMISSIONS.signIn.public).toBe(true);
  });

  it('greys out what the grants do not allow, with the code the portal would answer', () => {
    expect(canCall(clinical, 'createPreauthorization')).toBe(true);
    expect(canCall(clinical, 'getCurrentUser')).toBe(true);
    expect(canCall(clinical, 'signIn')).toBe(true);
    expect(whyNot(clinical, 'searchClaims')?.code).toBe('PERMISSION_REQUIRED');
    expect(whyNot(clinical, 'inviteUsers', '060646668')?.code).toBe('ADMIN_ROLE_REQUIRED');
    expect(whyNot(clinical, 'createPreauthorization', '133456789')?.code).toBe('TAX_ID_NOT_AUTHORIZED');
  });

  it('answers per Tax ID, and knows what stays open while the site verification is overdue', () => {
    expect(canCall(multi, 'createPreauthorization', '060646668')).toBe(true);
    expect(whyNot(multi, 'createPreauthorization', '133456789')?.code).toBe('PERMISSION_REQUIRED');
    expect(whyNot(multi, 'searchClaims')?.code).toBe('SITE_VERIFICATION_OVERDUE');
    expect(whyNot(multi, 'inviteUsers', '133456789')?.code).toBe('SITE_VERIFICATION_OVERDUE');
    expect(canCall(multi, 'submitSiteVerification', '133456789')).toBe(true);
  });
});
