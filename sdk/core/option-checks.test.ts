import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import { callOptionViolations, clientOptionViolations } from './option-checks.ts';

const paths = (violations: { path: string }[]) => violations.map((v) => v.path);

describe('callOptionViolations', () => {
  it('accepts every option at its edge, and leaves unknown or undefined options alone', () => {
    expect(
      callOptionViolations({
        timeoutMs: 0.5,
        maxRetries: 0,
        headers: {},
        signal: new AbortController().signal,
        idempotencyKey: 'k',
        rules: {},
        unknown: 42,
        timeoutMsTypo: 'x',
        signalAlso: undefined,
      }),
    ).toEqual([]);
    expect(callOptionViolations({ timeoutMs: undefined, headers: { Prefer: 'status=503' } })).toEqual([]);
  });

  it('refuses each option just past its edge, naming it', () => {
    const refused = callOptionViolations({
      timeoutMs: 0,
      maxRetries: -1,
      headers: { Prefer: 1 },
      signal: { aborted: 'no', addEventListener() {} },
      idempotencyKey: ' ',
      rules: 'coverage',
    });
    expect(paths(refused)).toEqual([
      'options.timeoutMs',
      'options.maxRetries',
      'options.headers',
      'options.signal',
      'options.idempotencyKey',
      'options.rules',
    ]);
    pinViolations(refused);
    expect(
      paths(
        callOptionViolations({
          timeoutMs: Number.POSITIVE_INFINITY,
          maxRetries: 1.5,
          headers: 'Prefer: x',
          signal: { aborted: false, addEventListener: 'no' },
          idempotencyKey: 7,
        }),
      ),
    ).toEqual([
      'options.timeoutMs',
      'options.maxRetries',
      'options.headers',
      'options.signal',
      'options.idempotencyKey',
    ]);
    expect(paths(callOptionViolations({ timeoutMs: '5', signal: null, maxRetries: '2' }))).toEqual([
      'options.timeoutMs',
      'options.maxRetries',
      'options.signal',
    ]);
  });
});

describe('clientOptionViolations', () => {
  it('accepts the client options, and refuses each wrong one, naming it', () => {
    const fn = () => undefined;
    expect(
      clientOptionViolations({
        sessionToken: 't',
        fetch: fn,
        clock: { now: () => new Date() },
        logger: {},
        onSessionWarning: fn,
        onSessionExpired: fn,
        onWarning: fn,
        requireMockPortal: false,
        maxRetries: 3,
      }),
    ).toEqual([]);
    const refused = clientOptionViolations({
      sessionToken: '',
      fetch: 'node-fetch',
      clock: { now: 'today' },
      logger: console.log,
      onSessionWarning: true,
      onSessionExpired: {},
      onWarning: 'warn',
      requireMockPortal: 'yes',
      timeoutMs: -1,
    });
    expect(paths(refused)).toEqual([
      'options.timeoutMs',
      'options.sessionToken',
      'options.fetch',
      'options.clock',
      'options.logger',
      'options.onSessionWarning',
      'options.onSessionExpired',
      'options.onWarning',
      'options.requireMockPortal',
    ]);
    pinViolations(refused);
    expect(paths(clientOptionViolations({ clock: null }))).toEqual(['options.clock']);
    expect(paths(clientOptionViolations({ sessionToken: 42 }))).toEqual(['options.sessionToken']);
  });
});
