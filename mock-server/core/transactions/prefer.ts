/**
 * Reading the QA scenario controls of the `Prefer` header that the transaction domains honour (the
 * catalog is scenarios.ts). An unknown value is refused with 400, so a typo never silently falls
 * back to the default behaviour.
 */
import { ProblemError } from '../problem.ts';
import type { PreferOptions } from '../types.ts';

/**
 * The value of a `Prefer` token (the first of `keys` that is present), as text.
 *
 * @example
 * preferToken(ctx.prefer, 'decision'); // 'denied' for `Prefer: outcome=pended, decision=denied`
 */
export function preferToken(prefer: PreferOptions, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = prefer[key];
    if (value !== undefined && value !== '') return String(value);
  }
  return undefined;
}

/**
 * The value of a `Prefer` token when it is one of `allowed`; 400 VALIDATION_FAILED for any other
 * value; `undefined` when absent.
 *
 * @example
 * preferChoice(ctx.prefer, 'outcome', ['approved', 'pended'] as const); // 'approved' | 'pended' | undefined
 */
export function preferChoice<T extends string>(
  prefer: PreferOptions,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = preferToken(prefer, key);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const message =
    `Prefer: ${key}=${value} is not a scenario of this operation: use one of ${allowed.map((v) => `${key}=${v}`).join(', ')} ` +
    '(see GET /__admin/scenarios).';
  throw new ProblemError('VALIDATION_FAILED', message, {
    violations: [{ code: 'VALIDATION_FAILED', path: '$', message }],
  });
}

/**
 * Whether a bare `Prefer` token (e.g. `details-pending`) or `key=value` pair is present.
 *
 * @example
 * preferFlag(ctx.prefer, 'details-pending') || preferToken(ctx.prefer, 'details') === 'pending';
 */
export function preferFlag(prefer: PreferOptions, token: string): boolean {
  return Object.hasOwn(prefer, token) && prefer[token] !== undefined;
}
