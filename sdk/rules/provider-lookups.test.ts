import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import {
  checkNetworkStatusQuery,
  checkPcpPanelReportRequest,
  checkPreauthorizationRequirementRequest,
  checkProfileUpdateListQuery,
  checkProviderSearch,
} from './provider-lookups.ts';

function codes(violations: { code: string; path: string; message: string }[], pin = true) {
  if (pin) pinViolations(violations);
  return violations.map((v) => `${v.code} ${v.path}`);
}

describe('the identifier rules of provider lookups', () => {
  it('a preauthorization check: every procedure code and the servicing NPI', () => {
    expect(
      codes(
        checkPreauthorizationRequirementRequest({
          memberId: 'K5500648801',
          procedureCodes: ['97110', '9711', 'E0601', 'e0601'],
          servicingNpi: '1407819536',
        }),
      ),
    ).toEqual([
      'INVALID_CPT_CODE $.procedureCodes[1]',
      'INVALID_CPT_CODE $.procedureCodes[3]',
      'INVALID_NPI $.servicingNpi',
    ]);
    expect(checkPreauthorizationRequirementRequest({ procedureCodes: ['97110'] })).toEqual([]);
  });

  it('a provider search: NPI, Tax ID in either form, and a name or an NPI but not both', () => {
    expect(checkProviderSearch({ npi: '1407819535', taxId: '06-0646668' })).toEqual([]);
    expect(codes(checkProviderSearch({ npi: '1407819536', taxId: '06064666' }))).toEqual([
      'INVALID_NPI $.npi',
      'INVALID_TAX_ID $.taxId',
    ]);
    expect(codes(checkProviderSearch({ name: 'Adamski', npi: '1407819535' }))).toEqual([
      'VALIDATION_FAILED $.name',
    ]);
    expect(checkProviderSearch({ name: 'Adamski' })).toEqual([]);
    // A partial name of 1 character fails, 2 pass; blank counts as not given.
    expect(codes(checkProviderSearch({ name: ' A ' }))).toEqual(['SEARCH_TERM_TOO_SHORT $.name']);
    expect(checkProviderSearch({ name: 'Ad' })).toEqual([]);
    expect(checkProviderSearch({ name: '  ', npi: '1407819535' })).toEqual([]);
  });

  it('network status, PCP panel report and the profile update list check the identifiers given', () => {
    expect(codes(checkNetworkStatusQuery({ npi: '140781953' }))).toEqual(['INVALID_NPI $.npi']);
    expect(checkNetworkStatusQuery({})).toEqual([]);
    expect(codes(checkPcpPanelReportRequest({ pcpNpi: '1407819536', taxId: 'x' }))).toEqual([
      'INVALID_NPI $.pcpNpi',
      'INVALID_TAX_ID $.taxId',
    ]);
    expect(checkPcpPanelReportRequest({ pcpNpi: '1407819535', taxId: '060646668' })).toEqual([]);
    expect(codes(checkProfileUpdateListQuery({ npi: '1407819536' }))).toEqual(['INVALID_NPI $.npi']);
  });

  it('never throw, whatever the input', () => {
    const all = [
      checkPreauthorizationRequirementRequest,
      checkProviderSearch,
      checkNetworkStatusQuery,
      checkPcpPanelReportRequest,
      checkProfileUpdateListQuery,
    ];
    fc.assert(
      fc.property(fc.anything(), (input) => {
        for (const check of all) expect(Array.isArray(check(input))).toBe(true);
      }),
    );
  });
});

describe('null fields and a list that is not one', () => {
  it('count as not given', () => {
    expect(checkProviderSearch({ npi: null })).toEqual([]);
    expect(checkProviderSearch({ taxId: null })).toEqual([]);
    expect(checkProviderSearch({ npi: null, name: 'Adamski' })).toEqual([]);
    expect(checkProviderSearch({ npi: '1407819535', name: null })).toEqual([]);
    expect(checkPreauthorizationRequirementRequest({ memberId: 'K5500648801', servicingNpi: null })).toEqual(
      [],
    );
    // Not a list: the contract refuses its type; the rule finds no procedure code to check.
    expect(
      checkPreauthorizationRequirementRequest({ memberId: 'K5500648801', procedureCodes: '9711' }),
    ).toEqual([]);
  });
});
