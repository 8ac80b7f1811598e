import { describe, expect, it } from 'vitest';
import { parsePrefer, scenarioCatalog } from './scenarios.ts';

describe('parsePrefer', () => {
  it('reads outcome, status and latency', () => {
    expect(parsePrefer('outcome=pended, status=503, latency=200')).toEqual({
      outcome: 'pended',
      status: 503,
      latencyMs: 200,
    });
  });

  it('reads quoted values, semicolons and bare tokens', () => {
    expect(parsePrefer('respond-async; wait=5, decision="denied"')).toEqual({
      'respond-async': '',
      wait: '5',
      decision: 'denied',
    });
  });

  it('ignores statuses and latencies that are not numbers', () => {
    expect(parsePrefer('status=abc, latency=-1')).toEqual({});
    expect(parsePrefer(null)).toEqual({});
  });
});

describe('scenarioCatalog', () => {
  it('describes every entry', () => {
    for (const entry of scenarioCatalog()) {
      expect(entry.value).not.toBe('');
      expect(entry.effect).not.toBe('');
    }
  });
});
