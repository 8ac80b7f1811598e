/**
 * Care plans as the care/case management team writes them: problems, each assigned to a care manager,
 * with goals whose interventions (by the care manager) and outcomes (by the member) have due dates.
 * Problems about behavioural health, substance use, HIV or reproductive health are sensitive: "Plans
 * with highly sensitive information will not be posted" (Provider Portal FAQ).
 */
import type { components } from '../../sdk/generated/portal.ts';
import { addDays } from '../../sdk/rules/dates.ts';
import { hashOf, Rng } from './hash.ts';
import type {
  CarePlanKind,
  CarePlanRecord,
  CarePlanSourceGoal,
  CarePlanSourceProblem,
} from './portal-data.ts';

type Schemas = components['schemas'];

interface ProblemTemplate {
  title: string;
  sensitive: boolean;
  goals: { description: string; items: { name: string; type: Schemas['CarePlanItemType'] }[] }[];
}

const I = 'intervention' as const;
const O = 'outcome' as const;

// The asthma problem is the one of the Care Plans QRG (seed 001, step 7).
const ASTHMA: ProblemTemplate = {
  title: 'Asthma Control',
  sensitive: false,
  goals: [
    {
      description: 'Member will follow asthma action plan',
      items: [
        { name: 'Care Manager will review asthma action plan with member/caregiver/family', type: I },
        { name: "Member/caregiver/family able to teach back member's asthma action plan", type: O },
        {
          name: 'Member/caregiver/family able to teach back when to call their healthcare provider',
          type: O,
        },
        {
          name: 'Care Manager will communicate with treating healthcare provider as necessary regarding member plan of care',
          type: I,
        },
        {
          name: 'Member/caregiver/family able to teach back when to go to the emergency room/urgent care',
          type: O,
        },
      ],
    },
    {
      description:
        'Member/caregiver/family will state understanding of the 6 goals of asthma control therapy',
      items: [
        { name: 'Care Manager will review asthma triggers with the member/caregiver/family', type: I },
        { name: 'Care Manager recommends that member use a dust mite cover', type: I },
        { name: 'Member/caregiver/family able to teach back how to control asthma triggers', type: O },
      ],
    },
  ],
};

const LIBRARY: readonly ProblemTemplate[] = [
  ASTHMA,
  {
    title: 'Diabetes Management',
    sensitive: false,
    goals: [
      {
        description: 'Member will keep HbA1c below 8%',
        items: [
          { name: 'Care Manager will review glucose log with member', type: I },
          { name: 'Member able to teach back signs of hypoglycemia', type: O },
          { name: 'Member completes a diabetic eye exam', type: O },
        ],
      },
    ],
  },
  {
    title: 'Hypertension',
    sensitive: false,
    goals: [
      {
        description: 'Member will keep blood pressure below 140/90',
        items: [
          { name: 'Care Manager will educate member on a low-sodium diet', type: I },
          { name: 'Member records home blood pressure readings weekly', type: O },
        ],
      },
    ],
  },
  {
    title: 'Heart Failure',
    sensitive: false,
    goals: [
      {
        description: 'Member will recognise early signs of fluid overload',
        items: [
          { name: 'Care Manager will review daily weight monitoring with member', type: I },
          { name: 'Member able to teach back when to call the cardiologist', type: O },
        ],
      },
    ],
  },
  {
    title: 'Fall Prevention',
    sensitive: false,
    goals: [
      {
        description: 'Member will stay free of falls at home',
        items: [
          { name: 'Care Manager will arrange a home safety evaluation', type: I },
          { name: 'Member uses a walker when outside the home', type: O },
        ],
      },
    ],
  },
  {
    title: 'Medication Adherence',
    sensitive: false,
    goals: [
      {
        description: 'Member will take medications as prescribed',
        items: [
          { name: 'Care Manager will reconcile the medication list with the PCP', type: I },
          { name: 'Member uses a weekly pill organiser', type: O },
        ],
      },
    ],
  },
];

const SENSITIVE_LIBRARY: readonly ProblemTemplate[] = [
  {
    title: 'Depression',
    sensitive: true,
    goals: [
      {
        description: 'Member will attend behavioral health appointments',
        items: [
          { name: 'Care Manager will coordinate a behavioral health referral', type: I },
          { name: 'Member completes a PHQ-9 screening each month', type: O },
        ],
      },
    ],
  },
  {
    title: 'Substance Use Recovery',
    sensitive: true,
    goals: [
      {
        description: 'Member will stay engaged in a recovery program',
        items: [
          { name: 'Care Manager will confirm enrollment in an outpatient program', type: I },
          { name: 'Member attends weekly recovery meetings', type: O },
        ],
      },
    ],
  },
  {
    title: 'HIV Care',
    sensitive: true,
    goals: [
      {
        description: 'Member will keep an undetectable viral load',
        items: [
          { name: 'Care Manager will coordinate infectious disease follow-up', type: I },
          { name: 'Member refills antiretroviral medication on time', type: O },
        ],
      },
    ],
  },
];

function serial(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}-${String(100_000 + (hashOf(...parts) % 900_000))}`;
}

function problemOf(
  template: ProblemTemplate,
  key: readonly (string | number)[],
  position: number,
  rng: Rng,
  lastUpdatedOn: string,
): CarePlanSourceProblem {
  const goals: CarePlanSourceGoal[] = template.goals.map((goal, g) => {
    const due = addDays(lastUpdatedOn, 27 + 31 * g);
    return {
      goalId: serial('CPG', ...key, position, g),
      description: goal.description,
      items: goal.items.map((item) => ({ name: item.name, type: item.type, dueDate: due })),
    };
  });
  const problem: CarePlanSourceProblem = {
    problemId: serial('CPP', ...key, position),
    title: template.title,
    assignedTo: `User ${rng.between(100_000, 999_999)}`,
    goals,
  };
  if (template.sensitive) problem.sensitive = true;
  return problem;
}

/** What a care plan is generated from. */
export interface CarePlanInput {
  seed: number;
  memberId: string;
  memberName: string;
  dateOfBirth: string;
  pcp?: Schemas['MemberPcp'];
  careTeamPhone: string;
  kind: CarePlanKind;
  anchorDate: string;
  /** For `completed`: how many days before the anchor date the plan was completed. */
  completedDaysAgo?: number;
  /** Use the Care Plans QRG's own plan (the member of the seed's screenshots). */
  asInQuickReferenceGuide?: boolean;
}

/**
 * Generates a member's care plan of a kind: `active`, `sensitive_parts` (some problems sensitive),
 * `wholly_sensitive` (every problem sensitive) or `completed` (`completedDaysAgo` before the anchor).
 *
 * @example
 * generateCarePlan({ seed: 42, memberId: 'K5500648808', memberName: 'Ann Lee', dateOfBirth: '1970-01-02',
 *   careTeamPhone: '800-447-0768', kind: 'sensitive_parts', anchorDate: '2026-11-23' }).plan.problems.length; // ≥ 2
 */
export function generateCarePlan(input: CarePlanInput): CarePlanRecord {
  const key = [input.seed, 'care-plan', input.memberId] as const;
  const rng = new Rng(hashOf(...key));
  const completedOn =
    input.kind === 'completed'
      ? addDays(input.anchorDate, -(input.completedDaysAgo ?? rng.between(1, 90)))
      : undefined;
  const lastUpdatedOn = completedOn ?? addDays(input.anchorDate, -rng.between(3, 60));
  let templates: ProblemTemplate[];
  if (input.asInQuickReferenceGuide === true) {
    templates = [{ title: 'compatibility test', sensitive: false, goals: [] }, ASTHMA];
  } else if (input.kind === 'wholly_sensitive') {
    templates = [rng.pick(SENSITIVE_LIBRARY)];
    if (rng.chance(0.5)) templates.push(...SENSITIVE_LIBRARY.filter((t) => t !== templates[0]).slice(0, 1));
  } else {
    const count = rng.between(1, 3);
    const start = rng.int(LIBRARY.length);
    templates = Array.from(
      { length: count },
      (_, k) => LIBRARY[(start + k) % LIBRARY.length] as ProblemTemplate,
    );
    if (input.kind === 'sensitive_parts') templates.splice(1, 0, rng.pick(SENSITIVE_LIBRARY));
  }
  const problems = templates.map((template, position) =>
    problemOf(template, key, position, rng, lastUpdatedOn),
  );
  const plan: CarePlanRecord['plan'] = {
    memberId: input.memberId,
    memberName: input.memberName,
    dateOfBirth: input.dateOfBirth,
    lastUpdatedOn,
    status: completedOn === undefined ? 'active' : 'completed',
    careTeamPhone: input.careTeamPhone,
    problems,
  };
  if (input.pcp !== undefined) plan.pcp = input.pcp;
  if (completedOn !== undefined) plan.completedOn = completedOn;
  return { kind: input.kind, whollySensitive: input.kind === 'wholly_sensitive', plan };
}
