import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeFetch, json, page } from '../../test/sdk/support/fake-fetch.ts';
import { preauthorizationRequest } from '../../test/sdk/support/targets.ts';
import { createPortalClient } from '../client.ts';
import { PortalValidationError } from '../errors.ts';
import { fixedClock, today } from '../rules/index.ts';
import { createPortalClock, MOCK_CLOCK_HEADER, observesPortal } from './portal-clock.ts';

function movable(start: string) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createPortalClock', () => {
  it('reads the fallback until an answer tells the portal time', () => {
    const clock = createPortalClock({ fallback: fixedClock('2026-11-23T15:00:00Z') });
    expect(clock.now().toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(clock.observed).toBeUndefined();
    clock.observe(new Headers());
    clock.observe(new Headers({ [MOCK_CLOCK_HEADER]: 'not a time', Date: 'nor this' }));
    expect(clock.now().toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it("stands exactly at the mock's X-Mock-Clock, however much local time passes (the mock's clock is frozen)", () => {
    const local = movable('2031-06-01T00:00:00Z');
    const clock = createPortalClock({ local, fallback: local });
    clock.observe(
      new Headers({ [MOCK_CLOCK_HEADER]: '2026-03-02T14:00:00Z', Date: 'Sun, 01 Jun 2031 00:00:00 GMT' }),
    );
    local.advance(3 * 3_600_000);
    expect(clock.now().toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(today(clock)).toBe('2026-03-02');
    clock.observe(new Headers({ [MOCK_CLOCK_HEADER]: '2026-03-02T14:16:00Z' }));
    expect(clock.observed?.toISOString()).toBe('2026-03-02T14:16:00.000Z');
  });

  it("follows another portal's Date header, running on with the local time since that answer", () => {
    const local = movable('2031-06-01T00:00:00Z');
    const clock = createPortalClock({ local });
    clock.observe(new Headers({ Date: 'Mon, 23 Nov 2026 14:00:00 GMT' }));
    local.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-23T14:01:30.000Z');
  });

  it('observesPortal tells a following clock from a plain one', () => {
    expect(observesPortal(createPortalClock())).toBe(true);
    expect(observesPortal(fixedClock('2026-11-23T15:00:00Z'))).toBe(false);
  });
});

describe("createPortalClient({ clock: 'portal' })", () => {
  const member = { memberId: 'K5500648801', firstName: 'A', lastName: 'B', status: 'active' };

  it("learns the mock's day from an answer and checks the 180-day rule against it, not the machine's", async () => {
    const fetch = fakeFetch(
      json(200, page([member], 1, 1), {
        [MOCK_CLOCK_HEADER]: '2026-03-02T14:00:00Z',
      }),
    );
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
      clock: 'portal',
    });
    await portal.members.search({ memberId: 'K5500648801' });
    expect(today(portal.clock)).toBe('2026-03-02');
    const error = await portal.preauthorizations
      .create(
        preauthorizationRequest({
          serviceStartDate: '2026-03-09',
          serviceEndDate: '2026-08-30',
          serviceLines: [
            {
              procedureCode: '29881',
              units: 2,
              serviceStartDate: '2026-03-09',
              serviceEndDate: '2026-08-30',
            },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalValidationError);
    expect((error as PortalValidationError).violations.map((v) => v.code)).toContain(
      'SERVICE_END_BEYOND_180_DAYS',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("refuses a clock option that is neither a clock nor 'portal'", () => {
    expect(() => createPortalClient({ baseUrl: BASE_URL, clock: 'mock' as unknown as 'portal' })).toThrow(
      /options\.clock.*'portal'/,
    );
  });
});
