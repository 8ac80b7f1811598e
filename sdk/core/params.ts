/**
 * The URL parameters of a resource call, checked before openapi-fetch serialises them. JavaScript
 * callers are not held to the types: an object given as a member ID would otherwise be sent as
 * `/members/%5Bobject%20Object%5D`, and a nested query makes openapi-fetch throw a plain `Error`.
 * Both become a `PortalValidationError` naming the parameter, and nothing is sent.
 */
import type { Client } from 'openapi-fetch';
import { PortalValidationError } from '../errors.ts';
import type { paths } from '../generated/portal.ts';
import type { ValidationViolation } from '../rules/index.ts';
import { asRecord, describeValue } from '../rules/zod-issues.ts';
import type { OperationMeta } from './operations.ts';
import { OPERATIONS } from './operations.ts';

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function pathViolations(path: unknown): ValidationViolation[] {
  const out: ValidationViolation[] = [];
  for (const [name, value] of Object.entries(asRecord(path) ?? {})) {
    const usable =
      (typeof value === 'string' && value.trim() !== '') ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!usable) {
      out.push({
        code: 'VALIDATION_FAILED',
        path: `$.${name}`,
        message: `${name} goes in the URL, so it must be a non-empty string, not ${describeValue(value)}.`,
      });
    }
  }
  return out;
}

/**
 * The most items a page holds (`pageSize`), as the contract's `PageSize` parameter says; a test ties the
 * two together.
 *
 * @example
 * for await (const claim of portal.claims.search({ ...window, pageSize: MAX_PAGE_SIZE })) {}
 */
export const MAX_PAGE_SIZE = 100;

// The paging parameters every list shares (docs/spec-conventions.md), checked as the portal would.
const PAGING: Record<string, { min: number; max: number; says: string }> = {
  page: { min: 1, max: Number.MAX_SAFE_INTEGER, says: 'a whole number from 1' },
  pageSize: { min: 1, max: MAX_PAGE_SIZE, says: `a whole number from 1 to ${MAX_PAGE_SIZE}` },
};

function pagingViolation(name: string, value: unknown): ValidationViolation | undefined {
  const limits = PAGING[name];
  if (limits === undefined) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= limits.min && n <= limits.max) return undefined;
  return {
    code: 'VALIDATION_FAILED',
    path: `$.${name}`,
    message: `${name} must be ${limits.says}, not ${describeValue(value)}.`,
  };
}

function queryViolations(query: unknown): ValidationViolation[] {
  if (query === undefined) return [];
  const record = asRecord(query);
  if (record === undefined) {
    return [
      {
        code: 'VALIDATION_FAILED',
        path: '$',
        message: `The query must be an object of parameters, not ${describeValue(query)}.`,
      },
    ];
  }
  const out: ValidationViolation[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const paging = pagingViolation(name, value);
    if (paging !== undefined) {
      out.push(paging);
      continue;
    }
    if (isScalar(value)) continue;
    if (Array.isArray(value) && value.every(isScalar)) continue;
    out.push({
      code: 'VALIDATION_FAILED',
      path: `$.${name}`,
      message:
        `The query parameter ${name} must be a string, a number, true or false (or a list of them), ` +
        `not ${describeValue(value)}.`,
    });
  }
  return out;
}

/**
 * Every violation of the URL parameters of a call: path parameters that are not non-empty strings
 * (or numbers), query parameters that are not scalars or lists of scalars, and paging out of range
 * (`page` from 1, `pageSize` from 1 to {@link MAX_PAGE_SIZE}).
 *
 * @example
 * paramViolations({ path: { memberId: {} } }); // [{ code: 'VALIDATION_FAILED', path: '$.memberId', … }]
 */
export function paramViolations(params: unknown): ValidationViolation[] {
  const record = asRecord(params);
  return [...pathViolations(record?.path), ...queryViolations(record?.query)];
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function operationOf(method: string, path: string): string {
  const found = (Object.entries(OPERATIONS) as [string, OperationMeta][]).find(
    ([, [m, p]]) => m === method && p === path,
  );
  return found?.[0] ?? `${method} ${path}`;
}

type Send = (path: string, init?: { params?: unknown }) => Promise<unknown>;

/**
 * The openapi-fetch client the resources call through: the same client, whose methods first refuse
 * URL parameters that cannot be sent ({@link paramViolations}) with a `PortalValidationError`.
 *
 * @example
 * const ctx = { raw: withCheckedParams(createClient<paths>({ baseUrl })), … };
 */
export function withCheckedParams(raw: Client<paths>): Client<paths> {
  const checked: Record<string, unknown> = { ...raw };
  for (const method of METHODS) {
    const send = raw[method] as unknown as Send;
    checked[method] = (path: string, init?: { params?: unknown }) => {
      const violations = paramViolations(init?.params);
      if (violations.length > 0) {
        return Promise.reject(new PortalValidationError(operationOf(method, path), violations));
      }
      return send(path, init);
    };
  }
  return checked as unknown as Client<paths>;
}
