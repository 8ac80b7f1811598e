/**
 * What the FHIR face is given for one request: the request, the sandbox, its own base URL, and
 * `operate`, which runs an operation of the portal's API (`/api/v1`) through the same pipeline as an
 * HTTP call would (session, permissions, per-Tax-ID access, business rules, Idempotency-Key, Prefer
 * scenarios, the sandbox's clock). The FHIR face owns no records and no rules: it translates.
 */
import type { Answer } from '../answer.ts';
import type { Sandbox } from '../sandbox.ts';
import type { PortalRequest } from '../types.ts';

/** One call of a portal operation on behalf of a FHIR request. */
export interface PortalCall {
  method: 'GET' | 'POST';
  /** The path under `/api/v1` with its query (`/preauthorizations?memberId=…`). */
  path: string;
  /** A JSON body. */
  body?: unknown;
  /**
   * The call the FHIR request stands for (`$submit`'s create): it carries the client's `Prefer` and
   * `Idempotency-Key` and the configured latency and failure rate. Reads made to build the answer
   * carry neither, so a scenario or a failure happens once per FHIR request.
   */
  primary?: boolean;
}

/** The answer of a portal call, with the signed-in user (for the request log). */
export interface PortalCallAnswer {
  answer: Answer;
  userId: string | null;
}

/** One FHIR request. */
export interface FhirContext {
  request: PortalRequest;
  url: URL;
  sandbox: Sandbox;
  /** The FHIR base URL of this server (`http://host:port/fhir/r4`): full URLs of derived resources. */
  baseUrl: string;
  operate(call: PortalCall): Promise<PortalCallAnswer>;
}

/**
 * The JSON body of a portal answer (undefined when it has none or it is not JSON).
 *
 * @example
 * const receipt = jsonOf(created.answer) as PreauthorizationReceipt;
 */
export function jsonOf(answer: Answer): unknown {
  if (typeof answer.body !== 'string' || answer.body === '') return undefined;
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}
