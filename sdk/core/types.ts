/**
 * Type helpers that read an operation's inputs and outputs from the generated spec types, so that no
 * request or response shape is ever written twice.
 */
import type { components, operations } from '../generated/portal.ts';
import type { OperationId } from './operations.ts';

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/**
 * The JSON request body of an operation.
 *
 * @example
 * const body: RequestBody<'createReferral'> = { memberId: 'K5500648801', ... };
 */
export type RequestBody<K extends OperationId> = operations[K] extends { requestBody: infer R }
  ? JsonContent<R>
  : never;

/**
 * The multipart request body of an operation (as the spec describes it: files as strings).
 *
 * @example
 * type Form = MultipartBody<'uploadMessageAttachments'>; // { files: string[]; description?: string }
 */
export type MultipartBody<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'multipart/form-data': infer B } };
}
  ? B
  : never;

/**
 * The query parameters of an operation.
 *
 * @example
 * const query: QueryParams<'searchClaims'> = { from: '2026-09-01', to: '2026-11-23' };
 */
export type QueryParams<K extends OperationId> = operations[K]['parameters'] extends { query?: infer Q }
  ? NonNullable<Q>
  : never;

/**
 * The path parameters of an operation.
 *
 * @example
 * const path: PathParams<'getMember'> = { memberId: 'K5500648801' };
 */
export type PathParams<K extends OperationId> = operations[K]['parameters'] extends { path: infer P }
  ? P
  : never;

type SuccessStatus = 200 | 201 | 202;

/**
 * The JSON body of an operation's success answers (the union when it has several, e.g. a referral
 * created (201) or not required (200)).
 *
 * @example
 * type Receipt = ResponseBody<'createPreauthorization'>;
 */
export type ResponseBody<K extends OperationId> = {
  [S in keyof operations[K]['responses']]: S extends SuccessStatus
    ? JsonContent<operations[K]['responses'][S]>
    : never;
}[keyof operations[K]['responses']];

/**
 * A schema of the contract by name.
 *
 * @example
 * type Member = Schema<'MemberDetails'>;
 */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
