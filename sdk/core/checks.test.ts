import { describe, expect, it } from 'vitest';
import { requireObject } from './checks.ts';

describe('requireObject', () => {
  it('answers nothing for an object, and names what was given instead of one', () => {
    expect(requireObject({}, '$')).toEqual([]);
    expect(requireObject(null, '$')).toEqual([
      { code: 'VALIDATION_FAILED', path: '$', message: '$ must be an object, not null.' },
    ]);
    expect(requireObject('text', '$.body')[0]?.message).toMatch(/^\$\.body must be an object, not /);
  });
});
