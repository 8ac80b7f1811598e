/**
 * Registering an additional Tax ID on the signed-in account (seed 004's training index: "Registering
 * Additional Tax IDs"). "If you, your practice, facility, etc., have signed a brand-new contract with
 * us, or have activated a new Tax ID, we will reach out to your designated Administrator. They will be
 * sent a single registration code per Tax ID to unlock access for the affiliated providers and users."
 * (seed 003). The account gives the Tax ID and its code (registration.ts registrationCodeOf) and
 * becomes the Tax ID's administrator. The rules and their order are sdk/rules checkAdditionalTaxId:
 * an unknown Tax ID, a wrong code and a used code answer alike, so the answer never tells whether a
 * Tax ID exists.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { checkAdditionalTaxId, validateAdditionalTaxId } from '../../../sdk/rules/index.ts';
import { signedInUser, userTaxIds } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { oncePerRequest } from '../once-per-request.ts';
import { defaultPermissions } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { recordAudit } from '../sandbox.ts';
import type { DomainHandlers, HandlerContext } from '../types.ts';
import { organizationsOf, registrationCodeOf } from './registration.ts';

type Schemas = components['schemas'];

const validation = oncePerRequest((ctx: HandlerContext) => validateAdditionalTaxId(ctx.body));

function registerAdditionalTaxId(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const checked = validation(ctx);
  if (!checked.success) throw ProblemError.fromViolations(checked.violations);
  const { taxId, registrationCode } = checked.data;
  const organization = organizationsOf(ctx.sandbox).get(taxId);
  const codeValid =
    organization !== undefined &&
    organization.registrationCodeUsedBy === undefined &&
    registrationCode === registrationCodeOf(taxId);
  const hasAdministrator = [...ctx.sandbox.users.values()].some(
    (other) =>
      other.consolidatedInto === undefined &&
      other.status !== 'revoked' &&
      other.grants.some((grant) => grant.taxId === taxId && grant.role === 'administrator'),
  );
  const [refused] = checkAdditionalTaxId({
    alreadyHeld: userTaxIds(user).includes(taxId),
    codeValid,
    hasAdministrator,
  });
  if (refused !== undefined) throw ProblemError.fromViolations([refused]);
  if (organization === undefined)
    throw new Error('unreachable: checkAdditionalTaxId refuses an unknown Tax ID');
  // "a single registration code per Tax ID": it unlocks the Tax ID once.
  organization.registrationCodeUsedBy = user.userId;
  user.grants.push({
    taxId,
    organizationName: organization.name,
    role: 'administrator',
    permissions: defaultPermissions('administrator'),
  });
  user.providerNpis = [
    ...new Set([...user.providerNpis, ...ctx.data.providersOfTaxId(taxId).map(({ profile }) => profile.npi)]),
  ];
  recordAudit(ctx, 'account.tax_id_register', taxId, { role: 'administrator' });
  const answer: Schemas['AdditionalTaxIdResult'] = {
    taxId,
    organizationName: organization.name,
    role: 'administrator',
    registeredAt: isoTimestamp(ctx.sandbox.clock.now().getTime()),
  };
  return { status: 201, body: answer };
}

export const additionalTaxIdHandlers: DomainHandlers = {
  registerAdditionalTaxId: {
    rules: (ctx) => {
      const checked = validation(ctx);
      return checked.success ? [] : checked.violations;
    },
    handle: registerAdditionalTaxId,
  },
};
