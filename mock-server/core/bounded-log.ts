/**
 * The request log and the audit log of a sandbox keep their newest `limit` entries. Dropping the
 * oldest on every append moved the whole array each time (1,000 or 10,000 entries per request under
 * load), so the array is trimmed in batches: it holds at most twice the limit, and readers see the
 * newest `limit` ({@link newestEntries}).
 */

/**
 * Appends an entry, trimming the log back to `limit` entries once it holds twice that many.
 *
 * @example
 * appendBounded(state.requests, entry, REQUEST_LOG_LIMIT);
 */
export function appendBounded<T>(log: T[], entry: T, limit: number): void {
  log.push(entry);
  if (log.length >= 2 * limit) log.splice(0, log.length - limit);
}

/**
 * The newest `limit` entries of a log, oldest first.
 *
 * @example
 * newestEntries(state.audit, AUDIT_LOG_LIMIT);
 */
export function newestEntries<T>(log: readonly T[], limit: number): T[] {
  return log.length <= limit ? [...log] : log.slice(log.length - limit);
}
