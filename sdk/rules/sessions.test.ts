import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearLimits } from '../../test/support/boundaries.ts';
import { pinRangeError, pinViolations } from '../../test/support/violations.ts';
import {
  addCalendarMonths,
  checkSession,
  mfaRequired,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_WARNING_BEFORE_MS,
  sessionExpiresAt,
  sessionState,
} from './sessions.ts';

const last = '2026-11-23T14:00:00Z';

describe('sessionState', () => {
  it('is exact at the boundaries: 14:29.999 active, 14:30 warning, 15:00 expired', () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(900_000);
    expect(SESSION_WARNING_BEFORE_MS).toBe(30_000);
    expect(sessionState(last, '2026-11-23T14:00:00Z')).toBe('active');
    expect(sessionState(last, '2026-11-23T14:14:29.999Z')).toBe('active');
    expect(sessionState(last, '2026-11-23T14:14:30Z')).toBe('warning');
    expect(sessionState(last, '2026-11-23T14:14:59.999Z')).toBe('warning');
    expect(sessionState(last, '2026-11-23T14:15:00Z')).toBe('expired');
  });

  it('accepts Dates, ISO strings and epoch milliseconds', () => {
    const start = Date.parse(last);
    expect(sessionState(new Date(start), start + 870_000)).toBe('warning');
    expect(sessionExpiresAt(start).toISOString()).toBe('2026-11-23T14:15:00.000Z');
    pinRangeError(() => sessionState('later', start));
  });

  it('property: the state is a function of the idle time alone', () => {
    // The warning at 14:30 of idleness and the end at 15:00, each to the millisecond.
    const idleMs = nearLimits([870_000, 900_000], fc.integer({ min: 0, max: 2_000_000 }));
    fc.assert(
      fc.property(idleMs.arbitrary, (idle) => {
        const state = sessionState(0, idle);
        const expected = idle >= 900_000 ? 'expired' : idle >= 870_000 ? 'warning' : 'active';
        return state === expected;
      }),
      { examples: idleMs.examples },
    );
  });

  it('checkSession answers SESSION_EXPIRED from the 15-minute mark', () => {
    expect(checkSession(last, '2026-11-23T14:14:59.999Z')).toEqual([]);
    expect(checkSession(last, '2026-11-23T14:15:00Z')).toEqual([
      { code: 'SESSION_EXPIRED', path: '$', message: expect.stringContaining('15 minutes') },
    ]);
  });
});

describe('mfaRequired', () => {
  it('always asks on a new device', () => {
    const result = mfaRequired(
      { deviceKnown: false, lastVerifiedAt: '2026-11-23T10:00:00Z' },
      '2026-11-23T10:00:01Z',
    );
    expect(result).toMatchObject({
      required: true,
      reason: 'new_device',
      violation: { code: 'MFA_REQUIRED' },
    });
  });

  it('asks a known device every three calendar months, from the exact instant', () => {
    const state = { deviceKnown: true, lastVerifiedAt: '2026-11-01T10:00:00Z' };
    expect(mfaRequired(state, '2027-02-01T09:59:59.999Z')).toEqual({
      required: false,
      nextVerificationAt: new Date('2027-02-01T10:00:00Z'),
    });
    expect(mfaRequired(state, '2027-02-01T10:00:00Z')).toMatchObject({
      required: true,
      reason: 'verification_due',
    });
  });

  it('clamps to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-11-30T10:00:00Z', 3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addCalendarMonths('2027-11-30T10:00:00Z', 3).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addCalendarMonths('2026-01-31T00:00:00Z', -2).toISOString()).toBe('2025-11-30T00:00:00.000Z');
    const state = { deviceKnown: true, lastVerifiedAt: '2026-11-30T10:00:00Z' };
    expect(mfaRequired(state, '2027-02-28T09:59:59Z').required).toBe(false);
    expect(mfaRequired(state, '2027-02-28T10:00:00Z').required).toBe(true);
  });

  it('asks when the account was never verified', () => {
    expect(mfaRequired({ deviceKnown: true }, '2026-11-23T10:00:00Z')).toMatchObject({
      required: true,
      reason: 'verification_due',
    });
  });
});

describe('the words of the session rules', () => {
  it('are pinned: the expired session, a new device, a verification never made or due', () => {
    pinViolations(checkSession('2026-11-23T14:00:00Z', '2026-11-23T14:15:00Z'));
    const due = (state: Parameters<typeof mfaRequired>[0], at: string) => {
      const result = mfaRequired(state, at);
      return result.required ? [result.violation] : [];
    };
    pinViolations(
      due({ deviceKnown: false, lastVerifiedAt: '2026-11-23T10:00:00Z' }, '2026-11-23T10:00:01Z'),
    );
    pinViolations(due({ deviceKnown: true }, '2026-11-23T10:00:00Z'));
    pinViolations(due({ deviceKnown: true, lastVerifiedAt: '2026-11-01T10:00:00Z' }, '2027-02-01T10:00:00Z'));
  });
});

describe('an invalid instant', () => {
  it('is named in the RangeError by the argument it came in', () => {
    const at = '2026-11-23T14:00:00Z';
    expect(() => sessionExpiresAt('soon')).toThrow(
      new RangeError('Invalid last activity "soon": expected an instant.'),
    );
    expect(() => sessionState(at, 'later')).toThrow(
      new RangeError('Invalid now "later": expected an instant.'),
    );
    expect(() => sessionState('before', at)).toThrow(
      new RangeError('Invalid last activity "before": expected an instant.'),
    );
    expect(() => addCalendarMonths('someday', 3)).toThrow(
      new RangeError('Invalid instant "someday": expected an instant.'),
    );
    expect(() => mfaRequired({ deviceKnown: true }, Number.NaN)).toThrow(
      new RangeError('Invalid now NaN: expected an instant.'),
    );
    expect(() => sessionState(at, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
