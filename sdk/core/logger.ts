import { redact, redactText } from './redact.ts';

/**
 * The log levels of the SDK.
 *
 * @example
 * const level: LogLevel = 'warn';
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * A logger hook: any object with some of `debug`, `info`, `warn`, `error` (`console` is one). Every
 * message and detail the SDK passes is redacted first (credentials, tokens, member IDs, names, dates
 * of birth).
 *
 * @example
 * const logger: Logger = { warn: (message, details) => console.warn(message, details) };
 */
export interface Logger {
  debug?: (message: string, details?: Record<string, unknown>) => void;
  info?: (message: string, details?: Record<string, unknown>) => void;
  warn?: (message: string, details?: Record<string, unknown>) => void;
  error?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * The SDK's own logging function: redacts, then calls the hook's method for the level if there is
 * one. A throwing logger never breaks a call.
 *
 * @example
 * const log = createLog(console);
 * log('info', 'GET /members answered 200', { memberId: 'K5500648801' }); // memberId is [REDACTED]
 */
export type Log = ((level: LogLevel, message: string, details?: Record<string, unknown>) => void) & {
  /** Whether a message of this level goes anywhere (absent: assume it does). */
  enabled?: (level: LogLevel) => boolean;
};

/**
 * Whether `log` writes messages of `level`: a caller skips building (and redacting) a message no one
 * reads.
 *
 * @example
 * if (logEnabled(log, 'debug')) log('debug', `→ ${describe(request)}`);
 */
export function logEnabled(log: Log, level: LogLevel): boolean {
  return log.enabled?.(level) ?? true;
}

/**
 * Builds the {@link Log} function of a client from its logger hook.
 *
 * @example
 * const log = createLog({ debug: console.debug });
 * log('debug', 'sending', { headers: { authorization: 'Bearer pps_x' } });
 */
export function createLog(logger: Logger | undefined): Log {
  const log: Log = (level, message, details) => {
    const method = logger?.[level];
    if (typeof method !== 'function') return;
    try {
      const safeMessage = redactText(message);
      if (details === undefined) method.call(logger, safeMessage);
      else method.call(logger, safeMessage, redact(details) as Record<string, unknown>);
    } catch {
      // A logger must never make a call fail.
    }
  };
  log.enabled = (level) => typeof logger?.[level] === 'function';
  return log;
}
