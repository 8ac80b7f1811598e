import type { Violation } from '../rules/index.ts';

/**
 * A call's result with what came with it: the raw `Response`, the portal's request id (quote it to
 * support) and the rules' warnings (e.g. `REFERRAL_NOT_REQUIRED`) of a call that was sent anyway.
 *
 * @example
 * const { data, response, requestId, warnings } = await portal.members.get('K5500648801').withResponse();
 */
export interface APIResult<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  warnings: Violation[];
}

/**
 * What every resource method returns: a promise of the result (`await` it) that also gives the raw
 * `Response` and the request id through `.withResponse()`. The request starts at once.
 *
 * @example
 * const member = await portal.members.get('K5500648801');
 * const { response, requestId } = await portal.members.get('K5500648801').withResponse();
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<APIResult<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<APIResult<T>>) {
    this.#result = result;
  }

  /**
   * A promise that rejects with `error` (e.g. a PortalValidationError: nothing was sent).
   *
   * @example
   * return APIPromise.reject(new PortalValidationError('createReferral', violations));
   */
  static reject<T>(error: unknown): APIPromise<T> {
    return new APIPromise<T>(Promise.reject(error));
  }

  /**
   * The result with the raw `Response`, the request id and the warnings.
   *
   * @example
   * const { data, requestId } = await portal.claims.get('2026C00123456').withResponse();
   */
  withResponse(): Promise<APIResult<T>> {
    return this.#result;
  }

  #value(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is awaitable on purpose.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#value().then(onfulfilled, onrejected);
  }

  /**
   * Like `Promise.prototype.catch`.
   *
   * @example
   * await portal.members.get('K5500648801').catch(() => undefined);
   */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#value().catch(onrejected);
  }

  /**
   * Like `Promise.prototype.finally`.
   *
   * @example
   * await portal.members.get('K5500648801').finally(() => spinner.stop());
   */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
