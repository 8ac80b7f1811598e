/**
 * Which `Prefer` preferences (RFC 7240) each operation understands, and the check that refuses the
 * others. The mock is a QA tool: a typo in a scenario (`status=999`, `latency=abc`, `outcome=nonsense`
 * on getMember) must not answer 200 as if nothing had been asked, so an unknown or malformed
 * preference answers 400 VALIDATION_FAILED naming it, on every operation. What was honoured is
 * answered in `Preference-Applied` (RFC 7240 §3).
 *
 * This departs on purpose from RFC 7240 §2, where a server "MUST ignore" preference tokens it does
 * not recognise: a real portal would, but this is a test tool, and a silently ignored typo is the bug
 * it exists to catch. The preferences RFC 7240 itself registers (`respond-async`, `return`, `wait`,
 * `handling`) may come from any HTTP client; for them the mock does what the RFC asks: it does not act
 * on them, lets them pass, and does not list them as applied.
 */
import { ProblemError } from './problem.ts';
import { MAX_PREFER_LATENCY_MS, type PreferenceToken, preferenceTokens } from './scenarios.ts';
import type { OperationId } from './types.ts';

/** The preferences of RFC 7240 §4: passed through, never applied. */
export const STANDARD_PREFERENCES: readonly string[] = ['respond-async', 'return', 'wait', 'handling'];

interface PreferenceRule {
  /** The operations that honour it; every operation when absent. */
  operations?: readonly OperationId[];
  /** What a valid value looks like, in words, when the value is wrong; `undefined` when it is fine. */
  invalid?: (value: string, operationId: OperationId) => string | undefined;
}

const PREAUTHORIZATION_DECISIONS: readonly OperationId[] = [
  'createPreauthorization',
  'answerPreauthorizationQuestionnaire',
];
const DETAILS: readonly OperationId[] = ['createPreauthorization', 'getPreauthorization'];
const DOCUMENT_OUTCOMES = ['ready', 'failed'];
const DOCUMENT_OPERATIONS: readonly OperationId[] = ['exportClaims', 'createPcpMemberPanelReport'];
const PROFILE_UPDATE_OUTCOMES = ['completed', 'rejected'];

/**
 * Every preference the mock understands (the catalog, GET /__admin/scenarios, says what each does;
 * test/mock-server/prefer-check.test.ts keeps the two in step). The values of `outcome`, `decision`,
 * `denial-reason` and `details` are checked by the operations that read them (transactions/prefer.ts).
 */
export const PREFERENCES: Readonly<Record<string, PreferenceRule>> = {
  status: {
    invalid: (value) =>
      /^\d{3}$/.test(value) && Number(value) >= 400 && Number(value) <= 599
        ? undefined
        : 'an error status from 400 to 599',
  },
  code: {
    invalid: (value) =>
      /^[A-Z][A-Z0-9_]{0,63}$/.test(value)
        ? undefined
        : 'a problem code in capitals, e.g. ADMIN_ROLE_REQUIRED',
  },
  latency: {
    invalid: (value) =>
      /^\d{1,9}(\.\d+)?$/.test(value)
        ? undefined
        : `a number of milliseconds (at most ${MAX_PREFER_LATENCY_MS} are waited)`,
  },
  outcome: {
    operations: [
      'createPreauthorization',
      'getPreauthorization',
      'answerPreauthorizationQuestionnaire',
      'requestPreauthorizationModification',
      'createAdmissionNotification',
      'answerConcurrentReviewQuestions',
      'requestAdmissionNotificationModification',
      ...DOCUMENT_OPERATIONS,
      'requestProviderProfileUpdate',
    ],
    invalid: (value, operationId) => {
      if (DOCUMENT_OPERATIONS.includes(operationId) && !DOCUMENT_OUTCOMES.includes(value))
        return DOCUMENT_OUTCOMES.map((v) => `outcome=${v}`).join(' or ');
      if (operationId === 'requestProviderProfileUpdate' && !PROFILE_UPDATE_OUTCOMES.includes(value))
        return PROFILE_UPDATE_OUTCOMES.map((v) => `outcome=${v}`).join(' or ');
      return undefined;
    },
  },
  decision: { operations: PREAUTHORIZATION_DECISIONS },
  'denial-reason': { operations: PREAUTHORIZATION_DECISIONS },
  denialreason: { operations: PREAUTHORIZATION_DECISIONS },
  details: { operations: DETAILS },
  'details-pending': { operations: DETAILS },
};

function printable(text: string): string {
  // The problem names what was sent; keep it short and on one line.
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/**
 * Checks the request's `Prefer` for `operationId`: 400 VALIDATION_FAILED naming every preference
 * the operation does not understand or whose value is malformed. Answers the tokens it understands
 * (the RFC 7240 ones left out), for `Preference-Applied`.
 *
 * @example
 * checkPreferences('status=999', 'getMember'); // throws: Prefer status=999 is not valid here: use an error status from 400 to 599
 */
export function checkPreferences(
  header: string | null | undefined,
  operationId: OperationId,
): PreferenceToken[] {
  const understood: PreferenceToken[] = [];
  const wrong: { path: string; message: string }[] = [];
  for (const token of preferenceTokens(header)) {
    if (STANDARD_PREFERENCES.includes(token.key)) continue;
    const shown = printable(token.value === '' ? token.key : `${token.key}=${token.value}`);
    const rule = PREFERENCES[token.key];
    if (rule === undefined || (rule.operations !== undefined && !rule.operations.includes(operationId))) {
      const here = Object.entries(PREFERENCES)
        .filter(([, r]) => r.operations === undefined || r.operations.includes(operationId))
        .map(([key]) => key);
      wrong.push({
        path: `$.headers.prefer.${printable(token.key)}`,
        message: `Prefer ${shown} is not a preference of ${operationId}: it understands ${here.join(', ')} (see GET /__admin/scenarios).`,
      });
      continue;
    }
    const problem = rule.invalid?.(token.value, operationId);
    if (problem !== undefined) {
      wrong.push({
        path: `$.headers.prefer.${token.key}`,
        message: `Prefer ${shown} is not valid: use ${problem}.`,
      });
      continue;
    }
    understood.push(token);
  }
  if (understood.some((t) => t.key === 'code') && !understood.some((t) => t.key === 'status')) {
    wrong.push({
      path: '$.headers.prefer.code',
      message:
        'Prefer code=… forces a problem code only with status=<400-599>, e.g. status=403, code=ADMIN_ROLE_REQUIRED.',
    });
  }
  if (wrong.length > 0) {
    throw new ProblemError('VALIDATION_FAILED', wrong.map((w) => w.message).join(' '), {
      violations: wrong.map((w) => ({ code: 'VALIDATION_FAILED', ...w })),
    });
  }
  return understood;
}

/**
 * The `Preference-Applied` value for what was honoured: `latency` always (it was waited), `status` and
 * `code` when the forced failure is the answer, the operation's own scenarios when it answered 2xx.
 *
 * @example
 * preferenceApplied([{ key: 'outcome', value: 'pended' }], 201); // 'outcome=pended'
 */
export function preferenceApplied(
  understood: readonly PreferenceToken[],
  status: number,
  forced: boolean,
): string {
  const applied = understood.filter((t) => {
    if (t.key === 'latency') return true;
    if (t.key === 'status' || t.key === 'code') return forced;
    return status >= 200 && status < 300;
  });
  return applied
    .map((t) => {
      if (t.value === '') return t.key;
      const value = t.key === 'latency' ? String(Math.min(Number(t.value), MAX_PREFER_LATENCY_MS)) : t.value;
      return /^[\w.!#$%&'*+^`|~-]+$/.test(value)
        ? `${t.key}=${value}`
        : `${t.key}="${value.replace(/["\\]/g, '')}"`;
    })
    .join(', ');
}
