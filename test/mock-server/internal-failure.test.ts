/**
 * An internal failure of the mock (here the one a content security policy caused when validators were
 * compiled at run time: an EvalError) says it is the mock's and what to do, in the problem and in the
 * SDK's error, never "the plan's support".
 */
import { describe, expect, it, vi } from 'vitest';
import { createPortalCore } from '../../mock-server/core/portal.ts';
import { errorFromResponse, ServerError } from '../../sdk/index.ts';
import { TEST_CLOCK } from './helpers.ts';

vi.mock('../../mock-server/generated/validators.ts', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  signIn_body: () => {
    throw new EvalError('Refused to evaluate a string as JavaScript');
  },
}));

describe('an internal failure of the mock', () => {
  it("answers 500 INTERNAL_ERROR naming the mock as the cause, and the SDK's error says so", async () => {
    const core = createPortalCore({ seed: 42, clock: TEST_CLOCK });
    const response = await core.handle(
      new Request('http://mock/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin.a', password: 'Portal-Test-2026!', deviceId: 'qa' }),
      }),
    );
    expect(response.status).toBe(500);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('INTERNAL_ERROR');
    expect(problem.detail).toContain('The mock portal failed (EvalError): a fault of the mock');
    expect(problem.detail).toContain('report it to provider-portal-sdk with the request id');
    expect(problem.detail).not.toContain('Portal-Test-2026!');

    const error = errorFromResponse(500, problem, response.headers);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toContain('The mock portal (provider-portal-sdk) answered this, not the plan');
    expect(error.message).not.toContain("plan's support");
    expect(error.message).toContain(`Request id: ${response.headers.get('x-request-id')}.`);
  });

  it("keeps the plan's support hint for a real portal's 500", () => {
    const error = errorFromResponse(500, { title: 'The portal failed', status: 500, code: 'INTERNAL_ERROR' });
    expect(error.message).toContain("quote the request id to the plan's support");
  });
});
