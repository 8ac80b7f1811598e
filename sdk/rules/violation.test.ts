import { describe, expect, it } from 'vitest';
import { joinPath, violation } from './violation.ts';

describe('violation', () => {
  it('builds a { code, path, message } object', () => {
    expect(violation('INVALID_PIN', '$.pin', 'PIN must be 4 digits.')).toEqual({
      code: 'INVALID_PIN',
      path: '$.pin',
      message: 'PIN must be 4 digits.',
    });
  });
});

describe('joinPath', () => {
  it('appends names as .name and indexes as [i]', () => {
    expect(joinPath('$')).toBe('$');
    expect(joinPath('$', 'serviceLines', 0, 'serviceEndDate')).toBe('$.serviceLines[0].serviceEndDate');
    expect(joinPath('$.files', 2)).toBe('$.files[2]');
    expect(joinPath('$', 'a', 'b', 10, 3)).toBe('$.a.b[10][3]');
  });

  it('quotes names that are not identifiers', () => {
    expect(joinPath('$', 'content-type')).toBe("$['content-type']");
    expect(joinPath('$', "it's")).toBe("$['it\\'s']");
    expect(joinPath('$', '')).toBe("$['']");
  });

  it('doubles a backslash inside quotes, so an escaped quote stays one', () => {
    // The name a\b (one backslash) is written a\\b; a\'b gets its backslash doubled, then its quote escaped.
    expect(joinPath('$', 'a\\b')).toBe("$['a\\\\b']");
    expect(joinPath('$', "a\\'b")).toBe("$['a\\\\\\'b']");
  });
});
