/**
 * Mock portal operations of the registration domain (tag Registration): registering an organisation
 * (Lead Site Manager first) and a user (with the group's application key or the Tax ID's registration
 * code). Associating and linking provider accounts: handlers/account-links.ts.
 */

import type { components } from '../../../sdk/generated/portal.ts';
import {
  calendarDayAt,
  emailTakenByAnother,
  normalizeTaxId,
  requireUniqueEmail,
  siteManagerNotices,
  validateOrganizationRegistration,
  validateUserRegistration,
} from '../../../sdk/rules/index.ts';
import {
  ORGANIZATION_A,
  ORGANIZATION_B,
  ORGANIZATION_C,
  TAX_ID_A,
  TAX_ID_B,
  TAX_ID_C,
} from '../../data/fixtures.ts';
import { HEALTH_PLANS } from '../../data/health-plans.ts';
import { defaultPermissions, organizationName } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, findUserByUsername, nextId, recordAudit } from '../sandbox.ts';
import { participatingProvider } from '../transactions/provider-directory.ts';
import type { DomainHandlers, PortalUser, RuleViolation, SandboxState } from '../types.ts';

type Schemas = components['schemas'];

/** The sandbox collection of linked provider accounts, by accountId. */
export const LINKED_ACCOUNTS = 'linked-accounts';
/** The sandbox collection of registered organisations, by Tax ID. */
export const ORGANIZATIONS = 'organizations';

/** A provider account linked to a user's account. */
export interface LinkedAccountRecord {
  userId: string;
  account: Schemas['LinkedAccount'];
}

/** An organisation registered in the mock portal (Tax IDs A and B are there from the start). */
export interface OrganizationRecord {
  taxId: string;
  name: string;
  applicationKey: string;
  leadSiteManagerUserId?: string;
  registrationId?: string;
  /** The account that used the Tax ID's single registration code with `registerAdditionalTaxId`. */
  registrationCodeUsedBy?: string;
}

/**
 * The application keys of Tax IDs A and B (from their Lead Site Managers), and their registration
 * codes (`RC-` + the Tax ID's first five digits + `-` + the last four).
 *
 * @example
 * DOCUMENTED_APPLICATION_KEYS['060646668']; // 'AK-HFMG-0606-4666'
 */
export const DOCUMENTED_APPLICATION_KEYS: Readonly<Record<string, string>> = {
  [TAX_ID_A]: 'AK-HFMG-0606-4666',
  [TAX_ID_B]: 'AK-SSPD-1334-5678',
};

/**
 * The registration code of a Tax ID: "a single registration code per Tax ID to unlock access for the
 * affiliated providers and users" (seed 003). In the mock portal it is derived from the Tax ID.
 *
 * @example
 * registrationCodeOf('060646668'); // 'RC-06064-6668'
 */
export function registrationCodeOf(taxId: string): string {
  return `RC-${taxId.slice(0, 5)}-${taxId.slice(5)}`;
}

/** The organisations of a sandbox: A and B, then those registered through the API. */
export function organizationsOf(sandbox: SandboxState): Map<string, OrganizationRecord> {
  const organizations = collection<OrganizationRecord>(sandbox, ORGANIZATIONS);
  if (!organizations.has(TAX_ID_A)) {
    organizations.set(TAX_ID_A, {
      taxId: TAX_ID_A,
      name: ORGANIZATION_A,
      applicationKey: DOCUMENTED_APPLICATION_KEYS[TAX_ID_A] ?? '',
    });
    organizations.set(TAX_ID_B, {
      taxId: TAX_ID_B,
      name: ORGANIZATION_B,
      applicationKey: DOCUMENTED_APPLICATION_KEYS[TAX_ID_B] ?? '',
    });
    // A newly activated Tax ID: no administrator and no application key yet, only its registration code.
    organizations.set(TAX_ID_C, { taxId: TAX_ID_C, name: ORGANIZATION_C, applicationKey: '' });
  }
  return organizations;
}

/** A new user id (personas are USR-000001…USR-000008; API users start at USR-000101). */
export function nextUserId(sandbox: SandboxState): string {
  return nextId(sandbox, 'USR-', 6, 101);
}

function asViolations(result: { success: boolean; violations?: readonly RuleViolation[] }): RuleViolation[] {
  return result.success ? [] : [...(result.violations ?? [])];
}

export const registrationHandlers: DomainHandlers = {
  registerOrganization: {
    // "The designated Sponsor Representative must be a CCP Participating Provider/Physician" (seed 000).
    rules: (context) =>
      asViolations(
        validateOrganizationRegistration(context.body, {
          participatingProvider: participatingProvider(context),
        }),
      ),
    handle(context) {
      const body = context.body as Schemas['OrganizationRegistrationRequest'];
      const taxId = normalizeTaxId(body.organization.taxId) ?? body.organization.taxId;
      const organizations = organizationsOf(context.sandbox);
      if (organizations.has(taxId)) {
        throw new ProblemError(
          'ALREADY_EXISTS',
          `Tax ID ${taxId} is already registered: ask its Lead Site Manager for the group's application key and register as a user.`,
        );
      }
      // The Lead Site Manager's account is a new account: its email may not be another account's.
      const [inUse] = requireUniqueEmail(
        emailTakenByAnother(context.sandbox.users.values(), body.leadSiteManager.email),
        body.leadSiteManager.email,
      );
      if (inUse !== undefined) {
        throw new ProblemError(inUse.code, inUse.message, {
          violations: [{ ...inUse, path: '$.leadSiteManager.email' }],
        });
      }
      const random = context.sandbox.random('application-keys');
      const applicationKey = `AK-${random.string(4)}-${random.string(4)}-${random.string(4)}`;
      const lead: PortalUser = {
        userId: nextUserId(context.sandbox),
        username: '',
        password: '',
        firstName: body.leadSiteManager.firstName,
        lastName: body.leadSiteManager.lastName,
        email: body.leadSiteManager.email,
        grants: [
          {
            taxId,
            organizationName: body.organization.name,
            role: 'administrator',
            permissions: defaultPermissions('administrator'),
          },
        ],
        status: 'invited',
        knownDevices: [],
        lastActiveOn: calendarDayAt(context.sandbox.clock.now()),
        providerNpis: [body.organization.groupNpi],
        // An account registered in today's portal is one account for both plans (seed 003).
        healthPlans: [...HEALTH_PLANS],
      };
      context.sandbox.users.set(lead.userId, lead);
      const registrationId = nextId(context.sandbox, 'REG-', 6);
      organizations.set(taxId, {
        taxId,
        name: body.organization.name,
        applicationKey,
        leadSiteManagerUserId: lead.userId,
        registrationId,
      });
      const answer: Schemas['OrganizationRegistration'] = {
        registrationId,
        organization: { ...body.organization, taxId },
        leadSiteManagerUserId: lead.userId,
        applicationKey,
        status: 'pending_review',
        // "It is recommended that two (2) Site Managers be assigned for all groups" (seed 000): only the
        // Lead is there yet, so the answer recommends a Secondary Site Manager.
        notices: siteManagerNotices(1).map((notice) => ({
          code: 'SECONDARY_SITE_MANAGER_RECOMMENDED',
          path: notice.path,
          message: notice.message,
        })),
      };
      recordAudit({ sandbox: context.sandbox, user: lead }, 'organization.register', taxId, {
        registrationId,
      });
      return { status: 201, body: answer };
    },
  },

  registerUser: {
    rules: (context) => asViolations(validateUserRegistration(context.body)),
    handle(context) {
      const body = context.body as Schemas['UserRegistrationRequest'];
      const taxId = normalizeTaxId(body.taxId) ?? body.taxId;
      const organization = organizationsOf(context.sandbox).get(taxId);
      const withCode = body.registrationCode !== undefined;
      const keyMatches = withCode
        ? body.registrationCode === registrationCodeOf(taxId) && organization !== undefined
        : organization !== undefined && body.applicationKey === organization.applicationKey;
      if (!keyMatches) {
        throw new ProblemError(
          'TAX_ID_NOT_AUTHORIZED',
          withCode
            ? `The registration code is not the one of Tax ID ${taxId}: ask the Tax ID's designated administrator for it.`
            : `The application key is not the one of Tax ID ${taxId}: ask your Lead Site Manager for the group's key.`,
        );
      }
      if (findUserByUsername(context.sandbox, body.username) !== undefined) {
        throw new ProblemError('ALREADY_EXISTS', `The username ${body.username} is taken: choose another.`);
      }
      const email = body.email.toLowerCase();
      const existing = [...context.sandbox.users.values()].find(
        (user) => user.email.toLowerCase() === email && user.grants.some((grant) => grant.taxId === taxId),
      );
      if (existing !== undefined && (existing.status !== 'invited' || existing.password !== '')) {
        throw new ProblemError(
          'ALREADY_EXISTS',
          `${body.email} already has an account on Tax ID ${taxId}: one role per user per Tax ID; a second account needs a unique email address.`,
        );
      }
      // "if a single user does want separate accounts … they must use a unique email address for each
      // account" (seed 003): an email of another account is refused, whatever its Tax IDs.
      const [inUse] = requireUniqueEmail(
        existing === undefined && emailTakenByAnother(context.sandbox.users.values(), body.email),
        body.email,
      );
      if (inUse !== undefined) {
        throw new ProblemError(inUse.code, inUse.message);
      }
      const today = calendarDayAt(context.sandbox.clock.now());
      const role = withCode
        ? 'administrator'
        : (existing?.grants.find((g) => g.taxId === taxId)?.role ?? 'general_user');
      // An invited user (or the Lead Site Manager) completes the account that was prepared for them.
      const invitedBefore = existing !== undefined;
      const user: PortalUser = existing ?? {
        userId: nextUserId(context.sandbox),
        username: body.username,
        password: body.password,
        firstName: body.firstName,
        lastName: body.lastName,
        email: body.email,
        grants: [],
        status: 'invited',
        knownDevices: [],
        lastActiveOn: today,
        providerNpis: context.data.providersOfTaxId(taxId).map(({ profile }) => profile.npi),
        healthPlans: [...HEALTH_PLANS],
      };
      user.username = body.username;
      user.password = body.password;
      user.pin = body.pin;
      user.firstName = body.firstName;
      user.lastName = body.lastName;
      user.lastActiveOn = today;
      user.grants = [
        ...user.grants.filter((grant) => grant.taxId !== taxId),
        {
          taxId,
          organizationName: organization?.name ?? organizationName(taxId),
          role,
          permissions: defaultPermissions(role),
        },
      ];
      // With the registration code the user is the Tax ID's administrator at once; with the group's
      // application key a site manager approves them, unless they were invited (or are the lead).
      const active = withCode || invitedBefore;
      user.status = active ? 'active' : 'invited';
      context.sandbox.users.set(user.userId, user);
      // The code unlocked the Tax ID: registerAdditionalTaxId no longer takes it ("a single
      // registration code per Tax ID", seed 003). registerUser itself keeps accepting it (as before).
      if (withCode && organization !== undefined) organization.registrationCodeUsedBy ??= user.userId;
      recordAudit({ sandbox: context.sandbox, user }, 'user.register', user.userId, { taxId });
      const answer: Schemas['UserRegistration'] = {
        userId: user.userId,
        username: user.username,
        status: active ? 'active' : 'pending_approval',
      };
      return { status: 201, body: answer };
    },
  },
};
