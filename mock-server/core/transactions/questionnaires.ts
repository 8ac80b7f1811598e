/**
 * The additional clinical information a transaction asks for: "Check off boxes next to statements
 * that apply to your patient's needs. Click icons to open windows where you can provide additional
 * details." (seed 003). Preauthorization questionnaires depend on the service type, concurrent-review
 * questions on the admission type. These texts are mock data; which transactions ask them is decided
 * in preauthorization-decisions.ts and admission-review.ts.
 */
import { ProblemError } from '../problem.ts';
import type { RuleViolation } from '../types.ts';
import type { Questionnaire, QuestionnaireResponse } from './schemas.ts';

type Question = Questionnaire['questions'][number];

const checkbox = (questionId: string, statement: string, required: boolean): Question => ({
  questionId,
  statement,
  kind: 'checkbox',
  required,
});
const details = (questionId: string, statement: string): Question => ({
  questionId,
  statement,
  kind: 'details',
  required: true,
});

const THERAPY: Questionnaire = {
  questionnaireId: 'QNR-PT-0042',
  questions: [
    checkbox('Q1', 'The member has completed at least 6 weeks of a home exercise program.', true),
    checkbox('Q2', 'A standardized functional score (e.g. Oswestry) was recorded at evaluation.', false),
    details('Q3', 'Describe the functional goals and the expected duration of therapy.'),
  ],
};

/**
 * The preauthorization questionnaires, by the service types that trigger one by default.
 *
 * @example
 * PREAUTHORIZATION_QUESTIONNAIRES.physical_therapy?.questionnaireId; // 'QNR-PT-0042'
 */
export const PREAUTHORIZATION_QUESTIONNAIRES: Readonly<Partial<Record<string, Questionnaire>>> = {
  physical_therapy: THERAPY,
  occupational_therapy: { ...THERAPY, questionnaireId: 'QNR-OT-0043' },
  speech_therapy: { ...THERAPY, questionnaireId: 'QNR-ST-0044' },
  imaging: {
    questionnaireId: 'QNR-IMG-0017',
    questions: [
      checkbox('Q1', 'At least 6 weeks of conservative treatment have not relieved the symptoms.', true),
      checkbox(
        'Q2',
        'The member has red-flag symptoms (trauma, neurological deficit, suspected infection).',
        false,
      ),
      details('Q3', 'Describe how the result of the imaging will change the treatment plan.'),
    ],
  },
  home_health_care: {
    questionnaireId: 'QNR-HH-0031',
    questions: [
      checkbox('Q1', 'The member is homebound.', true),
      checkbox('Q2', 'A face-to-face encounter took place within 90 days before the start of care.', true),
      details('Q3', 'Describe the skilled services needed and the visit frequency.'),
    ],
  },
  durable_medical_equipment: {
    questionnaireId: 'QNR-DME-0008',
    questions: [
      checkbox('Q1', 'A prescription signed by the treating provider is on file.', true),
      details('Q2', 'Describe the medical need for the equipment and how long it is needed.'),
    ],
  },
  behavioral_health: {
    questionnaireId: 'QNR-BH-0023',
    questions: [
      checkbox(
        'Q1',
        'A standardized assessment (e.g. PHQ-9, GAD-7) was completed in the last 30 days.',
        true,
      ),
      details('Q2', 'Describe the treatment plan and the measurable goals of this episode of care.'),
    ],
  },
};

/** Asked when a QA scenario wants more information for a service type without its own questionnaire. */
const GENERIC: Questionnaire = {
  questionnaireId: 'QNR-GEN-0001',
  questions: [
    checkbox('Q1', 'Clinical notes supporting the request are attached or will be uploaded.', true),
    details('Q2', 'Summarize the clinical rationale for the requested services.'),
  ],
};

/**
 * The questionnaire of a preauthorization of this service type (a generic one when it has none).
 *
 * @example
 * preauthorizationQuestionnaire('imaging').questionnaireId; // 'QNR-IMG-0017'
 */
export function preauthorizationQuestionnaire(serviceType: string): Questionnaire {
  return PREAUTHORIZATION_QUESTIONNAIRES[serviceType] ?? GENERIC;
}

/**
 * The concurrent-review questions of an admission notification, by admission type.
 *
 * @example
 * CONCURRENT_REVIEW_QUESTIONNAIRES.emergent_inpatient.questionnaireId; // 'QNR-CR-0007'
 */
export const CONCURRENT_REVIEW_QUESTIONNAIRES: Readonly<Record<string, Questionnaire>> = {
  emergent_inpatient: {
    questionnaireId: 'QNR-CR-0007',
    questions: [
      checkbox(
        'Q1',
        'The member required continuous or frequent intravenous or inhaled therapy in the emergency department.',
        true,
      ),
      checkbox('Q2', "The member's vital signs or oxygen saturation were unstable on arrival.", true),
      details('Q3', 'Describe the treatment plan and the expected length of stay.'),
    ],
  },
  maternity: {
    questionnaireId: 'QNR-CR-0012',
    questions: [
      checkbox('Q1', 'The delivery was by cesarean section.', true),
      details('Q2', 'Describe any maternal complications and the expected length of stay.'),
    ],
  },
  newborn: {
    questionnaireId: 'QNR-CR-0015',
    questions: [
      checkbox('Q1', 'The newborn is admitted to the neonatal intensive care unit.', true),
      details('Q2', "Describe the newborn's condition and the expected length of stay."),
    ],
  },
};

/**
 * A follow-up questionnaire after answers that were not enough (the `outcome=more_information_needed`
 * scenario of an answer): its own id, so the answered one can no longer be answered.
 *
 * @example
 * followUpQuestionnaire(THERAPY).questionnaireId; // 'QNR-PT-0042-FU1'
 */
export function followUpQuestionnaire(previous: Questionnaire): Questionnaire {
  const match = /-FU(\d+)$/.exec(previous.questionnaireId);
  const round = match === null ? 1 : Number(match[1]) + 1;
  const base = match === null ? previous.questionnaireId : previous.questionnaireId.slice(0, match.index);
  return {
    questionnaireId: `${base}-FU${round}`,
    questions: [
      details('Q1', 'Give the results of the most recent evaluation and any change since the request.'),
    ],
  };
}

/**
 * Checks answers against the open questionnaire: 409 when there is no open questionnaire or the
 * answers are for another one (already answered, or replaced); 400 VALIDATION_FAILED with every
 * problem when a question is unknown, answered twice, answered the wrong way (`selected` for a
 * checkbox, `details` for details) or a required one is left out.
 *
 * @example
 * assertAnswers(record.questionnaire, ctx.body as QuestionnaireResponse, 'preauthorization PA-00000001');
 */
export function assertAnswers(
  open: Questionnaire | undefined,
  response: QuestionnaireResponse,
  subject: string,
): void {
  if (open === undefined || open.questionnaireId !== response.questionnaireId) {
    throw new ProblemError(
      'ALREADY_EXISTS',
      open === undefined
        ? `The ${subject} has no open questionnaire: its questions were answered already.`
        : `Questionnaire ${response.questionnaireId} is not the open questionnaire of the ${subject}: answer ` +
            `${open.questionnaireId} instead.`,
    );
  }
  const violations: RuleViolation[] = [];
  const seen = new Set<string>();
  response.answers.forEach((answer, index) => {
    const path = `$.answers[${index}]`;
    const question = open.questions.find((candidate) => candidate.questionId === answer.questionId);
    if (question === undefined) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: `${path}.questionId`,
        message: `${open.questionnaireId} has no question ${answer.questionId}: answer only its questions.`,
      });
      return;
    }
    if (seen.has(answer.questionId)) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: `${path}.questionId`,
        message: `Question ${answer.questionId} is answered more than once: give one answer per question.`,
      });
    }
    seen.add(answer.questionId);
    if (question.kind === 'checkbox' && answer.selected === undefined) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: `${path}.selected`,
        message: `Question ${answer.questionId} is a statement to tick: answer it with selected true or false.`,
      });
    }
    if (question.kind === 'details' && answer.details === undefined) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: `${path}.details`,
        message: `Question ${answer.questionId} asks for details: answer it with details.`,
      });
    }
  });
  for (const question of open.questions) {
    if (question.required && !seen.has(question.questionId)) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: '$.answers',
        message: `Question ${question.questionId} is required: "${question.statement}"`,
      });
    }
  }
  if (violations.length > 0) throw ProblemError.fromViolations(violations);
}
