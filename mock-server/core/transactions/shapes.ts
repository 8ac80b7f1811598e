/**
 * Conversions from the rules module's parsed inputs (zod outputs, whose optional fields may hold
 * `undefined`) to the contract's shapes, which leave absent fields out.
 */
import type { CodedDiagnosis, ProviderReference } from './schemas.ts';

interface ParsedProvider {
  npi: string;
  taxId: string;
  name: string;
  address: { line1: string; line2?: string | undefined; city: string; state: string; zip: string };
}

/**
 * A provider reference without `undefined` members.
 *
 * @example
 * providerReference(parsed.requestingProvider);
 */
export function providerReference(provider: ParsedProvider): ProviderReference {
  const { line1, line2, city, state, zip } = provider.address;
  return {
    npi: provider.npi,
    taxId: provider.taxId,
    name: provider.name,
    address: { line1, ...(line2 === undefined ? {} : { line2 }), city, state, zip },
  };
}

/**
 * Diagnoses with `primary` spelled out (the contract's default is false).
 *
 * @example
 * codedDiagnoses([{ code: 'M54.50', primary: true }, { code: 'M62.81' }]);
 * // [{ code: 'M54.50', primary: true }, { code: 'M62.81', primary: false }]
 */
export function codedDiagnoses(
  diagnoses: readonly { code: string; primary?: boolean | undefined }[],
): CodedDiagnosis[] {
  return diagnoses.map(({ code, primary }) => ({ code, primary: primary ?? false }));
}

/**
 * A copy of a plain object without its `undefined` members (one level deep, and in arrays of objects).
 *
 * @example
 * defined({ lineNumber: 1, units: undefined }); // { lineNumber: 1 }
 */
export function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
