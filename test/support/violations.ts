/**
 * Pins the words of the rules' violations: what a user reads is part of the contract (a clear message
 * that says what to do), so a test that checks a violation's code and path also keeps its message in
 * the test file's snapshot (`__snapshots__/`), where a reviewer reads every message of a rule at once.
 * Never call it inside a property: random inputs make random messages.
 */
import { expect } from 'vitest';

interface ViolationLike {
  code: string;
  path?: string;
  message: string;
}

/**
 * Matches the violations' `code path: message` lines against the snapshot.
 *
 * @example
 * pinViolations(result.success ? [] : result.violations);
 */
export function pinViolations(violations: readonly ViolationLike[]): void {
  expect(violations.map((v) => `${v.code} ${v.path ?? ''}: ${v.message}`)).toMatchSnapshot();
}

/**
 * Runs `fn`, expects a RangeError, and matches its message against the snapshot (a thrown error's
 * words tell the caller what to fix, so they are pinned like the violations').
 *
 * @example
 * pinRangeError(() => addDays('2026-13-01', 1));
 */
export function pinRangeError(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RangeError);
  expect((thrown as RangeError).message).toMatchSnapshot();
}
