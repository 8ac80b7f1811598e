import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../sdk/errors.ts';

describe('codes in messages', () => {
  it('names every code of the contract as it is', async () => {
    const spec = (await import('../../mock-server/generated/openapi.json', { with: { type: 'json' } }))
      .default as {
      components: { schemas: { ProblemCode: { enum: string[] } } };
    };
    for (const code of spec.components.schemas.ProblemCode.enum) {
      expect(
        errorFromResponse(400, { type: 'about:blank', title: 't', status: 400, code }).message,
      ).toContain(code);
    }
  });
});
