/**
 * How the PAS Bundles this project writes name their entries (`urn:uuid:` full URLs, derived from the
 * transaction so that the same request builds the same Bundle), and how a reader finds the entry a
 * reference points at, whichever of the usual forms the sender used (`urn:uuid:…`, an absolute URL,
 * or `Type/id`).
 */
import type { Bundle, BundleEntry, Reference, Resource } from '@medplum/fhirtypes';

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * A deterministic UUID (version 8: custom) for one entry of one Bundle: the same parts give the same
 * `urn:uuid:` every time, different parts different ones.
 *
 * @example
 * entryUrl('TX-1', 'Patient'); // 'urn:uuid:…' (the same for every call)
 */
export function entryUrl(...parts: readonly string[]): string {
  const text = parts.join('\u001f');
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]
    .map((seed) => fnv(text, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An entry found by a reference, with its index in `Bundle.entry` (for FHIRPath expressions). */
export interface FoundEntry<T extends Resource = Resource> {
  resource: T;
  index: number;
}

/**
 * The entry a reference points at, or undefined: matched on `fullUrl`, on `Type/id` of the
 * resource, or on a full URL ending in `/Type/id`.
 *
 * @example
 * resolveReference(bundle, claim.patient)?.resource.resourceType; // 'Patient'
 */
export function resolveReference<T extends Resource = Resource>(
  bundle: Bundle,
  reference: Reference | undefined,
  resourceType?: T['resourceType'] | readonly T['resourceType'][],
): FoundEntry<T> | undefined {
  const target = reference?.reference;
  if (typeof target !== 'string' || target === '') return undefined;
  const entries: BundleEntry[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const types = resourceType === undefined ? undefined : ([] as string[]).concat(resourceType);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const resource = entry?.resource;
    if (resource === undefined || resource === null || typeof resource !== 'object') continue;
    if (types !== undefined && !types.includes(resource.resourceType)) continue;
    // Only strings make a Type/id (another client's Bundle may hold anything there).
    const local =
      typeof resource.id === 'string' && typeof resource.resourceType === 'string'
        ? `${resource.resourceType}/${resource.id}`
        : undefined;
    if (
      entry?.fullUrl === target ||
      (local !== undefined && (target === local || target.endsWith(`/${local}`)))
    ) {
      return { resource: resource as T, index };
    }
  }
  return undefined;
}
