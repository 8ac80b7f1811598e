/**
 * The documented providers of the mock portal: the same NPIs, names and addresses for every seed, so
 * personas, scenarios and QA scripts can name them. Tax ID A and Tax ID B (fixtures.ts) each have
 * these plus a few seed-generated specialists (providers.ts); the network specialists under other
 * Tax IDs are there to be referred to (referrals, preauthorization servicing providers).
 *
 * Every NPI here is valid (Luhn over 80840, checked by data-providers.test.ts).
 */
import type { components } from '../../sdk/generated/portal.ts';
import { TAX_ID_A, TAX_ID_B } from './fixtures.ts';

type Address = components['schemas']['Address'];
type ProviderType = components['schemas']['ProviderType'];

/** A practice location of a provider under one Tax ID. */
export interface DirectoryLocation {
  taxId: string;
  addressId: string;
  address: Address;
  phone: string;
  /** The location's participation (a provider may be out of network at one of its addresses). */
  inNetwork: boolean;
}

/** A provider as the directory defines it; providers.ts turns it into profile and search rows. */
export interface DirectoryProvider {
  npi: string;
  /**
   * The plan's Provider ID / billing number, as on the Welcome Letter and EOBs: what associating or
   * linking a provider account names (seed 002).
   */
  providerId: string;
  /** Last, First for a person; the organisation name otherwise. */
  name: string;
  type: ProviderType;
  specialty: string | null;
  /** Primary care (family medicine, internal medicine, pediatrics): may be a member's PCP. */
  primaryCare: boolean;
  locations: DirectoryLocation[];
  billing?: { taxId: string; addressId: string; address: Address; phone?: string };
  remittance?: { taxId: string; addressId: string; address: Address };
  /** The networks the provider participates in (see products.ts). */
  networks: readonly string[];
  acceptingNewPatients: boolean;
  languages: string[];
}

/**
 * The Provider ID of a provider the directory does not name one for: `CCA` and the NPI's last 8 digits.
 *
 * @example
 * providerIdOf('1273645899'); // 'CCA73645899'
 */
export function providerIdOf(npi: string): string {
  return `CCA${npi.slice(2)}`;
}

const ALL_NETWORKS = ['PASSAGE', 'PRIME', 'CHOICE', 'VIP', 'ENHANCED CARE', 'ESSENTIAL'] as const;

/**
 * The NPIs the personas and scenarios refer to, by name.
 *
 * @example
 * PROVIDER_NPIS.adamski; // '1407819535' (Adamski, John: Tax IDs A and B)
 */
export const PROVIDER_NPIS = {
  /** Hartford Family Medicine Group, the group NPI of Tax ID A. */
  hartfordGroup: '1003000126',
  /** Adamski, John: family medicine, a PCP under both Tax ID A and Tax ID B. */
  adamski: '1407819535',
  /** Lopez, Maria: nurse practitioner, internal medicine, Tax ID A. */
  lopez: '1234567893',
  /** Chen, Wei: pediatrics, Tax ID A. */
  chen: '1502938479',
  /** Brennan, Patrick: osteopathic internal medicine, Tax ID A. */
  brennan: '1365482904',
  /** Okafor, Ngozi: physician assistant, family medicine, Tax ID A. */
  okafor: '1192837460',
  /** Seymour Street Pediatrics, the group NPI of Tax ID B. */
  seymourGroup: '1847362518',
  /** Rivera, Ana: pediatrics, Tax ID B. */
  rivera: '1617283944',
  /** Goldberg, Daniel: pediatrics, Tax ID B. */
  goldberg: '1436271856',
  /** Nguyen, Linh: pediatric nurse practitioner, Tax ID B. */
  nguyen: '1982736450',
  /**
   * Connecticut Orthopaedic Specialists, a group of another Tax ID that has no portal administrator:
   * associating it as a Group gives access to all its providers (seed 002).
   */
  connecticutOrthopaedicsGroup: '1711150155',
  /** Patel, Raj: orthopaedic surgery, Connecticut Orthopaedic Specialists (another Tax ID). */
  patel: '1273645899',
  /** Kowalski, Anna: cardiology, Hudson Valley Cardiology (another Tax ID). */
  kowalski: '1152637488',
  /** Okonkwo, Emeka: dermatology (another Tax ID). */
  okonkwo: '1663548273',
  /** Metro Home Health Agency (another Tax ID). */
  metroHomeHealth: '1782635415',
  /** Northeast Medical Supply, a DME supplier (another Tax ID). */
  northeastMedicalSupply: '1928374655',
  /** Lakeside Behavioral Health (another Tax ID). */
  lakesideBehavioralHealth: '1039485762',
  /** St. Francis Imaging Center, a facility (another Tax ID). */
  stFrancisImaging: '1584736296',
} as const;

/** Tax IDs of the network specialists outside Tax ID A and B. */
export const NETWORK_TAX_IDS = {
  connecticutOrthopaedics: '061555123',
  hudsonValleyCardiology: '141234567',
  glastonburyDermatology: '061777234',
  metroHomeHealth: '112345678',
  northeastMedicalSupply: '223456789',
  lakesideBehavioralHealth: '161234567',
  stFrancisImaging: '060999111',
} as const;

const HARTFORD: Address = { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' };
const FARMINGTON: Address = {
  line1: '175 Scott Swamp Rd',
  line2: 'Suite 3',
  city: 'Farmington',
  state: 'CT',
  zip: '06032',
};
const MIDDLETOWN: Address = { line1: '52 Seymour St', city: 'Middletown', state: 'CT', zip: '06457' };
const HARTFORD_BILLING: Address = { ...HARTFORD, line2: 'Suite 200' };
const HARTFORD_REMIT: Address = { line1: 'PO Box 4418', city: 'Hartford', state: 'CT', zip: '06147-4418' };
const MIDDLETOWN_REMIT: Address = { line1: 'PO Box 912', city: 'Middletown', state: 'CT', zip: '06457-0912' };

function hartfordBilling(id: string) {
  return {
    billing: {
      taxId: TAX_ID_A,
      addressId: `ADDR-${id}2`,
      address: HARTFORD_BILLING,
      phone: '(860) 545-5010',
    },
    remittance: { taxId: TAX_ID_A, addressId: `ADDR-${id}3`, address: HARTFORD_REMIT },
  };
}

function middletownBilling(id: string) {
  return {
    billing: { taxId: TAX_ID_B, addressId: `ADDR-${id}2`, address: MIDDLETOWN, phone: '(860) 555-0120' },
    remittance: { taxId: TAX_ID_B, addressId: `ADDR-${id}3`, address: MIDDLETOWN_REMIT },
  };
}

function specialist(
  npi: string,
  name: string,
  type: ProviderType,
  specialty: string | null,
  taxId: string,
  id: string,
  address: Address,
  phone: string,
): DirectoryProvider {
  return {
    npi,
    providerId: providerIdOf(npi),
    name,
    type,
    specialty,
    primaryCare: false,
    locations: [{ taxId, addressId: `ADDR-${id}1`, address, phone, inNetwork: true }],
    billing: { taxId, addressId: `ADDR-${id}2`, address, phone },
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English'],
  };
}

/**
 * The documented providers (see {@link PROVIDER_NPIS}).
 *
 * @example
 * DIRECTORY_PROVIDERS.find((p) => p.npi === PROVIDER_NPIS.adamski)?.name; // 'Adamski, John'
 */
export const DIRECTORY_PROVIDERS: readonly DirectoryProvider[] = [
  {
    npi: PROVIDER_NPIS.hartfordGroup,
    providerId: 'CCA0048213',
    name: 'Hartford Family Medicine Group',
    type: 'group_practice',
    specialty: 'Family Medicine',
    primaryCare: false,
    locations: [
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000011',
        address: HARTFORD,
        phone: '(860) 545-5000',
        inNetwork: true,
      },
    ],
    ...hartfordBilling('00001'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Spanish'],
  },
  {
    // The provider of the seed's screenshots (Care Plans QRG, step 12): "Adamski, John 80 Seymour St,
    // Hartford, CT, 06102 060646668 1407819535 Allopathic Physician … In Network No".
    npi: PROVIDER_NPIS.adamski,
    providerId: 'CCA0051877',
    name: 'Adamski, John',
    type: 'allopathic_physician',
    specialty: 'Family Medicine',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000101',
        address: HARTFORD,
        phone: '(860) 545-5000',
        inNetwork: false,
      },
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000104',
        address: FARMINGTON,
        phone: '(860) 555-0142',
        inNetwork: true,
      },
      {
        taxId: TAX_ID_B,
        addressId: 'ADDR-000105',
        address: MIDDLETOWN,
        phone: '(860) 555-0121',
        inNetwork: true,
      },
    ],
    billing: {
      taxId: TAX_ID_A,
      addressId: 'ADDR-000102',
      address: HARTFORD_BILLING,
      phone: '(860) 545-5010',
    },
    remittance: { taxId: TAX_ID_A, addressId: 'ADDR-000103', address: HARTFORD_REMIT },
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Spanish', 'Polish'],
  },
  {
    npi: PROVIDER_NPIS.lopez,
    providerId: 'CCA0051902',
    name: 'Lopez, Maria',
    type: 'nurse_practitioner',
    specialty: 'Internal Medicine',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000201',
        address: HARTFORD,
        phone: '(860) 545-5000',
        inNetwork: true,
      },
    ],
    ...hartfordBilling('00020'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Spanish'],
  },
  {
    npi: PROVIDER_NPIS.chen,
    providerId: 'CCA0051915',
    name: 'Chen, Wei',
    type: 'allopathic_physician',
    specialty: 'Pediatrics',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000301',
        address: { ...HARTFORD, line2: 'Suite 210' },
        phone: '(860) 545-5020',
        inNetwork: true,
      },
    ],
    ...hartfordBilling('00030'),
    networks: ['PASSAGE', 'PRIME', 'CHOICE', 'ENHANCED CARE', 'ESSENTIAL'],
    acceptingNewPatients: true,
    languages: ['English', 'Mandarin'],
  },
  {
    npi: PROVIDER_NPIS.brennan,
    providerId: 'CCA0051928',
    name: 'Brennan, Patrick',
    type: 'osteopathic_physician',
    specialty: 'Internal Medicine',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000401',
        address: FARMINGTON,
        phone: '(860) 555-0143',
        inNetwork: true,
      },
    ],
    ...hartfordBilling('00040'),
    // Not in the Medicaid-type networks: a network status check for such a member answers "not in network".
    networks: ['PASSAGE', 'PRIME', 'CHOICE', 'VIP'],
    acceptingNewPatients: false,
    languages: ['English'],
  },
  {
    npi: PROVIDER_NPIS.okafor,
    providerId: 'CCA0051931',
    name: 'Okafor, Ngozi',
    type: 'physician_assistant',
    specialty: 'Family Medicine',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_A,
        addressId: 'ADDR-000501',
        address: HARTFORD,
        phone: '(860) 545-5000',
        inNetwork: true,
      },
    ],
    ...hartfordBilling('00050'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Igbo'],
  },
  {
    npi: PROVIDER_NPIS.seymourGroup,
    providerId: 'CCA0063301',
    name: 'Seymour Street Pediatrics',
    type: 'group_practice',
    specialty: 'Pediatrics',
    primaryCare: false,
    locations: [
      {
        taxId: TAX_ID_B,
        addressId: 'ADDR-000601',
        address: MIDDLETOWN,
        phone: '(860) 555-0120',
        inNetwork: true,
      },
    ],
    ...middletownBilling('00060'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Spanish'],
  },
  {
    npi: PROVIDER_NPIS.rivera,
    providerId: 'CCA0063390',
    name: 'Rivera, Ana',
    type: 'allopathic_physician',
    specialty: 'Pediatrics',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_B,
        addressId: 'ADDR-000701',
        address: MIDDLETOWN,
        phone: '(860) 555-0122',
        inNetwork: true,
      },
    ],
    ...middletownBilling('00070'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Spanish'],
  },
  {
    npi: PROVIDER_NPIS.goldberg,
    providerId: 'CCA0063412',
    name: 'Goldberg, Daniel',
    type: 'allopathic_physician',
    specialty: 'Pediatrics',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_B,
        addressId: 'ADDR-000801',
        address: MIDDLETOWN,
        phone: '(860) 555-0123',
        inNetwork: true,
      },
    ],
    ...middletownBilling('00080'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: false,
    languages: ['English', 'Hebrew'],
  },
  {
    npi: PROVIDER_NPIS.nguyen,
    providerId: 'CCA0063425',
    name: 'Nguyen, Linh',
    type: 'nurse_practitioner',
    specialty: 'Pediatrics',
    primaryCare: true,
    locations: [
      {
        taxId: TAX_ID_B,
        addressId: 'ADDR-000901',
        address: MIDDLETOWN,
        phone: '(860) 555-0124',
        inNetwork: true,
      },
    ],
    ...middletownBilling('00090'),
    networks: ALL_NETWORKS,
    acceptingNewPatients: true,
    languages: ['English', 'Vietnamese'],
  },
  {
    ...specialist(
      PROVIDER_NPIS.connecticutOrthopaedicsGroup,
      'Connecticut Orthopaedic Specialists',
      'group_practice',
      'Orthopaedic Surgery',
      NETWORK_TAX_IDS.connecticutOrthopaedics,
      '00095',
      { line1: '2 Church St S', line2: 'Suite 300', city: 'New Haven', state: 'CT', zip: '06519' },
      '(203) 555-0160',
    ),
    providerId: 'CCA0071150',
    remittance: {
      taxId: NETWORK_TAX_IDS.connecticutOrthopaedics,
      addressId: 'ADDR-000953',
      address: { line1: 'PO Box 8810', city: 'New Haven', state: 'CT', zip: '06531-8810' },
    },
  },
  specialist(
    PROVIDER_NPIS.patel,
    'Patel, Raj',
    'allopathic_physician',
    'Orthopaedic Surgery',
    NETWORK_TAX_IDS.connecticutOrthopaedics,
    '00100',
    { line1: '2 Church St S', line2: 'Suite 300', city: 'New Haven', state: 'CT', zip: '06519' },
    '(203) 555-0161',
  ),
  specialist(
    PROVIDER_NPIS.kowalski,
    'Kowalski, Anna',
    'allopathic_physician',
    'Cardiology',
    NETWORK_TAX_IDS.hudsonValleyCardiology,
    '00110',
    { line1: '19 Bradhurst Ave', city: 'Hawthorne', state: 'NY', zip: '10532' },
    '(914) 555-0133',
  ),
  specialist(
    PROVIDER_NPIS.okonkwo,
    'Okonkwo, Emeka',
    'allopathic_physician',
    'Dermatology',
    NETWORK_TAX_IDS.glastonburyDermatology,
    '00120',
    { line1: '300 Western Blvd', city: 'Glastonbury', state: 'CT', zip: '06033' },
    '(860) 555-0177',
  ),
  specialist(
    PROVIDER_NPIS.metroHomeHealth,
    'Metro Home Health Agency',
    'home_health_agency',
    'Home Health',
    NETWORK_TAX_IDS.metroHomeHealth,
    '00130',
    { line1: '55 Water St', city: 'Brooklyn', state: 'NY', zip: '11201' },
    '(718) 555-0155',
  ),
  specialist(
    PROVIDER_NPIS.northeastMedicalSupply,
    'Northeast Medical Supply',
    'dme_supplier',
    'Durable Medical Equipment',
    NETWORK_TAX_IDS.northeastMedicalSupply,
    '00140',
    { line1: '1 Industrial Rd', city: 'Wallingford', state: 'CT', zip: '06492' },
    '(203) 555-0188',
  ),
  specialist(
    PROVIDER_NPIS.lakesideBehavioralHealth,
    'Lakeside Behavioral Health',
    'behavioral_health',
    'Psychiatry',
    NETWORK_TAX_IDS.lakesideBehavioralHealth,
    '00150',
    { line1: '240 Lake Ave', city: 'Yonkers', state: 'NY', zip: '10701' },
    '(914) 555-0109',
  ),
  specialist(
    PROVIDER_NPIS.stFrancisImaging,
    'St. Francis Imaging Center',
    'facility',
    'Diagnostic Radiology',
    NETWORK_TAX_IDS.stFrancisImaging,
    '00160',
    { line1: '114 Woodland St', city: 'Hartford', state: 'CT', zip: '06105' },
    '(860) 555-0190',
  ),
];

/** How many providers each of Tax ID A and B has in all (the documented ones + seed-generated specialists). */
export const PROVIDERS_PER_TAX_ID: Readonly<Record<string, number>> = { [TAX_ID_A]: 12, [TAX_ID_B]: 10 };
