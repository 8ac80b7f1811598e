/**
 * The FHIR face of the mock portal under `/fhir/r4` (FHIR R4 4.0.1, Da Vinci PAS 2.2.1):
 * - `GET /fhir/r4/metadata`: the CapabilityStatement;
 * - `POST /fhir/r4/Claim/$submit`: a PAS Request Bundle in, a PAS Response Bundle out (submit.ts);
 * - `POST /fhir/r4/Claim/$inquire`: a PAS Inquiry Request Bundle in, `Parameters` of PAS Inquiry
 *   Response Bundles out (inquire.ts).
 *
 * Bodies are JSON (`application/fhir+json`, or `application/json`), at most 1 MiB. Everything else
 * under `/fhir/r4` answers an OperationOutcome: 404 for a path, 405 for a method, 400 for a body
 * that is not a Bundle, 413 over the limit, 415 for another media type; 5XX answers no body (PAS).
 */
import type { Answer } from '../answer.ts';
import { readText } from '../body-limits.ts';
import { isJsonMedia } from '../pipeline.ts';
import { ProblemError } from '../problem.ts';
import { loadOpenApiDocument } from '../spec.ts';
import { capabilityStatement } from './capability.ts';
import type { FhirContext } from './context.ts';
import { inquireClaim } from './inquire.ts';
import { fhirAnswer, outcomeOfProblem } from './outcome.ts';
import { submitClaim } from './submit.ts';

/** Where the FHIR face is served. */
export const FHIR_BASE_PATH = '/fhir/r4';

/** The most bytes a FHIR request body may have (a PAS Bundle with its resources, no attachments). */
export const FHIR_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Whether a path is the FHIR face's.
 *
 * @example
 * isFhirPath('/fhir/r4/Claim/$submit'); // true
 */
export function isFhirPath(pathname: string): boolean {
  return pathname === FHIR_BASE_PATH || pathname.startsWith(`${FHIR_BASE_PATH}/`);
}

/** What the FHIR face answered, with the log's operation name and user. */
export interface FhirAnswer {
  answer: Answer;
  /** `fhir:metadata`, `fhir:Claim/$submit`, `fhir:Claim/$inquire`, or null for no route. */
  operationId: string | null;
  userId: string | null;
}

type Route = { name: 'metadata' | 'Claim/$submit' | 'Claim/$inquire'; methods: readonly string[] };

function routeOf(pathname: string): Route | undefined {
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(FHIR_BASE_PATH.length));
  } catch {
    return undefined;
  }
  if (rest === '/metadata') return { name: 'metadata', methods: ['GET', 'HEAD'] };
  if (rest === '/Claim/$submit') return { name: 'Claim/$submit', methods: ['POST'] };
  if (rest === '/Claim/$inquire') return { name: 'Claim/$inquire', methods: ['POST'] };
  return undefined;
}

async function jsonBody(ctx: FhirContext): Promise<unknown> {
  const type = ctx.request.headers.get('content-type');
  if (!isJsonMedia(type)) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      `A PAS operation takes a FHIR Bundle as application/fhir+json (got ${JSON.stringify(type ?? 'no Content-Type')}).`,
      { status: 415 },
    );
  }
  const text = await readText(ctx.request, FHIR_BODY_LIMIT_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'The body is not JSON: send the Bundle as application/fhir+json.',
    );
  }
}

function failure(error: unknown): Answer {
  const problem =
    error instanceof ProblemError
      ? error
      : new ProblemError(
          'INTERNAL_ERROR',
          'The mock portal failed: a fault of the mock, not of the request.',
        );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.extras.headers ?? {}))
    headers[name.toLowerCase()] = value;
  return fhirAnswer(
    problem.status,
    outcomeOfProblem(problem.status, { code: problem.code, detail: problem.detail }),
    headers,
  );
}

/**
 * Answers one request under `/fhir/r4` (never throws).
 *
 * @example
 * const { answer } = await handleFhir(context);
 */
export async function handleFhir(ctx: FhirContext): Promise<FhirAnswer> {
  const route = routeOf(ctx.url.pathname);
  if (route === undefined) {
    const answer = failure(
      new ProblemError(
        'NOT_FOUND',
        `No FHIR interaction of this server answers ${ctx.url.pathname}: it answers GET ${FHIR_BASE_PATH}/metadata, POST ${FHIR_BASE_PATH}/Claim/$submit and POST ${FHIR_BASE_PATH}/Claim/$inquire.`,
      ),
    );
    return { answer, operationId: null, userId: null };
  }
  const operationId = `fhir:${route.name}`;
  const method = ctx.request.method.toUpperCase();
  if (!route.methods.includes(method)) {
    const answer = failure(
      new ProblemError('METHOD_NOT_ALLOWED', `${ctx.url.pathname} answers ${route.methods.join(', ')}.`, {
        headers: { allow: route.methods.join(', ') },
      }),
    );
    return { answer, operationId, userId: null };
  }
  try {
    if (route.name === 'metadata') {
      // The software's version is the portal contract's (openapi.yaml `info.version`).
      const { info } = (await loadOpenApiDocument()) as { info: { version: string } };
      const statement = capabilityStatement({
        baseUrl: ctx.baseUrl,
        date: ctx.sandbox.state.startedAt,
        softwareVersion: info.version,
      });
      return { answer: fhirAnswer(200, statement), operationId, userId: null };
    }
    const body = await jsonBody(ctx);
    const { answer, userId } =
      route.name === 'Claim/$submit' ? await submitClaim(ctx, body) : await inquireClaim(ctx, body);
    return { answer, operationId, userId };
  } catch (error) {
    return { answer: failure(error), operationId, userId: null };
  }
}
