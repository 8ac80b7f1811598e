/**
 * The Preauthorization Check Tool's answers: "The tool will indicate whether preauthorization is
 * needed and from whom. ... The tool does not offer tracking numbers or trackable trail showing the
 * outcome of a given search." (seed 003). Each code's answer is a pure function of (seed, code): the
 * same code always gets the same answer in a sandbox, nothing is stored, and no tracking number is
 * given. Office visits (E/M 99202–99499) never need one; radiology (70010–79999) that needs one is
 * decided by the radiology benefit manager; the others by the plan or a specialty vendor.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { fraction } from './determinism.ts';

type CheckItem = components['schemas']['PreauthorizationCheckItem'];
type Vendor = components['schemas']['PreauthorizationVendor'];

/** The delegated vendors of the mock plan, by what they review. */
export const PREAUTHORIZATION_VENDORS = {
  radiology: {
    name: 'Summit Radiology Benefits Management',
    phone: '(800) 555-0142',
    website: 'https://rbm.example.com/preauthorizations',
  },
  therapy: {
    name: 'Cornerstone Therapy Management',
    phone: '(888) 555-0163',
    website: 'https://therapy-um.example.com/requests',
  },
  equipment: {
    name: 'Keystone DME Benefits',
    phone: '(877) 555-0119',
    website: 'https://keystone-dme.example.com/prior-auth',
  },
  specialty: {
    name: 'Meridian Specialty Review',
    phone: '(866) 555-0175',
    website: 'https://meridian-review.example.com/submit',
  },
} as const satisfies Record<string, Vendor>;

type Family = 'office_visit' | 'radiology' | 'therapy' | 'equipment' | 'other';

function familyOf(code: string): Family {
  if (/^\d{5}$/.test(code)) {
    const number = Number(code);
    if (number >= 99202 && number <= 99499) return 'office_visit';
    if (number >= 70010 && number <= 79999) return 'radiology';
    if (number >= 97010 && number <= 97799) return 'therapy';
    return 'other';
  }
  // HCPCS Level II: E (durable medical equipment), K and L (orthotics, prosthetics, temporary codes).
  if (/^[EKL]\d{4}$/.test(code)) return 'equipment';
  return 'other';
}

const NOTES: Readonly<Record<Family, string>> = {
  office_visit: 'Office visits never need a preauthorization.',
  radiology: 'Advanced imaging is reviewed by the radiology benefit manager.',
  therapy: 'Required after the first 8 visits of therapy in a calendar year.',
  equipment: 'Required for equipment purchased or rented for more than 3 months.',
  other: 'Required for this procedure in every place of service.',
};

/**
 * Whether one procedure code needs a preauthorization for this sandbox's plan, and from whom.
 *
 * @example
 * checkProcedureCodeRequirement(42, '99213'); // { procedureCode: '99213', required: false, decisionBy: 'plan', note: … }
 * checkProcedureCodeRequirement(42, '73721'); // e.g. { required: true, decisionBy: 'delegated_vendor', vendor: { name: 'Summit …' } }
 */
export function checkProcedureCodeRequirement(seed: number, procedureCode: string): CheckItem {
  const family = familyOf(procedureCode);
  const draw = fraction(seed, `preauthorization-check:${procedureCode}`);
  if (family === 'office_visit' || draw < 0.35) {
    return {
      procedureCode,
      required: false,
      decisionBy: 'plan',
      ...(family === 'office_visit' ? { note: NOTES.office_visit } : {}),
    };
  }
  const delegated = family === 'radiology' || draw >= 0.75;
  if (!delegated) return { procedureCode, required: true, decisionBy: 'plan', note: NOTES[family] };
  const vendor =
    family === 'radiology'
      ? PREAUTHORIZATION_VENDORS.radiology
      : family === 'therapy'
        ? PREAUTHORIZATION_VENDORS.therapy
        : family === 'equipment'
          ? PREAUTHORIZATION_VENDORS.equipment
          : PREAUTHORIZATION_VENDORS.specialty;
  return {
    procedureCode,
    required: true,
    decisionBy: 'delegated_vendor',
    vendor: { ...vendor },
    note: NOTES[family],
  };
}
