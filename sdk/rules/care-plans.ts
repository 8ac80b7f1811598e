import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { addDays, daysBetween, parseIsoDate } from './dates.ts';
import type { Violation } from './violation.ts';
import { describeValue } from './zod-issues.ts';

/**
 * "Once a Care Plan is completed, it will only be available on the portal for 30 more days." (seed
 * 001, step 7): the completion day + 30 is the last day a completed plan is shown.
 *
 * @example
 * addDays('2026-09-30', CARE_PLAN_DAYS_AFTER_COMPLETION); // '2026-10-30', the last day
 */
export const CARE_PLAN_DAYS_AFTER_COMPLETION = 30;

/**
 * The attestation a user gives before seeing a care plan (seed 001, step 6).
 *
 * @example
 * showDialog(CARE_PLAN_ATTESTATION_TEXT, ['Yes', 'No']);
 */
export const CARE_PLAN_ATTESTATION_TEXT =
  'By selecting "Yes", you attest that you are a health care provider (or the authorized employee or business ' +
  'associate of a health care provider) that has or had a treatment relationship, with the member whose Care ' +
  'Plan you are seeking to view, and that you are accessing the Care Plan solely for the purpose of such health ' +
  "care provider's treatment of and/or care coordination for the member.";

/**
 * What availability depends on: the plan's status, its completion day, and whether the whole plan is
 * sensitive.
 *
 * @example
 * const plan: CarePlanState = { status: 'completed', completedOn: '2026-09-30' };
 */
export interface CarePlanState {
  status: 'active' | 'completed';
  completedOn?: IsoDate;
  whollySensitive?: boolean;
}

/**
 * Whether a care plan may be shown; a completed plan says until when. When it may not, the
 * violation says why (`CARE_PLAN_SENSITIVE` → 404 with the care team's phone, `CARE_PLAN_EXPIRED` →
 * 410).
 *
 * @example
 * const availability: CarePlanAvailability = { available: true, availableUntil: '2026-10-30' };
 */
export type CarePlanAvailability =
  | { available: true; availableUntil?: IsoDate }
  | { available: false; violation: Violation };

/**
 * The last day a plan completed on `completedOn` is available: 30 days later, inclusive.
 * Throws a RangeError for an invalid date.
 *
 * @example
 * carePlanAvailableUntil('2026-09-30'); // '2026-10-30'
 */
export function carePlanAvailableUntil(completedOn: IsoDate): IsoDate {
  return addDays(completedOn, CARE_PLAN_DAYS_AFTER_COMPLETION);
}

function careTeam(phone: string | undefined): string {
  return phone === undefined ? 'the Care Team' : `the Care Team at ${phone}`;
}

/**
 * Whether a care plan can be shown today:
 * - a wholly sensitive plan is not shown (`CARE_PLAN_SENSITIVE`): "If the entire Care Plan is
 *   sensitive, the Care Plan will not be shown in the portal" (seed 001, step 7); call the care team;
 * - a completed plan is shown through completion + 30 days and not after (`CARE_PLAN_EXPIRED`):
 *   completed on 2026-09-30, it is available on 2026-10-30 (day 30) and gone on 2026-10-31 (day 31).
 * Throws a RangeError for a completed plan without a valid `completedOn`.
 *
 * @example
 * carePlanAvailability({ status: 'completed', completedOn: '2026-09-30' }, { clock: fixedClock('2026-10-30T15:00:00Z') });
 * // { available: true, availableUntil: '2026-10-30' }
 */
export function carePlanAvailability(
  plan: CarePlanState,
  ctx: RuleContext & { careTeamPhone?: string } = {},
): CarePlanAvailability {
  if (plan.whollySensitive === true) {
    return {
      available: false,
      violation: {
        code: 'CARE_PLAN_SENSITIVE',
        path: '$',
        message:
          'Due to sensitive information this care plan cannot be shown in the portal: call ' +
          `${careTeam(ctx.careTeamPhone)} to request a copy.`,
      },
    };
  }
  if (plan.status !== 'completed') return { available: true };
  const completedOn = parseIsoDate(plan.completedOn);
  if (completedOn === undefined) {
    throw new RangeError(
      `A completed care plan needs its completion date: completedOn is ${describeValue(plan.completedOn)}.`,
    );
  }
  const { today } = resolveContext(ctx);
  if (daysBetween(completedOn, today) <= CARE_PLAN_DAYS_AFTER_COMPLETION) {
    return { available: true, availableUntil: carePlanAvailableUntil(completedOn) };
  }
  return {
    available: false,
    violation: {
      code: 'CARE_PLAN_EXPIRED',
      path: '$',
      message:
        `The care plan was completed on ${completedOn} and was available until ${carePlanAvailableUntil(completedOn)}: ` +
        `a completed care plan is available on the portal for ${CARE_PLAN_DAYS_AFTER_COMPLETION} more days. ` +
        `Call ${careTeam(ctx.careTeamPhone)} to request a copy.`,
    },
  };
}

/**
 * A value with every `sensitive` flag removed, recursively (the shape {@link withholdSensitiveParts}
 * returns).
 *
 * @example
 * type Shown = WithoutSensitiveFlags<{ sensitive?: boolean; title: string }>; // { title: string }
 */
export type WithoutSensitiveFlags<T> = T extends readonly (infer U)[]
  ? WithoutSensitiveFlags<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T as K extends 'sensitive' ? never : K]: WithoutSensitiveFlags<T[K]> }
      : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function withhold(value: unknown, counter: { withheld: number }): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) {
      if (isPlainObject(item) && item.sensitive === true) {
        counter.withheld += 1;
        continue;
      }
      kept.push(withhold(item, counter));
    }
    return kept;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === 'sensitive') continue;
      // defineProperty, not assignment: a key named __proto__ stays an ordinary field.
      Object.defineProperty(copy, key, {
        value: withhold(value[key], counter),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

/**
 * Leaves out the sensitive parts of a care plan: any element of any list (problems, goals, items, …)
 * flagged `sensitive: true` is dropped, and the `sensitive` flags of the rest are removed. "If a Care
 * Plan contains some sensitive information, those parts of the Care Plan will not be shown in the
 * portal." (seed 001, step 7). The input is not modified.
 *
 * @example
 * withholdSensitiveParts({ problems: [{ title: 'Asthma Control' }, { title: 'x', sensitive: true }] });
 * // { plan: { problems: [{ title: 'Asthma Control' }] }, withheld: 1, sensitivePartsWithheld: true }
 */
export function withholdSensitiveParts<T>(plan: T): {
  plan: WithoutSensitiveFlags<T>;
  withheld: number;
  sensitivePartsWithheld: boolean;
} {
  const counter = { withheld: 0 };
  const shown = withhold(plan, counter) as WithoutSensitiveFlags<T>;
  return { plan: shown, withheld: counter.withheld, sensitivePartsWithheld: counter.withheld > 0 };
}

/**
 * A user's attestation of a treatment relationship, as far as the rule needs it.
 *
 * @example
 * const attestation: CarePlanAttestationState = { attested: true, memberId: 'K5500648801', expiresAt: '2026-11-23T14:20:00Z' };
 */
export interface CarePlanAttestationState {
  attested?: boolean;
  memberId?: string;
  expiresAt?: Date | string;
}

/**
 * `[]` when the user attested a treatment relationship for this member and the attestation has not
 * expired; otherwise one `CARE_PLAN_ATTESTATION_REQUIRED` violation ("You must attest that you are
 * authorized to view the member's Care Plan.", seed 001, step 6). `memberId`, when given, must be the
 * attestation's member; the expiry is checked against the context's clock.
 *
 * @example
 * requireAttestation(undefined); // [{ code: 'CARE_PLAN_ATTESTATION_REQUIRED', path: '$', … }]
 * requireAttestation({ attested: true, memberId: 'K5500648801' }, { memberId: 'K5500648801' }); // []
 */
export function requireAttestation(
  attestation: CarePlanAttestationState | null | undefined,
  ctx: RuleContext & { memberId?: string } = {},
): Violation[] {
  const fail = (why: string): Violation[] => [
    {
      code: 'CARE_PLAN_ATTESTATION_REQUIRED',
      path: '$',
      message:
        `${why} A care plan is shown only after you attest a treatment relationship with the member: attest ` +
        '(answer "Yes" to the attestation) and try again.',
    },
  ];
  if (attestation === undefined || attestation === null)
    return fail('There is no attestation for this care plan.');
  if (attestation.attested === false) return fail('The attestation was declined.');
  if (
    ctx.memberId !== undefined &&
    attestation.memberId !== undefined &&
    attestation.memberId !== ctx.memberId
  ) {
    // Member IDs are PHI: never in a message.
    return fail('The attestation is for another member than this care plan.');
  }
  if (attestation.expiresAt !== undefined) {
    const expiresAt = new Date(attestation.expiresAt).getTime();
    const { now } = resolveContext(ctx);
    if (Number.isNaN(expiresAt) || now.getTime() >= expiresAt) return fail('The attestation has expired.');
  }
  return [];
}
