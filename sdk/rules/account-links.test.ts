import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccountLink } from './account-links.ts';

const LINK = {
  providerType: 'practitioner',
  practitionerFirstName: 'John',
  practitionerLastName: 'Adamski',
  taxId: '060646668',
  providerId: 'CCA0051877',
  zip: '06102',
  providerAgreementAccepted: true,
};
const codes = (input: unknown, ctx = {}) => checkAccountLink(input, ctx).map((v) => `${v.code} ${v.path}`);

describe('checkAccountLink', () => {
  it('passes an accepted, known account', () => {
    expect(codes(LINK, { accountDirectory: () => true })).toEqual([]);
  });

  it('needs the Provider Agreement accepted: false, missing or not true', () => {
    for (const value of [false, 'true', undefined]) {
      expect(codes({ ...LINK, providerAgreementAccepted: value })).toEqual([
        'PROVIDER_AGREEMENT_REQUIRED $.providerAgreementAccepted',
      ]);
    }
  });

  it('asks the directory with the Tax ID normalised, and reports a mismatch', () => {
    const asked: unknown[] = [];
    const result = codes(
      { ...LINK, taxId: '06-0646668' },
      {
        accountDirectory: (account: unknown) => {
          asked.push(account);
          return false;
        },
      },
    );
    expect(result).toEqual(['PROVIDER_IDENTITY_MISMATCH $']);
    expect(asked).toEqual([
      {
        providerType: 'practitioner',
        name: 'Adamski',
        firstName: 'John',
        taxId: '060646668',
        providerId: 'CCA0051877',
        zip: '06102',
      },
    ]);
  });

  it('leaves malformed fields to the contract: no mismatch for a Provider ID or ZIP of the wrong shape', () => {
    const never = { accountDirectory: () => false };
    expect(codes({ ...LINK, providerId: 'no' }, never)).toEqual([]);
    expect(codes({ ...LINK, zip: '0610' }, never)).toEqual([]);
    expect(codes({ ...LINK, taxId: '0606466' }, never)).toEqual(['INVALID_TAX_ID $.taxId']);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(checkAccountLink(input, { accountDirectory: () => false }))).toBe(true);
      }),
    );
  });
});
