/**
 * Claims and payments. A generated claim is a pure function of (seed, Tax ID, submission day, slot):
 * each weekday each of Tax ID A and B receives 0–4 claims, so a search over a window of days
 * enumerates only that window (at most 90 days × 4 × 2 claims), and a claim number decodes back to
 * its Tax ID, day and slot: `YYYY` + `C` + Tax ID code (1 = A, 2 = B) + day of the year (3 digits) +
 * slot (2 digits), e.g. `2026C131803`. Claims exist for three years before the anchor date (the
 * search reaches back two, CLAIMS_LOOKBACK_EXCEEDED; older claims still have details and checks).
 *
 * Finalised claims are paid on the first Thursday at least 14 days after submission; one payment per
 * Tax ID and payment day, by check, EFT or virtual card (`00` + method 1/2/3 + Tax ID code + the
 * payment day's epoch day on 6 digits, e.g. `0011020512`), with one remittance for all its claims.
 * Statuses are as of the anchor date: received (≤ 2 days old), in process or pended (≤ 13 days),
 * then paid, denied, adjusted or pended.
 *
 * The scenario claims (9999REMIT001 …, scenario-members.ts) are fixed specs relative to the anchor.
 */
import type { components } from '../../sdk/generated/portal.ts';
import { addDays, dayOfWeek, fromEpochDay, subtractYearsClamped, toEpochDay } from '../../sdk/rules/dates.ts';
import { ORGANIZATION_A, ORGANIZATION_B, TAX_ID_A, TAX_ID_B } from './fixtures.ts';
import { cents, hashOf, Rng } from './hash.ts';
import { healthPlanOfMember } from './health-plans.ts';
import { LruCache } from './lru.ts';
import { visibleGroupsOf } from './member-index.ts';
import type { ClaimRecord, MemberRecord, PaymentRecord } from './portal-data.ts';
import { PROVIDER_NPIS } from './provider-directory.ts';
import type { ProviderDirectory } from './providers.ts';
import { SCENARIO_CHECKS, SCENARIO_CLAIMS, SCENARIO_MEMBERS } from './scenario-members.ts';

type Schemas = components['schemas'];
type ClaimStatus = Schemas['ClaimStatus'];
type Method = Schemas['ClaimPaymentMethod'];

/** The Tax IDs that have claims, with their one-digit code in claim and check numbers. */
const CLAIM_TAX_IDS: readonly { code: number; taxId: string; payee: string; payeeNpi: string }[] = [
  { code: 1, taxId: TAX_ID_A, payee: ORGANIZATION_A, payeeNpi: PROVIDER_NPIS.hartfordGroup },
  { code: 2, taxId: TAX_ID_B, payee: ORGANIZATION_B, payeeNpi: PROVIDER_NPIS.seymourGroup },
];

/** How far back generated claims go (the search itself reaches back two years). */
const CLAIM_HISTORY_YEARS = 3;
/** Generated claims are spread over the first members of each Tax ID, so members do have claims. */
const CLAIM_MEMBER_POOL = 2000;

interface Procedure {
  code: string;
  price: number;
  modifiers?: string[];
  maxUnits?: number;
}

const PROCEDURES: readonly Procedure[] = [
  { code: '99213', price: 185, modifiers: ['25'] },
  { code: '99214', price: 260 },
  { code: '99203', price: 220 },
  { code: '99396', price: 280 },
  { code: '97110', price: 37.5, maxUnits: 4 },
  { code: '36415', price: 20 },
  { code: '80053', price: 45 },
  { code: '93000', price: 60 },
  { code: '90471', price: 35 },
  { code: 'G0439', price: 210 },
  { code: 'E0601', price: 64.72, modifiers: ['NU'] },
];

const DIAGNOSES = [
  'M54.50',
  'J45.40',
  'E11.9',
  'I10',
  'Z00.00',
  'G47.33',
  'F41.1',
  'K21.9',
  'M25.561',
  'R05.9',
];
const DENIAL_REASONS = ['50', '197', '29', '16'] as const;

/** The core of a claim: everything but the member's name and the remittance totals. */
interface ClaimCore {
  claimNumber: string;
  taxId: string;
  submittedOn: string;
  memberId: string;
  providerNpi: string;
  serviceFromDate: string;
  serviceToDate: string;
  status: ClaimStatus;
  lines: Schemas['ClaimLine'][];
  diagnoses: Schemas['ClaimDiagnosis'][];
  /** The payment day (finalised claims: paid, denied, adjusted). */
  payDay?: string;
  payment?: { checkNumber: string; method: Method };
  denialReason?: string;
  remarkCodes?: string[];
}

/** What the claims layer needs from the rest of the data set. */
export interface ClaimsContext {
  seed: number;
  anchorDate: string;
  memberCount: number;
  providers: ProviderDirectory;
  member(memberId: string): MemberRecord | undefined;
  memberIdAt(index: number): string;
}

function taxIdCode(taxId: string): number | undefined {
  return CLAIM_TAX_IDS.find((entry) => entry.taxId === taxId)?.code;
}

function firstThursdayOnOrAfter(day: string): string {
  const offset = (4 - dayOfWeek(day) + 7) % 7;
  return addDays(day, offset);
}

const METHOD_DIGITS: Readonly<Record<Method, number>> = { check: 1, eft: 2, virtual_card: 3 };

function checkNumberOf(method: Method, code: number, payDay: string): string {
  return `00${METHOD_DIGITS[method]}${code}${String(toEpochDay(payDay)).padStart(6, '0')}`;
}

function claimNumberOf(day: string, code: number, slot: number): string {
  const dayOfYear = toEpochDay(day) - toEpochDay(`${day.slice(0, 4)}-01-01`) + 1;
  return `${day.slice(0, 4)}C${code}${String(dayOfYear).padStart(3, '0')}${String(slot).padStart(2, '0')}`;
}

function memberName(member: MemberRecord | undefined, fallback: string): string {
  if (member === undefined) return fallback;
  const { lastName, firstName, middleInitial } = member.details;
  return `${lastName}, ${firstName}${middleInitial === undefined ? '' : ` ${middleInitial}`}`;
}

/** Builds the lines of a claim for its status. */
function buildLines(
  rng: Rng,
  serviceFromDate: string,
  serviceToDate: string,
  status: ClaimStatus,
  denialReason: string | undefined,
): Schemas['ClaimLine'][] {
  const count = rng.weighted({ one: 50, two: 35, three: 15 }) === 'one' ? 1 : rng.chance(0.7) ? 2 : 3;
  const span = Math.max(0, toEpochDay(serviceToDate) - toEpochDay(serviceFromDate));
  const lines: Schemas['ClaimLine'][] = [];
  for (let n = 1; n <= count; n++) {
    const procedure = rng.pick(PROCEDURES);
    const units = procedure.maxUnits === undefined ? 1 : rng.between(1, procedure.maxUnits);
    const billedAmount = cents(procedure.price * units);
    const line: Schemas['ClaimLine'] = {
      lineNumber: n,
      procedureCode: procedure.code,
      units,
      serviceDate: addDays(serviceFromDate, Math.min(span, n - 1)),
      billedAmount,
      allowedAmount: 0,
      paidAmount: 0,
      memberResponsibility: 0,
      status: 'in_process',
    };
    if (procedure.modifiers !== undefined) line.modifiers = procedure.modifiers;
    if (status === 'received' || status === 'in_process' || status === 'pended') {
      line.status = status === 'pended' ? 'pended' : 'in_process';
    } else if (status === 'denied' || (n > 1 && rng.chance(0.1))) {
      line.status = 'denied';
      line.adjustmentReasonCodes = [`CO-${status === 'denied' ? (denialReason ?? '50') : '97'}`];
    } else {
      const allowedAmount = cents(billedAmount * (0.45 + rng.next() * 0.4));
      const share = n === 1 ? rng.pick([0, 20, 25, 40] as const) : 0;
      const memberResponsibility = Math.min(allowedAmount, share);
      line.allowedAmount = allowedAmount;
      line.memberResponsibility = memberResponsibility;
      line.paidAmount = cents(allowedAmount - memberResponsibility);
      line.status = status === 'adjusted' && n === 1 ? 'adjusted' : 'paid';
      const codes: string[] = [];
      if (billedAmount > allowedAmount) codes.push('CO-45');
      if (memberResponsibility > 0) codes.push('PR-3');
      if (codes.length > 0) line.adjustmentReasonCodes = codes;
    }
    lines.push(line);
  }
  return lines;
}

function statusFor(
  rng: Rng,
  submittedOn: string,
  anchorDate: string,
): { status: ClaimStatus; payDay?: string } {
  const age = toEpochDay(anchorDate) - toEpochDay(submittedOn);
  if (age <= 2) return { status: 'received' };
  if (age <= 13) return { status: rng.chance(0.25) ? 'pended' : 'in_process' };
  const payDay = firstThursdayOnOrAfter(addDays(submittedOn, 14));
  if (toEpochDay(payDay) > toEpochDay(anchorDate)) return { status: 'in_process' };
  const status = rng.weighted({ paid: 72, denied: 14, adjusted: 6, pended: 8 });
  return status === 'pended' ? { status } : { status, payDay };
}

function methodFor(seed: number, code: number, payDay: string): Method {
  return new Rng(hashOf(seed, 'payment-method', code, payDay)).weighted({
    check: 60,
    eft: 30,
    virtual_card: 10,
  });
}

/** The claims layer of a data set. */
export interface ClaimsLayer {
  claimsSubmittedBetween(taxIds: readonly string[], from: string, to: string): ClaimRecord[];
  claim(claimNumber: string): ClaimRecord | undefined;
  payment(checkNumber: string): PaymentRecord | undefined;
}

interface ScenarioClaimSpec {
  claimNumber: string;
  memberId: string;
  taxId: string;
  providerNpi: string;
  submittedDaysAgo: number;
  status: ClaimStatus;
  procedures: { code: string; billed: number; allowed?: number; share?: number; modifiers?: string[] }[];
  diagnoses: string[];
  payment?: { checkNumber: string; method: Method; paidDaysAgo: number };
  /** A denied claim's remittance rides on this payment. */
  remittedWith?: string;
  denialReason?: string;
}

const TWO_YEARS_AND = (days: number) => 731 + days;

const SCENARIO_CLAIM_SPECS: readonly ScenarioClaimSpec[] = [
  {
    claimNumber: SCENARIO_CLAIMS.paidByCheck,
    memberId: SCENARIO_MEMBERS.claimsWithRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.adamski,
    submittedDaysAgo: 40,
    status: 'paid',
    procedures: [
      { code: '99213', billed: 185, allowed: 110, share: 25, modifiers: ['25'] },
      { code: '97110', billed: 75, allowed: 27.34 },
    ],
    diagnoses: ['M54.50', 'J45.40'],
    payment: { checkNumber: SCENARIO_CHECKS.recent, method: 'check', paidDaysAgo: 20 },
  },
  {
    claimNumber: SCENARIO_CLAIMS.paidOverTwoYearsAgo,
    memberId: SCENARIO_MEMBERS.claimsWithRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.lopez,
    submittedDaysAgo: TWO_YEARS_AND(60),
    status: 'paid',
    procedures: [{ code: '99214', billed: 260, allowed: 148.2, share: 20 }],
    diagnoses: ['I10'],
    payment: {
      checkNumber: SCENARIO_CHECKS.overTwoYearsOld,
      method: 'check',
      paidDaysAgo: TWO_YEARS_AND(40),
    },
  },
  {
    claimNumber: SCENARIO_CLAIMS.denied,
    memberId: SCENARIO_MEMBERS.claimsWithRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.adamski,
    submittedDaysAgo: 34,
    status: 'denied',
    procedures: [{ code: 'G0439', billed: 210 }],
    diagnoses: ['Z00.00'],
    remittedWith: SCENARIO_CHECKS.recent,
    denialReason: '50',
  },
  {
    claimNumber: SCENARIO_CLAIMS.paidByEft,
    memberId: SCENARIO_MEMBERS.claimsWithRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.chen,
    submittedDaysAgo: 60,
    status: 'paid',
    procedures: [
      { code: '99396', billed: 280, allowed: 172.5 },
      { code: '90471', billed: 35, allowed: 21 },
    ],
    diagnoses: ['Z00.00'],
    payment: { checkNumber: SCENARIO_CHECKS.eft, method: 'eft', paidDaysAgo: 45 },
  },
  {
    claimNumber: SCENARIO_CLAIMS.withoutRemittance,
    memberId: SCENARIO_MEMBERS.claimsWithoutRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.lopez,
    submittedDaysAgo: 6,
    status: 'in_process',
    procedures: [{ code: 'E0601', billed: 64.72, modifiers: ['NU'] }],
    diagnoses: ['G47.33'],
  },
  {
    claimNumber: SCENARIO_CLAIMS.received,
    memberId: SCENARIO_MEMBERS.claimsWithoutRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.okafor,
    submittedDaysAgo: 1,
    status: 'received',
    procedures: [{ code: '99213', billed: 185 }],
    diagnoses: ['R05.9'],
  },
  {
    claimNumber: SCENARIO_CLAIMS.pended,
    memberId: SCENARIO_MEMBERS.claimsWithoutRemittance,
    taxId: TAX_ID_A,
    providerNpi: PROVIDER_NPIS.lopez,
    submittedDaysAgo: 20,
    status: 'pended',
    procedures: [{ code: '93000', billed: 60 }],
    diagnoses: ['I10'],
  },
  {
    claimNumber: SCENARIO_CLAIMS.taxIdB,
    memberId: SCENARIO_MEMBERS.taxIdBOnly,
    taxId: TAX_ID_B,
    providerNpi: PROVIDER_NPIS.rivera,
    submittedDaysAgo: 25,
    status: 'paid',
    procedures: [{ code: '99396', billed: 280, allowed: 165.4 }],
    diagnoses: ['Z00.00'],
    payment: { checkNumber: SCENARIO_CHECKS.taxIdB, method: 'check', paidDaysAgo: 10 },
  },
];

function scenarioCore(spec: ScenarioClaimSpec, anchorDate: string): ClaimCore {
  const submittedOn = addDays(anchorDate, -spec.submittedDaysAgo);
  const serviceFromDate = addDays(submittedOn, -5);
  const finalised = spec.status === 'paid' || spec.status === 'denied' || spec.status === 'adjusted';
  const lines: Schemas['ClaimLine'][] = spec.procedures.map((procedure, i) => {
    const line: Schemas['ClaimLine'] = {
      lineNumber: i + 1,
      procedureCode: procedure.code,
      units: 1,
      serviceDate: serviceFromDate,
      billedAmount: procedure.billed,
      allowedAmount: 0,
      paidAmount: 0,
      memberResponsibility: 0,
      status: spec.status === 'pended' ? 'pended' : 'in_process',
    };
    if (procedure.modifiers !== undefined) line.modifiers = procedure.modifiers;
    if (spec.status === 'denied') {
      line.status = 'denied';
      line.adjustmentReasonCodes = [`CO-${spec.denialReason ?? '50'}`];
    } else if (finalised) {
      const allowed = procedure.allowed ?? procedure.billed;
      const share = procedure.share ?? 0;
      line.allowedAmount = allowed;
      line.memberResponsibility = share;
      line.paidAmount = cents(allowed - share);
      line.status = 'paid';
      const codes: string[] = [];
      if (procedure.billed > allowed) codes.push('CO-45');
      if (share > 0) codes.push('PR-3');
      if (codes.length > 0) line.adjustmentReasonCodes = codes;
    }
    return line;
  });
  const core: ClaimCore = {
    claimNumber: spec.claimNumber,
    taxId: spec.taxId,
    submittedOn,
    memberId: spec.memberId,
    providerNpi: spec.providerNpi,
    serviceFromDate,
    serviceToDate: serviceFromDate,
    status: spec.status,
    lines,
    diagnoses: spec.diagnoses.map((code, i) => ({ sequence: i + 1, code })),
  };
  if (spec.payment !== undefined) {
    core.payDay = addDays(anchorDate, -spec.payment.paidDaysAgo);
    core.payment = { checkNumber: spec.payment.checkNumber, method: spec.payment.method };
    core.remarkCodes = ['N130'];
  }
  if (spec.remittedWith !== undefined) {
    const carrier = SCENARIO_CLAIM_SPECS.find((other) => other.payment?.checkNumber === spec.remittedWith);
    if (carrier?.payment !== undefined) {
      core.payDay = addDays(anchorDate, -carrier.payment.paidDaysAgo);
      core.payment = { checkNumber: carrier.payment.checkNumber, method: carrier.payment.method };
    }
    core.denialReason = spec.denialReason ?? '50';
    core.remarkCodes = ['N657'];
  }
  return core;
}

/**
 * Creates the claims layer of a data set: generated claims by (Tax ID, day, slot), the scenario
 * claims, and the payments that paid them.
 *
 * @example
 * const claims = createClaimsLayer(context);
 * claims.claimsSubmittedBetween(['060646668'], '2026-09-01', '2026-11-23').length; // > 0
 */
export function createClaimsLayer(context: ClaimsContext): ClaimsLayer {
  const { seed, anchorDate } = context;
  const anchorDay = toEpochDay(anchorDate);
  const firstDay = toEpochDay(subtractYearsClamped(anchorDate, CLAIM_HISTORY_YEARS));
  const cores = new LruCache<string, ClaimCore>(50_000);
  const scenarioCores = SCENARIO_CLAIM_SPECS.map((spec) => scenarioCore(spec, anchorDate));
  const scenarioByNumber = new Map(scenarioCores.map((core) => [core.claimNumber, core]));

  const claimsOn = (code: number, day: string): number => {
    const weekday = dayOfWeek(day);
    if (weekday === 0 || weekday === 6) return 0;
    return hashOf(seed, 'claims-per-day', code, day) % 5;
  };

  const memberFor = (rng: Rng, taxId: string): string => {
    const pool = Math.min(context.memberCount, CLAIM_MEMBER_POOL);
    const groups = visibleGroupsOf(taxId);
    for (let attempt = 0; attempt < 6 && pool > 0; attempt++) {
      const index = rng.int(Math.ceil(pool / 10)) * 10 + rng.pick(groups);
      if (index < context.memberCount) return context.memberIdAt(index);
    }
    return taxId === TAX_ID_B ? SCENARIO_MEMBERS.taxIdBOnly : SCENARIO_MEMBERS.activeCommercial;
  };

  const generatedCore = (code: number, day: string, slot: number): ClaimCore => {
    const claimNumber = claimNumberOf(day, code, slot);
    const cached = cores.get(claimNumber);
    if (cached !== undefined) return cached;
    const entry = CLAIM_TAX_IDS.find((candidate) => candidate.code === code);
    if (entry === undefined) throw new RangeError(`Unknown Tax ID code ${code}.`);
    const rng = new Rng(hashOf(seed, 'claim', code, day, slot));
    const providers = context.providers
      .ofTaxId(entry.taxId)
      .filter((p) => p.profile.type !== 'group_practice' && p.locations.some((l) => l.taxId === entry.taxId));
    const provider = rng.pick(providers);
    const serviceFromDate = addDays(day, -rng.between(1, 25));
    const serviceToDate = rng.chance(0.9) ? serviceFromDate : addDays(serviceFromDate, rng.between(1, 3));
    const { status, payDay } = statusFor(rng, day, anchorDate);
    const denialReason = status === 'denied' ? rng.pick(DENIAL_REASONS) : undefined;
    const lines = buildLines(rng, serviceFromDate, serviceToDate, status, denialReason);
    const diagnosisCount = rng.between(1, 3);
    const first = rng.int(DIAGNOSES.length);
    const diagnoses = Array.from({ length: diagnosisCount }, (_, i) => ({
      sequence: i + 1,
      code: DIAGNOSES[(first + i * 3) % DIAGNOSES.length] as string,
    }));
    const core: ClaimCore = {
      claimNumber,
      taxId: entry.taxId,
      submittedOn: day,
      memberId: memberFor(rng, entry.taxId),
      providerNpi: provider.profile.npi,
      serviceFromDate,
      serviceToDate,
      status,
      lines,
      diagnoses,
    };
    if (payDay !== undefined) {
      const method = methodFor(seed, code, payDay);
      core.payDay = payDay;
      core.payment = { checkNumber: checkNumberOf(method, code, payDay), method };
      core.remarkCodes = status === 'denied' ? ['N657'] : ['N130'];
      if (denialReason !== undefined) core.denialReason = denialReason;
    }
    cores.set(claimNumber, core);
    return core;
  };

  /** The generated claims paid (or denied) on one payment day of one Tax ID. */
  const batchOf = (code: number, payDay: string): ClaimCore[] => {
    const batch: ClaimCore[] = [];
    // Submitted 14–20 days before a Thursday: exactly the claims whose first Thursday ≥ day + 14 it is.
    for (let back = 20; back >= 14; back--) {
      const day = addDays(payDay, -back);
      if (toEpochDay(day) < firstDay) continue;
      for (let slot = 0; slot < claimsOn(code, day); slot++) {
        const core = generatedCore(code, day, slot);
        if (core.payDay === payDay) batch.push(core);
      }
    }
    return batch;
  };

  const paidOf = (core: ClaimCore) => cents(core.lines.reduce((sum, line) => sum + line.paidAmount, 0));

  const batchCores = (core: ClaimCore): ClaimCore[] => {
    if (core.payment === undefined || core.payDay === undefined) return [];
    if (scenarioByNumber.has(core.claimNumber)) {
      return scenarioCores.filter((other) => other.payment?.checkNumber === core.payment?.checkNumber);
    }
    const code = taxIdCode(core.taxId) ?? 0;
    return batchOf(code, core.payDay);
  };

  // Records are immutable once built: a paged search asks for the same window again and again.
  const records = new LruCache<string, ClaimRecord>(20_000);
  const toRecord = (core: ClaimCore): ClaimRecord =>
    records.getOrCreate(core.claimNumber, () => buildRecord(core));

  const buildRecord = (core: ClaimCore): ClaimRecord => {
    const member = context.member(core.memberId);
    const provider = context.providers.byNpi(core.providerNpi);
    const billedAmount = cents(core.lines.reduce((sum, line) => sum + line.billedAmount, 0));
    const paidAmount = paidOf(core);
    const claim: Schemas['Claim'] = {
      // The claim is the member's plan's (a member not generated here: the ID's plan).
      healthPlan: member?.details.healthPlan ?? healthPlanOfMember(core.memberId, 'commercial_hmo'),
      claimNumber: core.claimNumber,
      memberId: core.memberId,
      memberName: memberName(member, core.memberId),
      providerNpi: core.providerNpi,
      providerName: provider?.profile.name ?? core.providerNpi,
      taxId: core.taxId,
      serviceFromDate: core.serviceFromDate,
      serviceToDate: core.serviceToDate,
      submittedOn: core.submittedOn,
      status: core.status,
      billedAmount,
      paidAmount,
      lines: core.lines,
      diagnoses: core.diagnoses,
      remittance: null,
    };
    if (core.payment !== undefined && core.payDay !== undefined) {
      const batch = batchCores(core);
      const total = cents(batch.reduce((sum, other) => sum + paidOf(other), 0));
      const entry = CLAIM_TAX_IDS.find((candidate) => candidate.taxId === core.taxId);
      if (paidAmount > 0) {
        claim.checkNumber = core.payment.checkNumber;
        claim.payment = {
          paidOn: core.payDay,
          checkNumber: core.payment.checkNumber,
          method: core.payment.method,
          amount: paidAmount,
        };
      }
      const adjustments: Schemas['RemittanceAdjustment'][] = [];
      for (const line of core.lines) {
        if (line.status === 'denied') {
          const reason = (line.adjustmentReasonCodes?.[0] ?? 'CO-50').slice(3);
          adjustments.push({
            lineNumber: line.lineNumber,
            groupCode: 'CO',
            reasonCode: reason,
            amount: line.billedAmount,
          });
          continue;
        }
        const contractual = cents(line.billedAmount - line.allowedAmount);
        if (contractual > 0) {
          adjustments.push({
            lineNumber: line.lineNumber,
            groupCode: 'CO',
            reasonCode: '45',
            amount: contractual,
          });
        }
        if (line.memberResponsibility > 0) {
          adjustments.push({
            lineNumber: line.lineNumber,
            groupCode: 'PR',
            reasonCode: '3',
            amount: line.memberResponsibility,
          });
        }
      }
      const remittance: Schemas['Remittance'] = {
        remittanceId: `RA-${core.payDay.slice(0, 4)}-${String(hashOf(seed, 'remittance', core.payment.checkNumber) % 10_000_000).padStart(7, '0')}`,
        issuedOn: core.payDay,
        payeeName: entry?.payee ?? core.taxId,
        payeeTaxId: core.taxId,
        paymentMethod: core.payment.method,
        totalPaidAmount: total,
        claimPaidAmount: paidAmount,
        adjustments,
        explanationOfPaymentAvailable: true,
      };
      // A remittance that pays nothing (every claim on it denied) has no check.
      if (total > 0) remittance.checkNumber = core.payment.checkNumber;
      if (entry !== undefined) remittance.payeeNpi = entry.payeeNpi;
      if (core.remarkCodes !== undefined) remittance.remarkCodes = core.remarkCodes;
      claim.remittance = remittance;
    } else {
      // "If there is no remittance information available, then there will be a message stating there
      // are no records found." (seed 003)
      claim.remittanceMessage = 'No records found';
    }
    return { claim, taxId: core.taxId };
  };

  const decodeClaimNumber = (
    claimNumber: string,
  ): { code: number; day: string; slot: number } | undefined => {
    const match = /^(\d{4})C([12])(\d{3})(\d{2})$/.exec(claimNumber);
    if (match === null) return undefined;
    const [, year, code, dayOfYear, slot] = match;
    const day = fromEpochDay(toEpochDay(`${year}-01-01`) + Number(dayOfYear) - 1);
    if (day.slice(0, 4) !== year) return undefined;
    return { code: Number(code), day, slot: Number(slot) };
  };

  return {
    claimsSubmittedBetween(taxIds, from, to) {
      const records: ClaimRecord[] = [];
      const start = Math.max(toEpochDay(from), firstDay);
      const end = Math.min(toEpochDay(to), anchorDay);
      for (const entry of CLAIM_TAX_IDS) {
        if (!taxIds.includes(entry.taxId)) continue;
        for (let epochDay = start; epochDay <= end; epochDay++) {
          const day = fromEpochDay(epochDay);
          for (let slot = 0; slot < claimsOn(entry.code, day); slot++) {
            records.push(toRecord(generatedCore(entry.code, day, slot)));
          }
        }
      }
      for (const core of scenarioCores) {
        const day = toEpochDay(core.submittedOn);
        if (taxIds.includes(core.taxId) && day >= toEpochDay(from) && day <= toEpochDay(to))
          records.push(toRecord(core));
      }
      return records.sort(
        (a, b) =>
          b.claim.submittedOn.localeCompare(a.claim.submittedOn) ||
          b.claim.claimNumber.localeCompare(a.claim.claimNumber),
      );
    },
    claim(claimNumber) {
      const scenario = scenarioByNumber.get(claimNumber);
      if (scenario !== undefined) return toRecord(scenario);
      const decoded = decodeClaimNumber(claimNumber);
      if (decoded === undefined) return undefined;
      const epochDay = toEpochDay(decoded.day);
      if (epochDay < firstDay || epochDay > anchorDay) return undefined;
      if (decoded.slot >= claimsOn(decoded.code, decoded.day)) return undefined;
      return toRecord(generatedCore(decoded.code, decoded.day, decoded.slot));
    },
    payment(checkNumber) {
      let batch: ClaimCore[];
      let method: Method;
      let taxId: string;
      let issuedOn: string;
      const scenario = scenarioCores.filter((core) => core.payment?.checkNumber === checkNumber);
      if (scenario.length > 0) {
        const first = scenario[0] as ClaimCore;
        batch = scenario;
        method = first.payment?.method ?? 'check';
        taxId = first.taxId;
        issuedOn = first.payDay ?? anchorDate;
      } else {
        const match = /^00([123])([12])(\d{6})$/.exec(checkNumber);
        if (match === null) return undefined;
        const epochDay = Number(match[3]);
        if (epochDay < firstDay || epochDay > anchorDay) return undefined;
        const code = Number(match[2]);
        issuedOn = fromEpochDay(epochDay);
        if (dayOfWeek(issuedOn) !== 4) return undefined;
        method = methodFor(seed, code, issuedOn);
        if (METHOD_DIGITS[method] !== Number(match[1])) return undefined;
        taxId = CLAIM_TAX_IDS.find((entry) => entry.code === code)?.taxId ?? '';
        batch = batchOf(code, issuedOn);
      }
      const amount = cents(batch.reduce((sum, core) => sum + paidOf(core), 0));
      if (batch.length === 0 || amount <= 0) return undefined;
      const entry = CLAIM_TAX_IDS.find((candidate) => candidate.taxId === taxId);
      return {
        checkNumber,
        taxId,
        method,
        issuedOn,
        amount,
        payeeName: entry?.payee ?? taxId,
        claimNumbers: batch.map((core) => core.claimNumber),
      };
    },
  };
}
