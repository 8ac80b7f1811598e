/**
 * Associating and linking a provider account (seed 002 "Associate Your Account", "Link Your
 * Account"): the Provider Agreement must be accepted, and the names, Tax ID, Provider ID / billing
 * number and ZIP code must be one provider of the plan's directory.
 */
import { checkTaxId, normalizeTaxId } from './identifiers.ts';
import type { ValidationViolation } from './zod-issues.ts';
import { readField } from './zod-issues.ts';

/**
 * A provider account as a link request names it: a practitioner by first and last name, a group by
 * its name; with the Tax ID, the Provider ID / billing number and a ZIP code (5 digits, or ZIP+4).
 *
 * @example
 * const account: ProviderAccountReference = { providerType: 'group', name: 'Hartford Family Medicine Group', taxId: '060646668', providerId: 'CCA0048213', zip: '06147' };
 */
export interface ProviderAccountReference {
  providerType: 'practitioner' | 'group';
  /** The group name, or the practitioner's names. */
  name: string;
  firstName?: string;
  taxId: string;
  providerId: string;
  zip: string;
}

/**
 * Whether a provider account is one the plan knows: the Provider ID is a provider (or group) of that
 * Tax ID with those names, and the ZIP code is one of its addresses under that Tax ID ("If you have
 * multiple addresses in your profile, you may use any ZIP code listed", seed 002).
 *
 * @example
 * const directory: ProviderAccountDirectory = (account) => account.providerId === 'CCA0051877';
 */
export type ProviderAccountDirectory = (account: ProviderAccountReference) => boolean;

/**
 * What an account link may also be checked against: the plan's provider directory.
 *
 * @example
 * checkAccountLink(body, { accountDirectory });
 */
export interface AccountLinkContext {
  accountDirectory?: ProviderAccountDirectory;
}

/** The shapes of the contract's ProviderBillingNumber and ZipCode. */
const PROVIDER_ID = /^[A-Z0-9]{5,15}$/;
const ZIP = /^\d{5}(-\d{4})?$/;

function text(input: unknown, key: string): string | undefined {
  const value = readField(input, key);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The account a well-formed request names, or undefined while a field is missing. */
function accountOf(input: unknown): ProviderAccountReference | undefined {
  const providerType = readField(input, 'providerType');
  // NN-NNNNNNN is the same Tax ID (the portal normalises it before its rules run).
  const taxId = normalizeTaxId(readField(input, 'taxId'));
  const providerId = text(input, 'providerId');
  const zip = text(input, 'zip');
  if (taxId === undefined || providerId === undefined || zip === undefined) return undefined;
  // A malformed field is the contract's to answer (400), not a mismatch.
  if (!PROVIDER_ID.test(providerId) || !ZIP.test(zip)) return undefined;
  if (providerType === 'group') {
    const name = text(input, 'groupName');
    return name === undefined ? undefined : { providerType, name, taxId, providerId, zip };
  }
  if (providerType === 'practitioner') {
    const name = text(input, 'practitionerLastName');
    const firstName = text(input, 'practitionerFirstName');
    if (name === undefined || firstName === undefined) return undefined;
    return { providerType, name, firstName, taxId, providerId, zip };
  }
  return undefined;
}

/**
 * The rules of `associateProviderAccount` and `linkProviderAccount`, every violation at once, never
 * throwing: `INVALID_TAX_ID`; `PROVIDER_AGREEMENT_REQUIRED` unless `providerAgreementAccepted` is
 * `true` ("Confirm the Provider Agreement", "Accept the Provider Agreement", seed 002); and, with
 * `ctx.accountDirectory`, `PROVIDER_IDENTITY_MISMATCH` when the names, Tax ID, Provider ID and ZIP code
 * are not one known provider ("Your Group Name, Tax ID, Provider ID and ZIP Code must match what
 * appears on your EOB or Welcome Letter", seed 002).
 *
 * @example
 * checkAccountLink({ ...body, providerAgreementAccepted: false }); // [{ code: 'PROVIDER_AGREEMENT_REQUIRED', … }]
 */
export function checkAccountLink(input: unknown, ctx: AccountLinkContext = {}): ValidationViolation[] {
  const out: ValidationViolation[] = [];
  const taxId = readField(input, 'taxId');
  if (taxId !== undefined && taxId !== null) out.push(...checkTaxId(taxId, '$.taxId'));
  if (readField(input, 'providerAgreementAccepted') !== true) {
    out.push({
      code: 'PROVIDER_AGREEMENT_REQUIRED',
      path: '$.providerAgreementAccepted',
      message:
        'The Provider Agreement is not accepted: read it and send providerAgreementAccepted: true to associate or ' +
        'link a provider account.',
    });
  }
  const account = accountOf(input);
  if (account !== undefined && ctx.accountDirectory !== undefined && !ctx.accountDirectory(account)) {
    out.push({
      code: 'PROVIDER_IDENTITY_MISMATCH',
      path: '$',
      message:
        `The names, Tax ID ${account.taxId}, Provider ID ${account.providerId} and ZIP code ${account.zip} are not one ` +
        'known provider: enter them as on your Explanation of Benefit or Welcome Letter (any ZIP code of the ' +
        "provider's addresses under that Tax ID works).",
    });
  }
  return out;
}
