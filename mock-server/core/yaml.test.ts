import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from './yaml.ts';

describe('toYaml', () => {
  it('round-trips JSON data through a YAML parser', () => {
    const data = {
      a: [[1, 2], [], { b: null }],
      'key: with colon': 'yes',
      n: '12',
      t: true,
      text: 'line one\n\nline three\n',
      nested: [{ name: 'x', schema: { $ref: '#/components/schemas/X' }, list: ['a', { deep: [1] }] }],
      empty: {},
      quote: '"quoted" and #hash',
    };
    expect(parse(toYaml(data))).toEqual(data);
  });
});
