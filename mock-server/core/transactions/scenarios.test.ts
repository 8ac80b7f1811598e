import { describe, expect, it } from 'vitest';
import { SPEC_OPERATIONS } from '../spec.ts';
import { scenarioEntries } from './scenarios.ts';

describe('the transaction scenarios', () => {
  it('name only operations of the spec, and cover every transaction operation with a Prefer value', () => {
    const known = new Set(SPEC_OPERATIONS.map((operation) => operation.operationId));
    for (const entry of scenarioEntries)
      for (const operationId of entry.operations ?? []) expect(known).toContain(operationId);
    const withPrefer = new Set(
      scenarioEntries.filter((entry) => entry.kind === 'prefer').flatMap((entry) => entry.operations ?? []),
    );
    for (const operationId of [
      'createPreauthorization',
      'answerPreauthorizationQuestionnaire',
      'requestPreauthorizationModification',
      'createAdmissionNotification',
      'answerConcurrentReviewQuestions',
      'requestAdmissionNotificationModification',
    ]) {
      expect(withPrefer).toContain(operationId);
    }
  });
});
