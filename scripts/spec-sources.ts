/**
 * The contract is authored in several files under openapi/src (one per domain) and merged into
 * openapi/portal.yaml, the one file that ships and that everything else reads.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bundledSpecPath = `${root}openapi/portal.yaml`;
export const generatedTypesPath = `${root}sdk/generated/portal.ts`;
/** How the SDK's transport sends each operation (method, path, public/create/list). */
export const generatedOperationsPath = `${root}sdk/generated/operations.ts`;
/** Who may call each operation (the `x-portal-*` extensions), for the SDK and the mock portal. */
export const generatedPermissionsPath = `${root}sdk/generated/permissions.ts`;
/** The same table for people. */
export const permissionsDocPath = `${root}docs/permissions.md`;
/** The merged spec as JSON, for the mock server's router and validators (no YAML parser at run time). */
export const generatedSpecJsonPath = `${root}mock-server/generated/openapi.json`;
/** The mock's index of operations (without body and response schemas). */
export const generatedMockOperationsPath = `${root}mock-server/generated/operations.json`;
/** The contract's problem codes (`ProblemCode`), for the mock without the whole spec. */
export const generatedProblemCodesPath = `${root}mock-server/generated/problem-codes.json`;
/** The mock's request validators, compiled at build time (ajv standalone code). */
export const generatedValidatorsPath = `${root}mock-server/generated/validators.ts`;

/** Domain files in the order their paths appear in the bundle. */
export const domainFiles = [
  'session.yaml',
  'registration.yaml',
  'users.yaml',
  'members.yaml',
  'care-plans.yaml',
  'preauthorizations.yaml',
  'referrals.yaml',
  'admission-notifications.yaml',
  'claims.yaml',
  'messages.yaml',
  'providers.yaml',
  'documents.yaml',
] as const;

type Json = Record<string, unknown>;

function readYaml(name: string): Json {
  return parse(readFileSync(`${root}openapi/src/${name}`, 'utf8')) as Json;
}

/** Merges common.yaml and every domain file; a name defined twice is an error, never an overwrite. */
export function mergeSpec(): Json {
  const spec = readYaml('common.yaml');
  const paths = (spec.paths ?? {}) as Json;
  const components = (spec.components ?? {}) as Record<string, Json>;
  for (const file of domainFiles) {
    const part = readYaml(file);
    for (const [path, item] of Object.entries((part.paths ?? {}) as Json)) {
      if (path in paths) throw new Error(`${file}: path ${path} is already defined`);
      paths[path] = item;
    }
    for (const [section, entries] of Object.entries((part.components ?? {}) as Record<string, Json>)) {
      components[section] ??= {};
      const target = components[section];
      for (const [name, value] of Object.entries(entries)) {
        if (name in target) throw new Error(`${file}: components.${section}.${name} is already defined`);
        target[name] = value;
      }
    }
  }
  spec.paths = paths;
  spec.components = components;
  return spec;
}
