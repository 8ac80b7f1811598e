import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problem.ts';
import { assertAnswers, followUpQuestionnaire, preauthorizationQuestionnaire } from './questionnaires.ts';

const therapy = preauthorizationQuestionnaire('physical_therapy');

function problem(run: () => void): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('Expected a ProblemError.');
}

describe('assertAnswers', () => {
  it('accepts every required question answered the right way', () => {
    expect(() =>
      assertAnswers(
        therapy,
        {
          questionnaireId: 'QNR-PT-0042',
          answers: [
            { questionId: 'Q1', selected: false },
            { questionId: 'Q3', details: 'Goals.' },
          ],
        },
        'request',
      ),
    ).not.toThrow();
  });

  it('answers 409 for a questionnaire that is not the open one', () => {
    expect(
      problem(() => assertAnswers(undefined, { questionnaireId: 'QNR-PT-0042', answers: [] }, 'request'))
        .status,
    ).toBe(409);
    expect(
      problem(() => assertAnswers(therapy, { questionnaireId: 'QNR-X', answers: [] }, 'request')).status,
    ).toBe(409);
  });

  it('reports every problem of the answers at once with 400', () => {
    const error = problem(() =>
      assertAnswers(
        therapy,
        {
          questionnaireId: 'QNR-PT-0042',
          answers: [
            { questionId: 'Q1', details: 'yes' },
            { questionId: 'Q9', selected: true },
            { questionId: 'Q1', selected: true },
          ],
        },
        'request',
      ),
    );
    expect(error.status).toBe(400);
    expect(error.extras.violations?.map((v) => v.path)).toEqual([
      '$.answers[0].selected',
      '$.answers[1].questionId',
      '$.answers[2].questionId',
      '$.answers',
    ]);
  });
});

describe('followUpQuestionnaire', () => {
  it('numbers follow-up rounds', () => {
    const first = followUpQuestionnaire(therapy);
    expect(first.questionnaireId).toBe('QNR-PT-0042-FU1');
    expect(followUpQuestionnaire(first).questionnaireId).toBe('QNR-PT-0042-FU2');
  });
});
