/**
 * A computation made once per request: an operation's `rules` (which answer 422 before the schema and
 * idempotency checks) and its handler both need the validated body; validating a preauthorization
 * twice was a sixth of a create's time under load.
 */
import type { HandlerContext } from './types.ts';

/**
 * Wraps `compute` so that a second call with the same request's context answers the first result.
 *
 * @example
 * const createRules = oncePerRequest((ctx) => validatePreauthorizationCreate(ctx.body, options(ctx)));
 */
export function oncePerRequest<T>(compute: (ctx: HandlerContext) => T): (ctx: HandlerContext) => T {
  const results = new WeakMap<HandlerContext, T>();
  return (ctx) => {
    if (results.has(ctx)) return results.get(ctx) as T;
    const result = compute(ctx);
    results.set(ctx, result);
    return result;
  };
}
