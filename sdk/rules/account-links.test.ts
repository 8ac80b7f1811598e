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

describe('checkAccountLink: what it asks the directory, and in which words it answers', () => {
  const GROUP = {
    providerType: 'group',
    groupName: 'Hartford Family Medicine Group',
    taxId: '060646668',
    providerId: 'CCA0048213',
    zip: '06147',
    providerAgreementAccepted: true,
  };
  /** The accounts the directory was asked about, and the violations, for a directory that knows none. */
  function ask(input: unknown) {
    const asked: unknown[] = [];
    const violations = checkAccountLink(input, {
      accountDirectory: (account) => {
        asked.push(account);
        return false;
      },
    });
    return { asked, violations };
  }

  it('asks about a group by its group name, and words the mismatch', () => {
    expect(ask(GROUP)).toEqual({
      asked: [
        {
          providerType: 'group',
          name: 'Hartford Family Medicine Group',
          taxId: '060646668',
          providerId: 'CCA0048213',
          zip: '06147',
        },
      ],
      violations: [
        {
          code: 'PROVIDER_IDENTITY_MISMATCH',
          path: '$',
          message:
            'The names, Tax ID 060646668, Provider ID CCA0048213 and ZIP code 06147 are not one known provider: ' +
            'enter them as on your Explanation of Benefit or Welcome Letter (any ZIP code of the ' +
            "provider's addresses under that Tax ID works).",
        },
      ],
    });
  });

  it('does not ask while a name is missing, blank or not text, or for another provider type', () => {
    const never = { asked: [], violations: [] };
    expect(ask({ ...GROUP, groupName: undefined })).toEqual(never);
    expect(ask({ ...GROUP, groupName: '   ' })).toEqual(never);
    expect(ask({ ...GROUP, groupName: 42 })).toEqual(never);
    expect(ask({ ...LINK, practitionerLastName: undefined })).toEqual(never);
    expect(ask({ ...LINK, practitionerFirstName: undefined })).toEqual(never);
    expect(ask({ ...LINK, practitionerFirstName: ' ' })).toEqual(never);
    expect(ask({ ...LINK, providerType: 'facility' })).toEqual(never);
    expect(ask({ ...LINK, providerType: undefined })).toEqual(never);
    expect(ask({ ...LINK, providerId: 12345678 })).toEqual(never);
    expect(ask({ ...LINK, zip: undefined })).toEqual(never);
  });

  it('leaves a missing or null Tax ID to the contract (no INVALID_TAX_ID)', () => {
    expect(checkAccountLink({ ...LINK, taxId: undefined })).toEqual([]);
    expect(checkAccountLink({ ...LINK, taxId: null })).toEqual([]);
  });

  it('words PROVIDER_AGREEMENT_REQUIRED', () => {
    expect(checkAccountLink({ ...LINK, providerAgreementAccepted: false })).toEqual([
      {
        code: 'PROVIDER_AGREEMENT_REQUIRED',
        path: '$.providerAgreementAccepted',
        message:
          'The Provider Agreement is not accepted: read it and send providerAgreementAccepted: true to associate ' +
          'or link a provider account.',
      },
    ]);
  });
});
