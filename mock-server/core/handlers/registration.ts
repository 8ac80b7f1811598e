/**
 * Mock portal operations of the registration domain (tag Registration): registering an organisation
 * (Lead Site Manager first) and a user (with the group's application key or the Tax ID's registration
 * code), associating and linking provider accounts, and listing the linked accounts.
 */

import type { components } from '../../../sdk/generated/portal.ts';
import type { ProviderAccountDirectory, ProviderAccountReference } from '../../../sdk/rules/index.ts';
import {
  calendarDayAt,
  checkAccountLink,
  normalizeTaxId,
  requireUniqueEmail,
  siteManagerNotices,
  validateOrganizationRegistration,
  validateUserRegistration,
} from '../../../sdk/rules/index.ts';
import { ORGANIZATION_A, ORGANIZATION_B, TAX_ID_A, TAX_ID_B } from '../../data/fixtures.ts';
import { HEALTH_PLANS } from '../../data/health-plans.ts';
import type { ProviderRecord } from '../../data/portal-data.ts';
import { signedInUser } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { pageOf, pageParameters } from '../paging.ts';
import { defaultPermissions, organizationName } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, findUserByUsername, nextId, recordAudit } from '../sandbox.ts';
import { participatingProvider } from '../transactions/provider-directory.ts';
import type { DomainHandlers, HandlerContext, PortalUser, RuleViolation, SandboxState } from '../types.ts';

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

function lastName(providerName: string): string {
  return (providerName.split(',')[0] ?? providerName).trim().toLowerCase();
}

/** The ZIP codes (5 digits) of a provider's addresses under one Tax ID. */
function zipsUnder(provider: ProviderRecord, taxId: string): Set<string> {
  return new Set(
    provider.profile.addresses
      .filter((entry) => provider.addressTaxIds[entry.addressId] === taxId)
      .map((entry) => entry.address.zip.slice(0, 5)),
  );
}

/**
 * The provider a link request names: the Provider ID / billing number is a provider of that Tax ID
 * with those names (a group by its or its organisation's name, a practitioner by last name), and the
 * ZIP code is one of its addresses under that Tax ID: "If you have multiple addresses in your profile,
 * you may use any ZIP code listed" (seed 002).
 */
function providerAccount(context: Pick<HandlerContext, 'data'>, account: ProviderAccountReference) {
  const zip = account.zip.slice(0, 5);
  return context.data.providersOfTaxId(account.taxId).find((provider) => {
    if (provider.providerId !== account.providerId || !zipsUnder(provider, account.taxId).has(zip))
      return false;
    const wanted = account.name.trim().toLowerCase();
    if (account.providerType === 'practitioner') {
      return provider.profile.type !== 'group_practice' && lastName(provider.profile.name) === wanted;
    }
    return (
      provider.profile.type === 'group_practice' &&
      [provider.profile.name, organizationName(account.taxId)].some((name) => name.toLowerCase() === wanted)
    );
  });
}

/** The rules' account directory over the sandbox's providers. */
export function accountDirectory(context: Pick<HandlerContext, 'data'>): ProviderAccountDirectory {
  return (account) => providerAccount(context, account) !== undefined;
}

function linkRules(context: HandlerContext) {
  return checkAccountLink(context.body, { accountDirectory: accountDirectory(context) });
}

/**
 * "If an Administrator for the Provider ID exists, contact them and request access" (seed 002): an
 * administrator of the Provider ID's Tax ID, or another user whose account it is already linked to.
 * A user who already acts for the Tax ID links it themselves.
 */
function requireNoOtherAdministrator(
  context: HandlerContext,
  user: PortalUser,
  taxId: string,
  providerId: string,
) {
  if (user.grants.some((grant) => grant.taxId === taxId)) return;
  const administrator = [...context.sandbox.users.values()].some(
    (other) =>
      other.userId !== user.userId &&
      other.status !== 'revoked' &&
      other.grants.some((grant) => grant.taxId === taxId && grant.role === 'administrator'),
  );
  const linkedByAnother = [
    ...collection<LinkedAccountRecord>(context.sandbox, LINKED_ACCOUNTS).values(),
  ].some(
    (record) =>
      record.userId !== user.userId &&
      record.account.taxId === taxId &&
      record.account.providerId === providerId,
  );
  if (administrator || linkedByAnother) {
    throw new ProblemError(
      'ADMIN_ROLE_REQUIRED',
      `Provider ID ${providerId} of Tax ID ${taxId} has an administrator: contact them and request access (they invite you).`,
    );
  }
}

/**
 * What a link grants. "When you register as a Group, you will have access to all information for all
 * providers listed under the Group Tax ID" (seed 002): a group link gives the user a role on the Tax ID
 * (its administrator, as nobody else administers it; a user already on it keeps their role), so every
 * provider, member and record of that Tax ID opens to them through the access model. A practitioner link
 * makes the user an authorized user of that provider (network status checks, seed 003).
 */
function grantLinkedAccess(
  context: HandlerContext,
  user: PortalUser,
  provider: ProviderRecord,
  account: ProviderAccountReference,
): string | undefined {
  const npis = new Set(user.providerNpis);
  if (account.providerType === 'practitioner') {
    npis.add(provider.profile.npi);
    user.providerNpis = [...npis];
    return undefined;
  }
  for (const member of context.data.providersOfTaxId(account.taxId)) npis.add(member.profile.npi);
  user.providerNpis = [...npis];
  if (user.grants.some((grant) => grant.taxId === account.taxId)) return undefined;
  user.grants = [
    ...user.grants,
    {
      taxId: account.taxId,
      organizationName: organizationName(account.taxId),
      role: 'administrator',
      permissions: defaultPermissions('administrator'),
    },
  ];
  return account.taxId;
}

function linkAccount(context: HandlerContext) {
  const user = signedInUser(context);
  const body = context.body as Schemas['ProviderAccountLinkRequest'];
  const account: ProviderAccountReference =
    body.providerType === 'group'
      ? {
          providerType: 'group',
          name: body.groupName,
          taxId: body.taxId,
          providerId: body.providerId,
          zip: body.zip,
        }
      : {
          providerType: 'practitioner',
          name: body.practitionerLastName,
          firstName: body.practitionerFirstName,
          taxId: body.taxId,
          providerId: body.providerId,
          zip: body.zip,
        };
  const provider = providerAccount(context, account);
  // The rules refused an unknown combination already (PROVIDER_IDENTITY_MISMATCH).
  if (provider === undefined)
    throw new ProblemError('NOT_FOUND', `No provider ${body.providerId} of Tax ID ${body.taxId}.`);
  requireNoOtherAdministrator(context, user, body.taxId, body.providerId);
  const linked = collection<LinkedAccountRecord>(context.sandbox, LINKED_ACCOUNTS);
  for (const record of linked.values()) {
    if (
      record.userId === user.userId &&
      record.account.taxId === body.taxId &&
      record.account.providerId === body.providerId
    ) {
      throw new ProblemError(
        'ALREADY_EXISTS',
        `Provider ID ${body.providerId} of Tax ID ${body.taxId} is already linked to your account (${record.account.accountId}).`,
      );
    }
  }
  const grantedTaxId = grantLinkedAccess(context, user, provider, account);
  const linkedAccount: Schemas['LinkedAccount'] = {
    accountId: nextId(context.sandbox, 'ACC-', 6),
    providerType: body.providerType,
    displayName:
      body.providerType === 'group'
        ? body.groupName
        : `${body.practitionerLastName}, ${body.practitionerFirstName}`,
    taxId: body.taxId,
    providerId: body.providerId,
    linkedAt: isoTimestamp(context.sandbox.clock.now()),
  };
  linked.set(linkedAccount.accountId, { userId: user.userId, account: linkedAccount });
  recordAudit(context, 'account.link', linkedAccount.accountId, {
    taxId: body.taxId,
    providerId: body.providerId,
    ...(grantedTaxId === undefined ? {} : { grantedTaxId }),
  });
  return { status: 201, body: linkedAccount };
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
      const leadEmail = body.leadSiteManager.email.toLowerCase();
      const [inUse] = requireUniqueEmail(
        [...context.sandbox.users.values()].some((user) => user.email.toLowerCase() === leadEmail),
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
        existing === undefined &&
          [...context.sandbox.users.values()].some((user) => user.email.toLowerCase() === email),
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
      recordAudit({ sandbox: context.sandbox, user }, 'user.register', user.userId, { taxId });
      const answer: Schemas['UserRegistration'] = {
        userId: user.userId,
        username: user.username,
        status: active ? 'active' : 'pending_approval',
      };
      return { status: 201, body: answer };
    },
  },

  associateProviderAccount: { rules: linkRules, handle: linkAccount },
  linkProviderAccount: { rules: linkRules, handle: linkAccount },

  listLinkedAccounts: {
    handle(context) {
      const user = signedInUser(context);
      const accounts = [...collection<LinkedAccountRecord>(context.sandbox, LINKED_ACCOUNTS).values()]
        .filter((record) => record.userId === user.userId)
        .map((record) => record.account);
      const body: Schemas['LinkedAccountPage'] = pageOf(accounts, pageParameters(context.query));
      return { status: 200, body };
    },
  },
};
