/**
 * Providers the mock portal documents (mock-server/data/provider-directory.ts), as transactions
 * name them: address, Tax ID and NPI are a known combination (PROVIDER_IDENTITY_MISMATCH passes).
 * The same for every seed; the contract cases, the mock's behaviour tests and the SDK tests share them.
 */
import { TAX_ID_A, TAX_ID_B } from '../../mock-server/data/fixtures.ts';

export { TAX_ID_A, TAX_ID_B };

/** Lopez, Maria: nurse practitioner, internal medicine, Tax ID A. */
export const LOPEZ_A = {
  npi: '1234567893',
  taxId: TAX_ID_A,
  name: 'Lopez, Maria',
  address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
};
/** Rivera, Ana: Tax ID B. */
export const RIVERA_B = {
  npi: '1617283944',
  taxId: TAX_ID_B,
  name: 'Rivera, Ana',
  address: { line1: '52 Seymour St', city: 'Middletown', state: 'CT', zip: '06457' },
};
/** Patel, Raj: a specialist outside Tax IDs A and B. */
export const PATEL = {
  npi: '1273645899',
  taxId: '061555123',
  name: 'Patel, Raj',
  address: { line1: '2 Church St S', line2: 'Suite 300', city: 'New Haven', state: 'CT', zip: '06519' },
};
/** The group of Tax ID A. */
export const HARTFORD_GROUP_A = {
  npi: '1003000126',
  taxId: TAX_ID_A,
  name: 'Hartford Family Medicine Group',
  address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
};
