/**
 * What the core answers before any adapter sees it: a status, headers (lower-case names) and a body
 * that is already text or bytes. The `node:http` adapter writes it to the socket as it is; MSW and
 * `core.handle` get a Fetch `Response` made from it ({@link toResponse}). Building `Response` objects,
 * their header lists and body streams on every request cost a third of the busy time of a read under
 * load (issue 13), so the core builds one only for the callers that want it.
 */
export interface Answer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/**
 * An answer with a JSON body (`content-type: application/json` unless `headers` says otherwise).
 *
 * @example
 * jsonAnswer(200, { ok: true });
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * Sets a header of an answer (the name in lower case).
 *
 * @example
 * setHeader(answer, 'Retry-After', '30');
 */
export function setHeader(answer: Answer, name: string, value: string): void {
  answer.headers[name.toLowerCase()] = value;
}

/**
 * The Fetch `Response` of an answer.
 *
 * @example
 * toResponse({ status: 204, headers: {}, body: null }).status; // 204
 */
export function toResponse(answer: Answer): Response {
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
}
