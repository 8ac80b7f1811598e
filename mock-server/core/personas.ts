/**
 * The documented test users of the mock portal. Every sandbox starts with them; the CLI banner, the
 * admin API (`GET /__admin/personas`) and docs/mock-server.md list them. All share the password
 * {@link PERSONA_PASSWORD} and the emailed MFA code {@link PERSONA_MFA_CODE}.
 *
 * Signing in from the device id {@link PERSONA_DEVICE_ID} needs no code (a known device, verified
 * recently); any other device is a new device and gets an MFA challenge (seed 003: "This account
 * validation will be triggered every three months or if we detect that you have switched computers or
 * devices").
 */

import type { components } from '../../sdk/generated/portal.ts';
import type { Role } from '../../sdk/rules/index.ts';
import { addDays, calendarDayAt } from '../../sdk/rules/index.ts';
import {
  ORGANIZATION_A,
  ORGANIZATION_B,
  PERSONA_MFA_CODE,
  PERSONA_PASSWORD,
  PERSONA_PIN,
  TAX_ID_A,
  TAX_ID_B,
} from '../data/fixtures.ts';
import { HEALTH_PLANS } from '../data/health-plans.ts';
import type { PortalData } from '../data/portal-data.ts';
import type { HealthPlan, PortalUser } from './types.ts';

export { PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONA_PIN, TAX_ID_A, TAX_ID_B };

type Permission = components['schemas']['UserPermission'];

/** The device id the personas have already used: signing in from it asks no MFA code. */
export const PERSONA_DEVICE_ID = 'qa-device';

const ALL_PERMISSIONS: readonly Permission[] = [
  'view_eligibility',
  'view_care_plans',
  'view_preauthorizations',
  'create_preauthorizations',
  'view_referrals',
  'create_referrals',
  'benefit_extensions',
  'submit_admission_notifications',
  'view_claims',
  'view_payments',
  'send_messages',
  'manage_users',
  'request_provider_updates',
];

/**
 * The permissions a role has by default in the mock portal (an administrator may change them with
 * `updateUserRole`).
 *
 * @example
 * defaultPermissions('billing_staff'); // ['view_eligibility', 'view_preauthorizations', 'view_claims', …]
 */
export function defaultPermissions(role: Role): Permission[] {
  switch (role) {
    case 'administrator':
      return [...ALL_PERMISSIONS];
    case 'clinical_staff':
      return [
        'view_eligibility',
        'view_care_plans',
        'view_preauthorizations',
        'create_preauthorizations',
        'view_referrals',
        'create_referrals',
        'submit_admission_notifications',
        'send_messages',
      ];
    case 'billing_staff':
      return ['view_eligibility', 'view_preauthorizations', 'view_claims', 'view_payments', 'send_messages'];
    default:
      return ['view_eligibility', 'send_messages'];
  }
}

const ORGANIZATIONS: Readonly<Record<string, string>> = {
  [TAX_ID_A]: ORGANIZATION_A,
  [TAX_ID_B]: ORGANIZATION_B,
};

/** The organisation name of Tax ID A or B (or a generic one for another Tax ID). */
export function organizationName(taxId: string): string {
  return ORGANIZATIONS[taxId] ?? `Organization ${taxId}`;
}

/** How one persona is set up, relative to the sandbox's start instant. */
export interface PersonaDefinition {
  userId: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  grants: readonly { taxId: string; role: Role }[];
  status: PortalUser['status'];
  /** Days before the start day that the account was last used (ACCOUNT_LOCKED after 30). */
  lastActiveDaysAgo: number;
  /** Days before the start that the last MFA verification happened (due after three months). */
  mfaVerifiedDaysAgo: number;
  /** What the persona is for, as the banner and the scenario catalog say it. */
  description: string;
  /** The health plans the account sees; both (a consolidated account) when left out. */
  healthPlans?: readonly HealthPlan[];
}

/**
 * The fixed persona set. Tax ID A is {@link TAX_ID_A} (Hartford Family Medicine Group), Tax ID B is
 * {@link TAX_ID_B} (Seymour Street Pediatrics).
 *
 * @example
 * PERSONAS.find((p) => p.username === 'admin.a')?.grants; // [{ taxId: '060646668', role: 'administrator' }]
 */
export const PERSONAS: readonly PersonaDefinition[] = [
  {
    userId: 'USR-000001',
    username: 'admin.a',
    firstName: 'Olivia',
    lastName: 'Miller',
    email: 'admin.a@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'administrator' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    description: 'Portal Administrator (site manager) of Tax ID A: manages users, verifies the site.',
  },
  {
    userId: 'USR-000002',
    username: 'clinical.a',
    firstName: 'Daniel',
    lastName: 'Reyes',
    email: 'clinical.a@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'clinical_staff' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    description:
      'Clinical staff of Tax ID A: eligibility, care plans, preauthorizations, referrals, notifications.',
  },
  {
    userId: 'USR-000003',
    username: 'billing.a',
    firstName: 'Grace',
    lastName: 'Okafor',
    email: 'billing.a@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'billing_staff' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    description: 'Billing staff of Tax ID A: claims, payments, remittance, EOPs; not an administrator.',
  },
  {
    userId: 'USR-000004',
    username: 'admin.b',
    firstName: 'Hannah',
    lastName: 'Lindqvist',
    email: 'admin.b@seymourpeds.example',
    grants: [{ taxId: TAX_ID_B, role: 'administrator' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    description: 'Portal Administrator of Tax ID B: never sees Tax ID A data (TAX_ID_NOT_AUTHORIZED).',
  },
  {
    userId: 'USR-000005',
    username: 'multi.tin',
    firstName: 'Samuel',
    lastName: 'Adeyemi',
    email: 'multi.tin@hartfordfamilymed.example',
    grants: [
      { taxId: TAX_ID_A, role: 'clinical_staff' },
      { taxId: TAX_ID_B, role: 'administrator' },
    ],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    description: 'Clinical staff on Tax ID A and administrator on Tax ID B (one role per Tax ID).',
  },
  {
    userId: 'USR-000006',
    username: 'locked.user',
    firstName: 'Peter',
    lastName: 'Novak',
    email: 'locked.user@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'clinical_staff' }],
    status: 'locked',
    lastActiveDaysAgo: 45,
    mfaVerifiedDaysAgo: 45,
    description: 'Unused for 45 days, so locked: sign-in answers 403 ACCOUNT_LOCKED.',
  },
  {
    userId: 'USR-000007',
    username: 'revoked.user',
    firstName: 'Rita',
    lastName: 'Castellano',
    email: 'revoked.user@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'billing_staff' }],
    status: 'revoked',
    lastActiveDaysAgo: 3,
    mfaVerifiedDaysAgo: 10,
    description: 'Revoked by the site manager: sign-in answers 403 ACCOUNT_REVOKED.',
  },
  {
    userId: 'USR-000008',
    username: 'mfa.due',
    firstName: 'Wendy',
    lastName: 'Tran',
    email: 'mfa.due@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'clinical_staff' }],
    status: 'active',
    lastActiveDaysAgo: 2,
    mfaVerifiedDaysAgo: 100,
    description:
      'Last MFA verification 100 days ago: sign-in answers mfa_required (verification_due) even from qa-device.',
  },
  {
    userId: 'USR-000009',
    username: 'emblem.only',
    firstName: 'Nadia',
    lastName: 'Brooks',
    email: 'emblem.only@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'clinical_staff' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    healthPlans: ['emblemhealth'],
    description:
      'Clinical staff of Tax ID A with an EmblemHealth account only: ConnectiCare members answer as unknown ones.',
  },
  {
    userId: 'USR-000010',
    username: 'cci.only',
    firstName: 'Owen',
    lastName: 'Fletcher',
    email: 'cci.only@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'clinical_staff' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    healthPlans: ['connecticare'],
    description:
      'Clinical staff of Tax ID A with a ConnectiCare account only: EmblemHealth members answer as unknown ones.',
  },
  {
    userId: 'USR-000011',
    username: 'dana.emblem',
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.emblem@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_A, role: 'clinical_staff' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    healthPlans: ['emblemhealth'],
    description:
      "Dana's EmblemHealth account, ready to consolidate with dana.cci (consolidateAccounts) into one for both plans.",
  },
  {
    userId: 'USR-000012',
    username: 'dana.cci',
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.cci@hartfordfamilymed.example',
    grants: [{ taxId: TAX_ID_B, role: 'clinical_staff' }],
    status: 'active',
    lastActiveDaysAgo: 1,
    mfaVerifiedDaysAgo: 10,
    healthPlans: ['connecticare'],
    description:
      "Dana's ConnectiCare account (Tax ID B): consolidated into dana.emblem, it no longer signs in (ACCOUNT_CONSOLIDATED).",
  },
];

/**
 * The persona users of a new sandbox, their dates relative to the sandbox's start instant. Their
 * `providerNpis` are the providers of their Tax IDs in the sandbox's data.
 *
 * @example
 * const users = createPersonaUsers(new Date('2026-11-23T14:00:00Z'), data);
 */
export function createPersonaUsers(start: Date, data: PortalData): PortalUser[] {
  const startDay = calendarDayAt(start);
  return PERSONAS.map((persona) => {
    const user: PortalUser = {
      userId: persona.userId,
      username: persona.username,
      password: PERSONA_PASSWORD,
      pin: PERSONA_PIN,
      firstName: persona.firstName,
      lastName: persona.lastName,
      email: persona.email,
      grants: persona.grants.map(({ taxId, role }) => ({
        taxId,
        organizationName: organizationName(taxId),
        role,
        permissions: defaultPermissions(role),
      })),
      status: persona.status,
      mfaVerifiedAt: new Date(start.getTime() - persona.mfaVerifiedDaysAgo * 86_400_000).toISOString(),
      knownDevices: [PERSONA_DEVICE_ID],
      lastActiveOn: addDays(startDay, -persona.lastActiveDaysAgo),
      providerNpis: persona.grants.flatMap(({ taxId }) =>
        data.providersOfTaxId(taxId).map((provider) => provider.profile.npi),
      ),
      healthPlans: [...(persona.healthPlans ?? HEALTH_PLANS)],
    };
    return user;
  });
}
