import { describe, expect, it } from 'vitest';
import { createLog, logEnabled } from './logger.ts';
import { REDACTED } from './redact.ts';

describe('createLog', () => {
  it('calls the method of the level on the logger itself, with the message redacted', () => {
    const calls: unknown[][] = [];
    const logger = {
      prefix: 'sdk',
      debug(this: { prefix: string }, ...args: unknown[]) {
        calls.push(['debug', this.prefix, ...args]);
      },
      warn(this: { prefix: string }, ...args: unknown[]) {
        calls.push(['warn', this.prefix, ...args]);
      },
    };
    const log = createLog(logger);
    log('debug', 'sent Bearer pps_secret_token_1');
    log('warn', 'slow', { memberId: 'K5500648801', attempt: 2 });
    log('info', 'not listened to');
    log('error', 'not listened to either');
    expect(calls).toEqual([
      ['debug', 'sdk', `sent ${REDACTED}`],
      ['warn', 'sdk', 'slow', { memberId: REDACTED, attempt: 2 }],
    ]);
  });

  it('without a logger, or with a level that is not a function, does nothing', () => {
    expect(() => createLog(undefined)('error', 'x')).not.toThrow();
    expect(() => createLog({ info: 'yes' as never })('info', 'x')).not.toThrow();
  });
});

describe('createLog(…).enabled and logEnabled', () => {
  it('say which levels reach the hook; a plain function is taken to write every level', () => {
    expect(createLog(undefined).enabled?.('debug')).toBe(false);
    const onlyWarn = createLog({ warn: () => undefined });
    expect(['debug', 'info', 'warn', 'error'].map((level) => onlyWarn.enabled?.(level as never))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(logEnabled(onlyWarn, 'warn')).toBe(true);
    expect(logEnabled(onlyWarn, 'error')).toBe(false);
    expect(logEnabled(() => undefined, 'debug')).toBe(true);
  });
});
