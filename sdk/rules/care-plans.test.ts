import { describe, expect, it } from 'vitest';
import { pinRangeError, pinViolations } from '../../test/support/violations.ts';
import {
  CARE_PLAN_ATTESTATION_TEXT,
  carePlanAvailability,
  carePlanAvailableUntil,
  requireAttestation,
  withholdSensitiveParts,
} from './care-plans.ts';
import { fixedClock } from './clock.ts';

const on = (day: string) => ({ clock: fixedClock(`${day}T15:00:00Z`) });

describe('carePlanAvailability', () => {
  it('shows an active plan', () => {
    expect(carePlanAvailability({ status: 'active' }, on('2026-11-22'))).toEqual({ available: true });
  });

  it('shows a completed plan through completion + 30 days, not on day 31 (CARE_PLAN_EXPIRED)', () => {
    const plan = { status: 'completed', completedOn: '2026-09-30' } as const;
    expect(carePlanAvailableUntil('2026-09-30')).toBe('2026-10-30');
    expect(carePlanAvailability(plan, on('2026-09-30'))).toEqual({
      available: true,
      availableUntil: '2026-10-30',
    });
    expect(carePlanAvailability(plan, on('2026-10-30'))).toEqual({
      available: true,
      availableUntil: '2026-10-30',
    });
    const expired = carePlanAvailability(plan, { ...on('2026-10-31'), careTeamPhone: '800-390-3522' });
    expect(expired).toEqual({
      available: false,
      violation: {
        code: 'CARE_PLAN_EXPIRED',
        path: '$',
        message: expect.stringContaining('completed on 2026-09-30 and was available until 2026-10-30'),
      },
    });
    expect(expired.available ? '' : expired.violation.message).toContain('800-390-3522');
  });

  it('counts the 30 days on the New York calendar', () => {
    const plan = { status: 'completed', completedOn: '2026-09-30' } as const;
    // 23:30 on 2026-10-30 in New York (03:30Z on the 31st): still day 30.
    expect(carePlanAvailability(plan, { clock: fixedClock('2026-10-31T03:30:00Z') }).available).toBe(true);
    expect(carePlanAvailability(plan, { clock: fixedClock('2026-10-31T04:00:00Z') }).available).toBe(false);
  });

  it('does not show a wholly sensitive plan (CARE_PLAN_SENSITIVE), active or completed', () => {
    const result = carePlanAvailability(
      { status: 'active', whollySensitive: true },
      { careTeamPhone: '800-447-0768' },
    );
    expect(result).toEqual({
      available: false,
      violation: { code: 'CARE_PLAN_SENSITIVE', path: '$', message: expect.stringContaining('800-447-0768') },
    });
  });

  it('names the care team with its phone number when given, and without one otherwise', () => {
    const plan = { status: 'completed', completedOn: '2026-09-30' } as const;
    for (const careTeamPhone of [undefined, '800-447-0768']) {
      const phone = careTeamPhone === undefined ? {} : { careTeamPhone };
      const sensitive = carePlanAvailability({ status: 'active', whollySensitive: true }, phone);
      const expired = carePlanAvailability(plan, { ...on('2026-10-31'), ...phone });
      pinViolations([sensitive, expired].flatMap((r) => (r.available ? [] : [r.violation])));
    }
  });

  it('throws for a completed plan without a completion date', () => {
    pinRangeError(() => carePlanAvailability({ status: 'completed' }, on('2026-11-22')));
  });
});

describe('withholdSensitiveParts', () => {
  const plan = {
    memberId: 'K5500648801',
    problems: [
      {
        title: 'Asthma Control',
        sensitive: false,
        goals: [
          {
            description: 'Follow the asthma action plan',
            items: [{ name: 'Review', sensitive: true }, { name: 'Teach back' }],
          },
        ],
      },
      { title: 'Behavioral health', sensitive: true, goals: [] },
    ],
  };

  it('drops every part flagged sensitive, at any depth, and the flags of the rest', () => {
    const result = withholdSensitiveParts(plan);
    expect(result).toEqual({
      plan: {
        memberId: 'K5500648801',
        problems: [
          {
            title: 'Asthma Control',
            goals: [{ description: 'Follow the asthma action plan', items: [{ name: 'Teach back' }] }],
          },
        ],
      },
      withheld: 2,
      sensitivePartsWithheld: true,
    });
    // The input is left as it was.
    expect(plan.problems).toHaveLength(2);
    expect(plan.problems[0]?.sensitive).toBe(false);
  });

  it('says when nothing was withheld', () => {
    expect(withholdSensitiveParts({ problems: [{ title: 'x' }] })).toEqual({
      plan: { problems: [{ title: 'x' }] },
      withheld: 0,
      sensitivePartsWithheld: false,
    });
  });
});

describe('requireAttestation', () => {
  it('requires an attestation', () => {
    expect(requireAttestation(undefined)).toEqual([
      { code: 'CARE_PLAN_ATTESTATION_REQUIRED', path: '$', message: expect.stringContaining('attest') },
    ]);
    expect(requireAttestation({ attested: false })).toHaveLength(1);
    expect(requireAttestation({ attested: true })).toEqual([]);
    pinViolations(requireAttestation(undefined));
    pinViolations(requireAttestation(null as never));
    pinViolations(requireAttestation({ attested: false }));
  });

  it('is good for its member only, until it expires (exactly)', () => {
    const attestation = { attested: true, memberId: 'K5500648801', expiresAt: '2026-11-23T14:20:00Z' };
    const before = { clock: fixedClock('2026-11-23T14:19:59.999Z') };
    expect(requireAttestation(attestation, { ...before, memberId: 'K5500648801' })).toEqual([]);
    expect(requireAttestation(attestation, { ...before, memberId: 'K8812004502' })).toHaveLength(1);
    expect(requireAttestation(attestation, { clock: fixedClock('2026-11-23T14:20:00Z') })).toHaveLength(1);
    const otherMember = requireAttestation(attestation, { ...before, memberId: 'K8812004502' });
    pinViolations(otherMember);
    // Member IDs are PHI: never in a message.
    expect(otherMember[0]?.message).not.toMatch(/K5500648801|K8812004502/);
    pinViolations(requireAttestation(attestation, { clock: fixedClock('2026-11-23T14:20:00Z') }));
    pinViolations(requireAttestation({ ...attestation, expiresAt: 'never' }, before));
    // Without a member on either side, the attestation is not checked against one.
    expect(
      requireAttestation(
        { attested: true, expiresAt: '2026-11-23T14:20:00Z' },
        { ...before, memberId: 'K8812004502' },
      ),
    ).toEqual([]);
    expect(requireAttestation(attestation, before)).toEqual([]);
  });

  it('offers the attestation text of the portal', () => {
    expect(CARE_PLAN_ATTESTATION_TEXT).toContain('has or had a treatment relationship');
  });
});

describe('withholdSensitiveParts on values that are not plain objects', () => {
  it('keeps null, undefined, numbers and strings as they are, in objects and lists', () => {
    const plan = {
      memberId: null,
      note: undefined,
      problems: [null, undefined, 3, 'x', { title: 'y', sensitive: true }],
    };
    expect(withholdSensitiveParts(plan)).toStrictEqual({
      plan: { memberId: null, note: undefined, problems: [null, undefined, 3, 'x'] },
      withheld: 1,
      sensitivePartsWithheld: true,
    });
  });

  it('keeps a Date or a class instance as the same object, without looking inside', () => {
    class Part {
      sensitive = true;
    }
    const updatedAt = new Date('2026-11-23T14:05:00Z');
    const part = new Part();
    const { plan: shown, withheld } = withholdSensitiveParts({ updatedAt, parts: [part], problems: [] });
    expect(shown.updatedAt).toBe(updatedAt);
    expect(shown.parts[0]).toBe(part);
    expect(withheld).toBe(0);
  });

  it('treats an object without prototype as a plain object', () => {
    const problem = Object.assign(Object.create(null) as Record<string, unknown>, {
      title: 'x',
      sensitive: false,
    });
    const hidden = Object.assign(Object.create(null) as Record<string, unknown>, {
      title: 'y',
      sensitive: true,
    });
    expect(withholdSensitiveParts({ problems: [problem, hidden] })).toEqual({
      plan: { problems: [{ title: 'x' }] },
      withheld: 1,
      sensitivePartsWithheld: true,
    });
  });
});

describe('withholdSensitiveParts on odd keys', () => {
  it('keeps a field named __proto__ as a field', () => {
    const plan = JSON.parse('{"__proto__": {"polluted": true}, "problems": []}');
    const { plan: shown } = withholdSensitiveParts(plan);
    expect(Object.keys(shown)).toEqual(['__proto__', 'problems']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
