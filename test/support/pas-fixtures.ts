/**
 * Portal preauthorization requests and preauthorizations for the PAS mapping tests: fixed examples
 * (fixed dates, never today's) and a fast-check arbitrary of every valid-shaped
 * `PreauthorizationCreate` (the OpenAPI schema's patterns, lengths and item counts).
 */
import fc from 'fast-check';
import type { components } from '../../sdk/generated/portal.ts';

type Schemas = components['schemas'];
export type PreauthorizationCreate = Schemas['PreauthorizationCreate'];
export type Preauthorization = Schemas['Preauthorization'];
export type ProviderReference = Schemas['ProviderReference'];

/** A requesting provider (a group). */
export const GROUP: ProviderReference = {
  npi: '1003000126',
  taxId: '060646668',
  name: 'Hartford Family Medicine Group',
  address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
};

/** A servicing provider other than the group (a suite on its address line). */
export const THERAPIST: ProviderReference = {
  npi: '1273645899',
  taxId: '061555123',
  name: 'Patel, Raj',
  address: { line1: '2 Church St S', line2: 'Suite 300', city: 'New Haven', state: 'CT', zip: '06519' },
};

/** A physical therapy request: two lines, a primary diagnosis, notes; servicing ≠ requesting. */
export const PT_REQUEST: PreauthorizationCreate = {
  memberId: 'K5500648801',
  urgency: 'standard',
  serviceType: 'physical_therapy',
  requestingProvider: GROUP,
  servicingProvider: THERAPIST,
  diagnoses: [{ code: 'M54.50', primary: true }, { code: 'M51.16' }],
  serviceStartDate: '2026-12-01',
  serviceEndDate: '2027-02-28',
  serviceLines: [
    {
      procedureCode: '97110',
      units: 24,
      serviceStartDate: '2026-12-01',
      serviceEndDate: '2027-02-28',
      modifiers: ['GP'],
    },
    { procedureCode: '97140', units: 12, serviceStartDate: '2026-12-01', serviceEndDate: '2027-01-31' },
  ],
  notes: 'Low back pain after lifting injury; 6 weeks of home exercise without improvement.',
};

/** An expedited inpatient admission by the group itself (servicing = requesting), one line. */
export const ADMISSION_REQUEST: PreauthorizationCreate = {
  memberId: 'K5500648899',
  urgency: 'expedited',
  serviceType: 'inpatient_admission',
  requestingProvider: GROUP,
  servicingProvider: GROUP,
  diagnoses: [{ code: 'I21.4' }],
  serviceStartDate: '2026-11-24',
  serviceEndDate: '2026-11-29',
  serviceLines: [
    { procedureCode: '99223', units: 5, serviceStartDate: '2026-11-24', serviceEndDate: '2026-11-29' },
  ],
};

/** Durable medical equipment with a HCPCS Level II code and a Tax ID written NN-NNNNNNN. */
export const DME_REQUEST: PreauthorizationCreate = {
  memberId: 'C7700123456',
  urgency: 'standard',
  serviceType: 'durable_medical_equipment',
  requestingProvider: { ...GROUP, taxId: '06-0646668' },
  servicingProvider: THERAPIST,
  diagnoses: [{ code: 'G47.33', primary: true }],
  serviceStartDate: '2026-12-15',
  serviceEndDate: '2027-06-15',
  serviceLines: [
    {
      procedureCode: 'E0601',
      units: 1,
      serviceStartDate: '2026-12-15',
      serviceEndDate: '2027-06-15',
      modifiers: ['RR', 'KX'],
    },
    { procedureCode: 'A7030', units: 6, serviceStartDate: '2026-12-15', serviceEndDate: '2027-06-15' },
  ],
};

/** The options every fixed example is built with. */
export const REQUEST_OPTIONS = {
  transactionId: 'TX-20261123-0001',
  timestamp: '2026-11-23T15:00:00.000Z',
  healthPlan: 'emblemhealth',
} as const;

/** The preauthorization the portal keeps for a request, at a status (lines numbered from 1). */
export function preauthorizationOf(
  request: PreauthorizationCreate,
  status: Preauthorization['status'],
  extra: Partial<Preauthorization> = {},
): Preauthorization {
  return {
    healthPlan: 'emblemhealth',
    referenceId: 'PA-20261123',
    memberId: request.memberId,
    memberName: 'Rivera, Maria',
    status,
    urgency: request.urgency,
    serviceType: request.serviceType,
    requestDate: '2026-11-23',
    submittedAt: '2026-11-23T15:00:05Z',
    decisionDueBy: '2026-11-30T15:00:05Z',
    requestingProvider: request.requestingProvider,
    servicingProvider: request.servicingProvider,
    diagnoses: request.diagnoses,
    serviceStartDate: request.serviceStartDate,
    serviceEndDate: request.serviceEndDate,
    serviceLines: request.serviceLines.map((line, index) => ({ ...line, lineNumber: index + 1 })),
    ...(request.notes === undefined ? {} : { notes: request.notes }),
    attachments: [],
    modifications: [],
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries (the schema's shapes)

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const upperOrDigit = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');

/** Text as a person types it: not blank, no surrounding spaces (FHIR strings carry no padding). */
const text = (maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength, unit: 'grapheme-ascii' })
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A calendar day between 2026-01-01 and 2027-12-31, YYYY-MM-DD. */
export const isoDay = fc
  .integer({ min: 0, max: 729 })
  .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const procedureCode = fc.oneof(
  digits(5),
  fc.tuple(digits(4), fc.constantFrom('F', 'T', 'U')).map(([d, l]) => d + l),
  fc.tuple(upper, digits(4)).map(([l, d]) => l + d),
);

const diagnosisCode = fc
  .tuple(
    upper,
    digits(1),
    upperOrDigit,
    fc.option(fc.tuple(fc.boolean(), fc.string({ unit: upperOrDigit, minLength: 1, maxLength: 4 }))),
  )
  .map(([a, b, c, tail]) => `${a}${b}${c}${tail === null ? '' : `${tail[0] ? '.' : ''}${tail[1]}`}`);

const provider: fc.Arbitrary<ProviderReference> = fc.record({
  npi: digits(10),
  taxId: fc.oneof(
    digits(9),
    fc.tuple(digits(2), digits(7)).map(([a, b]) => `${a}-${b}`),
  ),
  name: text(120),
  address: fc.record(
    {
      line1: text(100),
      line2: text(100),
      city: text(60),
      state: fc.string({ unit: upper, minLength: 2, maxLength: 2 }),
      zip: fc.oneof(
        digits(5),
        fc.tuple(digits(5), digits(4)).map(([a, b]) => `${a}-${b}`),
      ),
    },
    { requiredKeys: ['line1', 'city', 'state', 'zip'] },
  ),
});

const serviceLine = fc.record(
  {
    procedureCode,
    units: fc.integer({ min: 1, max: 999 }),
    serviceStartDate: isoDay,
    serviceEndDate: isoDay,
    modifiers: fc.array(fc.string({ unit: upperOrDigit, minLength: 2, maxLength: 2 }), {
      minLength: 1,
      maxLength: 4,
    }),
  },
  { requiredKeys: ['procedureCode', 'units', 'serviceStartDate', 'serviceEndDate'] },
);

/**
 * Every valid-shaped portal request (the schema's shapes; business rules such as date order are the
 * portal's to check, not the mapping's). Servicing is the requesting provider in about a third.
 * Values FHIR cannot carry (an empty string, an empty list, `primary: false` rather than no mark)
 * are not drawn: {@link normalizedRequest} says what they read back as.
 */
export const preauthorizationCreateArb: fc.Arbitrary<PreauthorizationCreate> = fc
  .record(
    {
      memberId: fc.string({ unit: upperOrDigit, minLength: 6, maxLength: 15 }),
      urgency: fc.constantFrom('standard', 'expedited'),
      serviceType: fc.constantFrom(
        'outpatient_procedure',
        'inpatient_admission',
        'home_health_care',
        'durable_medical_equipment',
        'physical_therapy',
        'occupational_therapy',
        'speech_therapy',
        'imaging',
        'behavioral_health',
        'skilled_nursing',
        'infusion_therapy',
        'transplant',
      ),
      requestingProvider: provider,
      servicingProvider: fc.option(provider, { freq: 3 }),
      diagnoses: fc.array(
        fc.record({ code: diagnosisCode, primary: fc.constant(true) }, { requiredKeys: ['code'] }),
        { minLength: 1, maxLength: 12 },
      ),
      serviceStartDate: isoDay,
      serviceEndDate: isoDay,
      serviceLines: fc.array(serviceLine, { minLength: 1, maxLength: 50 }),
      notes: fc.string({ minLength: 1, maxLength: 2000 }).filter((s) => s.trim() === s && s !== ''),
    },
    {
      requiredKeys: [
        'memberId',
        'urgency',
        'serviceType',
        'requestingProvider',
        'servicingProvider',
        'diagnoses',
        'serviceStartDate',
        'serviceEndDate',
        'serviceLines',
      ],
    },
  )
  .map(({ servicingProvider, ...rest }) => ({
    ...rest,
    servicingProvider: servicingProvider ?? rest.requestingProvider,
  }));

/**
 * A request as FHIR can say it: what FHIR has no way to write (an empty line2 or notes, an empty
 * modifier list, an explicit `primary: false`, the schema's default) is left out.
 */
export function normalizedRequest(request: PreauthorizationCreate): PreauthorizationCreate {
  const provider = (p: ProviderReference): ProviderReference => {
    const { line2, ...address } = p.address;
    return { ...p, address: line2 === undefined || line2.trim() === '' ? address : { ...address, line2 } };
  };
  const { notes, ...rest } = request;
  return {
    ...rest,
    requestingProvider: provider(request.requestingProvider),
    servicingProvider: provider(request.servicingProvider),
    diagnoses: request.diagnoses.map(({ code, primary }) =>
      primary === true ? { code, primary } : { code },
    ),
    serviceLines: request.serviceLines.map(({ modifiers, ...line }) =>
      modifiers === undefined || modifiers.length === 0 ? line : { ...line, modifiers },
    ),
    ...(notes === undefined || notes.trim() === '' ? {} : { notes }),
  };
}
