/**
 * The providers of the mock portal: the documented directory (provider-directory.ts) plus, for Tax ID
 * A and B, seed-generated specialists up to a fixed number per Tax ID. Small and fixed in size, so
 * it is built once per data set, on first use.
 */
import type { components } from '../../sdk/generated/portal.ts';
import { npiCheckDigit } from '../../sdk/rules/identifiers.ts';
import { withFaker } from './faker-source.ts';
import { TAX_ID_A, TAX_ID_B } from './fixtures.ts';
import { hashOf, Rng } from './hash.ts';
import { inNetworkAt, profileNetworkStatus } from './participation.ts';
import type { ProviderRecord } from './portal-data.ts';
import type { DirectoryProvider } from './provider-directory.ts';
import { DIRECTORY_PROVIDERS, PROVIDERS_PER_TAX_ID, providerIdOf } from './provider-directory.ts';

type Schemas = components['schemas'];

/** The providers of a data set, with the lookups the handlers need. */
export interface ProviderDirectory {
  readonly all: readonly ProviderRecord[];
  byNpi(npi: string): ProviderRecord | undefined;
  ofTaxId(taxId: string): ProviderRecord[];
  /** The primary care providers of a Tax ID, in a fixed order (members' PCPs are chosen by position). */
  pcpsOfTaxId(taxId: string): ProviderRecord[];
}

const GENERATED_SPECIALTIES: readonly { type: Schemas['ProviderType']; specialty: string }[] = [
  { type: 'allopathic_physician', specialty: 'Cardiology' },
  { type: 'allopathic_physician', specialty: 'Dermatology' },
  { type: 'allopathic_physician', specialty: 'Obstetrics & Gynecology' },
  { type: 'allopathic_physician', specialty: 'Endocrinology' },
  { type: 'allopathic_physician', specialty: 'Gastroenterology' },
  { type: 'osteopathic_physician', specialty: 'Sports Medicine' },
  { type: 'nurse_practitioner', specialty: 'Women’s Health' },
  { type: 'behavioral_health', specialty: 'Clinical Psychology' },
  { type: 'physician_assistant', specialty: 'Orthopaedics' },
];

const LANGUAGES = ['Spanish', 'Portuguese', 'Polish', 'Italian', 'Haitian Creole', 'Russian', 'Arabic'];

function toRecord(provider: DirectoryProvider): ProviderRecord {
  const taxIds = [
    ...new Set([...provider.locations.map((l) => l.taxId), provider.billing?.taxId ?? '']),
  ].filter((taxId) => taxId !== '');
  const addresses: Schemas['ProviderAddress'][] = provider.locations.map((location) => ({
    addressId: location.addressId,
    kind: 'practice',
    address: location.address,
    phone: location.phone,
  }));
  if (provider.billing !== undefined) {
    const billing: Schemas['ProviderAddress'] = {
      addressId: provider.billing.addressId,
      kind: 'billing',
      address: provider.billing.address,
    };
    if (provider.billing.phone !== undefined) billing.phone = provider.billing.phone;
    addresses.push(billing);
  }
  if (provider.remittance !== undefined) {
    addresses.push({
      addressId: provider.remittance.addressId,
      kind: 'remittance',
      address: provider.remittance.address,
    });
  }
  const profile: Schemas['ProviderProfile'] = {
    npi: provider.npi,
    name: provider.name,
    type: provider.type,
    specialty: provider.specialty,
    taxIds,
    addresses,
    networkStatus: profileNetworkStatus(provider.locations),
    acceptingNewPatients: provider.acceptingNewPatients,
    languages: provider.languages,
  };
  const rows = provider.locations.map((location) => {
    const row: Schemas['ProviderSummary'] = {
      npi: provider.npi,
      name: provider.name,
      addressId: location.addressId,
      address: location.address,
      taxId: location.taxId,
      type: provider.type,
      inNetwork: inNetworkAt(location),
    };
    if (provider.specialty !== null) row.specialty = provider.specialty;
    return row;
  });
  const summary = rows[0];
  if (summary === undefined) throw new Error(`Provider ${provider.npi} has no practice location.`);
  const addressTaxIds: Record<string, string> = {};
  for (const location of provider.locations) addressTaxIds[location.addressId] = location.taxId;
  if (provider.billing !== undefined) addressTaxIds[provider.billing.addressId] = provider.billing.taxId;
  if (provider.remittance !== undefined)
    addressTaxIds[provider.remittance.addressId] = provider.remittance.taxId;
  return {
    providerId: provider.providerId,
    profile,
    summary,
    rows,
    locations: provider.locations,
    addressTaxIds,
    networks: provider.networks,
    primaryCare: provider.primaryCare,
  };
}

function generatedNpi(seed: number, taxId: string, slot: number, taken: Set<string>): string {
  for (let salt = 0; ; salt++) {
    const stem = `1${String(hashOf(seed, 'npi', taxId, slot, salt) % 100_000_000).padStart(8, '0')}`;
    const npi = stem + String(npiCheckDigit(stem));
    if (!taken.has(npi)) return npi;
  }
}

function generatedProvider(seed: number, taxId: string, slot: number, taken: Set<string>): DirectoryProvider {
  const npi = generatedNpi(seed, taxId, slot, taken);
  const rng = new Rng(hashOf(seed, 'provider', taxId, slot));
  const kind = rng.pick(GENERATED_SPECIALTIES);
  const group = DIRECTORY_PROVIDERS.find(
    (p) => p.type === 'group_practice' && p.locations[0]?.taxId === taxId,
  );
  const groupLocation = group?.locations[0];
  const { last, first, street, city, zip } = withFaker(
    hashOf(seed, 'provider-faker', taxId, slot),
    (faker) => ({
      last: faker.person.lastName(),
      first: faker.person.firstName(),
      street: faker.location.streetAddress(),
      city: faker.location.city(),
      zip: faker.location.zipCode('06###'),
    }),
  );
  const ownOffice = rng.chance(0.5) || groupLocation === undefined;
  const address: Schemas['Address'] = ownOffice
    ? { line1: street, city, state: 'CT', zip }
    : groupLocation.address;
  const phone = `(860) 555-${String(rng.between(100, 199)).padStart(4, '0')}`;
  const addressBase = `ADDR-${npi.slice(3, 8)}`;
  const inNetwork = rng.chance(0.85);
  const languages = ['English'];
  if (rng.chance(0.4)) languages.push(rng.pick(LANGUAGES));
  return {
    npi,
    providerId: providerIdOf(npi),
    name: kind.type === 'behavioral_health' ? `${last} Counseling Services` : `${last}, ${first}`,
    type: kind.type,
    specialty: rng.chance(0.9) ? kind.specialty : null,
    primaryCare: false,
    locations: [{ taxId, addressId: `${addressBase}1`, address, phone, inNetwork }],
    billing: { taxId, addressId: `${addressBase}2`, address, phone },
    networks: inNetwork ? ['PASSAGE', 'PRIME', 'CHOICE', 'VIP', 'ENHANCED CARE', 'ESSENTIAL'] : [],
    acceptingNewPatients: rng.chance(0.7),
    languages,
  };
}

/**
 * Builds the provider directory of a seed: the documented providers and the generated specialists
 * of Tax ID A and B, with lookups by NPI and Tax ID.
 *
 * @example
 * const directory = createProviderDirectory(42);
 * directory.byNpi('1407819535')?.profile.name; // 'Adamski, John'
 */
export function createProviderDirectory(seed: number): ProviderDirectory {
  const providers: DirectoryProvider[] = [...DIRECTORY_PROVIDERS];
  const taken = new Set(providers.map((p) => p.npi));
  for (const taxId of [TAX_ID_A, TAX_ID_B]) {
    const documented = providers.filter((p) => p.locations.some((l) => l.taxId === taxId)).length;
    const wanted = PROVIDERS_PER_TAX_ID[taxId] ?? documented;
    for (let slot = 0; documented + slot < wanted; slot++) {
      const provider = generatedProvider(seed, taxId, slot, taken);
      taken.add(provider.npi);
      providers.push(provider);
    }
  }
  const all = providers.map(toRecord);
  const byNpi = new Map(all.map((record) => [record.profile.npi, record]));
  const byTaxId = new Map<string, ProviderRecord[]>();
  for (const record of all) {
    for (const taxId of record.profile.taxIds) {
      const list = byTaxId.get(taxId) ?? [];
      list.push(record);
      byTaxId.set(taxId, list);
    }
  }
  return {
    all,
    byNpi: (npi) => byNpi.get(npi),
    ofTaxId: (taxId) => [...(byTaxId.get(taxId) ?? [])],
    pcpsOfTaxId: (taxId) =>
      (byTaxId.get(taxId) ?? []).filter((r) => r.primaryCare && r.locations.some((l) => l.taxId === taxId)),
  };
}
