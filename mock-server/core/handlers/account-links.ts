/**
 * Mock portal operations that link provider accounts to a user's account (seed 002 "Associate" and
 * "Link Your Account"): the provider named by its names, Tax ID, Provider ID and "any ZIP code listed",
 * the Provider Agreement accepted (sdk/rules/account-links.ts), a Group link granting the Group Tax ID;
 * and the list of the linked accounts.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import type { ProviderAccountDirectory, ProviderAccountReference } from '../../../sdk/rules/index.ts';
import { checkAccountLink } from '../../../sdk/rules/index.ts';
import type { ProviderRecord } from '../../data/portal-data.ts';
import { signedInUser } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { pageOf, pageParameters } from '../paging.ts';
import { defaultPermissions, organizationName } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, nextId, recordAudit } from '../sandbox.ts';
import type { DomainHandlers, HandlerContext, PortalUser } from '../types.ts';
import { LINKED_ACCOUNTS, type LinkedAccountRecord } from './registration.ts';

type Schemas = components['schemas'];

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

export const accountLinksHandlers: DomainHandlers = {
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
