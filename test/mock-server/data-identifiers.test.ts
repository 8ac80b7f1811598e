/**
 * Every identifier the data layer generates is valid, over random seeds and indices (fast-check):
 * NPIs (Luhn over 80840), Tax IDs, member IDs, claim and check numbers, codes and dates, and the
 * reversible indexing really reverses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPortalData } from '../../mock-server/data/index.ts';
import { LAST_NAMES } from '../../mock-server/data/names.ts';
import { DIRECTORY_PROVIDERS, PROVIDER_NPIS } from '../../mock-server/data/provider-directory.ts';
import { createProviderDirectory } from '../../mock-server/data/providers.ts';
import {
  compareDates,
  isDiagnosisCode,
  isIsoDate,
  isMemberId,
  isProcedureCode,
  isUsPhone,
  isValidNpi,
  normalizeTaxId,
} from '../../sdk/rules/index.ts';

const ANCHOR = '2026-11-23';
const MEMBERS = 2_000_000;
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const indices = fc.integer({ min: 0, max: MEMBERS - 1 });

describe('providers', () => {
  it('have valid NPIs, 9-digit Tax IDs and US phones for every seed', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const directory = createProviderDirectory(seed);
        const npis = directory.all.map((p) => p.profile.npi);
        expect(new Set(npis).size).toBe(npis.length);
        for (const provider of directory.all) {
          expect(isValidNpi(provider.profile.npi), provider.profile.npi).toBe(true);
          for (const taxId of provider.profile.taxIds) expect(normalizeTaxId(taxId)).toBe(taxId);
          for (const location of provider.locations) expect(isUsPhone(location.phone)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('documents valid, fixed NPIs', () => {
    for (const npi of Object.values(PROVIDER_NPIS)) expect(isValidNpi(npi), npi).toBe(true);
    expect(DIRECTORY_PROVIDERS.map((p) => p.npi).sort()).toEqual(Object.values(PROVIDER_NPIS).sort());
  });

  it('know each practice address, Tax ID and NPI combination, and no other', () => {
    const data = createPortalData({ seed: 5, memberCount: 10, anchorDate: ANCHOR });
    const adamski = { npi: PROVIDER_NPIS.adamski, taxId: '060646668' };
    expect(
      data.isKnownProviderIdentity({ ...adamski, address: { line1: '80 Seymour St', zip: '06102' } }),
    ).toBe(true);
    expect(
      data.isKnownProviderIdentity({ ...adamski, address: { line1: '80 SEYMOUR ST.', zip: '06102-1234' } }),
    ).toBe(true);
    expect(
      data.isKnownProviderIdentity({ ...adamski, address: { line1: '52 Seymour St', zip: '06457' } }),
    ).toBe(false);
    expect(
      data.isKnownProviderIdentity({
        ...adamski,
        taxId: '133456789',
        address: { line1: '52 Seymour St', zip: '06457' },
      }),
    ).toBe(true);
  });
});

describe('generated members', () => {
  it('have valid IDs, dates, coverage and products', () => {
    fc.assert(
      fc.property(seeds, indices, (seed, index) => {
        const data = createPortalData({ seed, memberCount: MEMBERS, anchorDate: ANCHOR });
        const member = data.member(data.memberIdAt(index));
        if (member === undefined) throw new Error('missing member');
        const d = member.details;
        expect(isMemberId(d.memberId)).toBe(true);
        expect(isIsoDate(d.dateOfBirth) && compareDates(d.dateOfBirth, ANCHOR) < 0).toBe(true);
        expect(isIsoDate(d.coverageStartDate)).toBe(true);
        expect(
          d.coverageEndDate === '9999-12-31' || compareDates(d.coverageStartDate, d.coverageEndDate) <= 0,
        ).toBe(true);
        expect(compareDates(d.dateOfBirth, d.coverageStartDate)).toBeLessThan(0);
        if (d.pcp !== undefined) expect(isValidNpi(d.pcp.npi)).toBe(true);
        if (d.productType === 'child_health_plus')
          expect(compareDates(d.dateOfBirth, '2007-11-23')).toBeGreaterThan(0);
        expect(d.referralRequired).toBe(
          d.productType.startsWith('commercial') || d.productType === 'medicare_advantage',
        );
        expect(member.visibleToTaxIds.length).toBeGreaterThan(0);
        if (d.middleInitial !== undefined) expect(d.middleInitial).toMatch(/^[A-Z]$/);
        if (d.email !== undefined) expect(d.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.com$/);
      }),
      { numRuns: 150 },
    );
  });

  it('are found again by partial last name, first name and date of birth', () => {
    fc.assert(
      fc.property(seeds, indices, fc.integer({ min: 2, max: 4 }), (seed, index, length) => {
        const data = createPortalData({ seed, memberCount: MEMBERS, anchorDate: ANCHOR });
        const member = data.member(data.memberIdAt(index));
        if (member === undefined) throw new Error('missing member');
        const found = data.membersByName({
          firstName: member.details.firstName.slice(0, length),
          lastName: member.details.lastName.slice(0, length),
          dateOfBirth: member.details.dateOfBirth,
        });
        expect(found.map((m) => m.details.memberId)).toContain(member.details.memberId);
        for (const other of found) expect(other.details.dateOfBirth).toBe(member.details.dateOfBirth);
      }),
      { numRuns: 60 },
    );
  });

  it('take their last name from the list by index', () => {
    const data = createPortalData({ seed: 9, memberCount: 10_000, anchorDate: ANCHOR });
    expect(LAST_NAMES.length % 2).toBe(1);
    expect(LAST_NAMES.length % 5).not.toBe(0);
    expect(data.member(data.memberIdAt(LAST_NAMES.length + 3))?.details.lastName).toBe(LAST_NAMES[3]);
  });
});

describe('claims and payments', () => {
  it('have valid claim numbers, codes, amounts in cents, and payments that find their claims', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 600 }), (seed, daysBack) => {
        const data = createPortalData({ seed, memberCount: 5_000, anchorDate: ANCHOR });
        const to = new Date(Date.UTC(2026, 10, 23 - daysBack)).toISOString().slice(0, 10);
        const from = new Date(Date.UTC(2026, 10, 23 - daysBack - 29)).toISOString().slice(0, 10);
        const claims = data.claimsSubmittedBetween(['060646668', '133456789'], from, to);
        for (const { claim, taxId } of claims) {
          expect(claim.claimNumber).toMatch(/^[0-9]{4}[A-Z0-9]{6,12}$/);
          expect(data.claim(claim.claimNumber)?.claim).toEqual(claim);
          expect(claim.taxId).toBe(taxId);
          expect(isValidNpi(claim.providerNpi)).toBe(true);
          expect(isMemberId(claim.memberId)).toBe(true);
          expect(data.member(claim.memberId)?.visibleToTaxIds).toContain(taxId);
          for (const line of claim.lines) {
            expect(isProcedureCode(line.procedureCode)).toBe(true);
            for (const amount of [
              line.billedAmount,
              line.allowedAmount,
              line.paidAmount,
              line.memberResponsibility,
            ]) {
              expect(Math.round(amount * 100) / 100).toBe(amount);
            }
          }
          for (const diagnosis of claim.diagnoses) expect(isDiagnosisCode(diagnosis.code)).toBe(true);
          if (claim.remittance === null) expect(claim.remittanceMessage).toBe('No records found');
          if (claim.payment !== undefined) {
            expect(claim.payment.checkNumber).toMatch(/^[0-9]{6,15}$/);
            const payment = data.payment(claim.payment.checkNumber);
            expect(payment?.claimNumbers).toContain(claim.claimNumber);
            expect(payment?.taxId).toBe(taxId);
            expect(claim.remittance?.totalPaidAmount).toBe(payment?.amount);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('do not exist beyond the anchor day or for malformed numbers', () => {
    const data = createPortalData({ seed: 3, memberCount: 100, anchorDate: ANCHOR });
    expect(data.claim('2027C100100')).toBeUndefined();
    expect(data.claim('2026C9001000')).toBeUndefined();
    expect(data.payment('0011999999')).toBeUndefined();
    expect(data.payment('123')).toBeUndefined();
  });
});
