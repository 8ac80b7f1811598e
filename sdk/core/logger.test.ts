import { describe, expect, it } from 'vitest';
import { createLog } from './logger.ts';
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
