/**
 * The mock clock as clients see it: every answer carries the sandbox's instant (X-Mock-Clock), and a
 * move to an instant the rules cannot handle is refused with 400 CLOCK_OUT_OF_RANGE, leaving the
 * sandbox working.
 */
import { describe, expect, it } from 'vitest';
import { MOCK_CLOCK_RANGE } from '../../mock-server/core/clock.ts';
import { createTestPortal, TEST_CLOCK } from './helpers.ts';

const HEADER = 'X-Mock-Clock';

describe('X-Mock-Clock', () => {
  it('stamps every answer with the sandbox instant: API, errors, admin, the spec', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const answers = [
      await portal.call('GET', '/api/v1/me', { token }),
      await portal.call('GET', '/api/v1/me'),
      await portal.call('GET', '/api/v1/no-such-thing', { token }),
      await portal.call('GET', '/openapi.json'),
      await portal.admin('GET', '/clock'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404, 200, 200]);
    for (const answer of answers) expect(answer.headers.get(HEADER)).toBe(TEST_CLOCK);
  });

  it('is the instant after the request: an admin move answers the moved clock, and so does what follows', async () => {
    const portal = createTestPortal();
    const moved = await portal.admin('POST', '/clock/advance', { minutes: 16 });
    expect(moved.headers.get(HEADER)).toBe('2026-11-23T14:16:00Z');
    expect((await portal.call('GET', '/openapi.json')).headers.get(HEADER)).toBe('2026-11-23T14:16:00Z');
  });

  it("is each sandbox's own clock", async () => {
    const portal = createTestPortal();
    const opened = await portal.admin('POST', '/sandboxes', { clock: '2026-03-02T14:00:00Z' });
    const { sandboxId } = (await opened.json()) as { sandboxId: string };
    const answer = await portal.call('GET', '/api/v1/me', { sandbox: sandboxId });
    expect(answer.headers.get(HEADER)).toBe('2026-03-02T14:00:00Z');
    expect((await portal.call('GET', '/api/v1/me')).headers.get(HEADER)).toBe(TEST_CLOCK);
  });

  it('is exposed to browsers (CORS)', async () => {
    const answer = await createTestPortal().call('GET', '/openapi.json');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/X-Mock-Clock/);
  });
});

describe('clock moves the rules cannot handle', () => {
  const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();

  it.each([
    ['the first instant', MOCK_CLOCK_RANGE.min, 200],
    ['1 ms before it', ms(MOCK_CLOCK_RANGE.min, -1), 400],
    ['the last instant', MOCK_CLOCK_RANGE.max, 200],
    ['1 ms after it', ms(MOCK_CLOCK_RANGE.max, 1), 400],
    ['year 0', '0000-06-01T00:00:00Z', 400],
    ['year 10000', '+010000-01-01T00:00:00Z', 400],
  ])('PUT /__admin/clock at %s answers %i', async (_, now, status) => {
    const portal = createTestPortal();
    const answer = await portal.admin('PUT', '/clock', { now });
    expect(answer.status).toBe(status);
    if (status === 400) {
      expect(await answer.json()).toMatchObject({ status: 400, code: 'CLOCK_OUT_OF_RANGE' });
      expect(answer.headers.get(HEADER)).toBe(TEST_CLOCK);
    }
  });

  it.each([[{ days: 1e10 }], [{ days: -1e10 }], [{ milliseconds: Number.MAX_VALUE }], [{ days: 3_000_000 }]])(
    'advancing by %j answers 400, leaves the clock, and the sandbox keeps working',
    async (by) => {
      const portal = createTestPortal();
      const token = await portal.tokenFor('clinical.a');
      const answer = await portal.admin('POST', '/clock/advance', by);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'CLOCK_OUT_OF_RANGE' });
      const clock = (await (await portal.admin('GET', '/clock')).json()) as { now: string };
      expect(clock.now).toBe(TEST_CLOCK);
      expect((await portal.call('GET', '/api/v1/members?memberId=K5500648801', { token })).status).toBe(200);
    },
  );

  it('moves back in time within the range (a QA test may replay an earlier day)', async () => {
    const portal = createTestPortal();
    const answer = await portal.admin('POST', '/clock/advance', { days: -300 });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ now: '2026-01-27T14:00:00Z', today: '2026-01-27' });
  });

  it('a sandbox cannot be opened at an instant out of range', async () => {
    const portal = createTestPortal();
    const answer = await portal.admin('POST', '/sandboxes', { clock: '0001-01-01T00:00:00Z' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'CLOCK_OUT_OF_RANGE' });
  });

  it('a core cannot be started out of range (the CLI prints the message)', () => {
    expect(() => createTestPortal({ clock: '9999-12-31T00:00:00Z' })).toThrow(/outside 1900-01-01/);
  });
});
