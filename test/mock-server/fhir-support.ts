/**
 * Shared set-up of the FHIR (PAS) tests: a core-level portal (transactions-support.ts), and FHIR calls
 * with the `application/fhir+json` media type.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { toPasRequestBundle } from '../../sdk/fhir/pas-request.ts';
import { type Answer, preauthorizationBody, type TestPortal } from './transactions-support.ts';

/** A FHIR call through the core (`POST` with a JSON body as application/fhir+json). */
export async function fhirCall(
  portal: TestPortal,
  method: string,
  path: string,
  init: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/fhir+json', ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] ??= 'application/fhir+json';
  const response = await portal.core.handle(
    new Request(`http://mock.test/fhir/r4${path}`, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : JSON.parse(text),
    headers: response.headers,
  };
}

/**
 * The PAS request Bundle of clinical.a's preauthorization request for a member (the transactions
 * tests' body), made by the SDK's builder.
 */
export function pasRequest(
  memberId: string,
  overrides: Record<string, unknown> = {},
  transactionId = 'TX-0001',
): Bundle {
  return toPasRequestBundle(preauthorizationBody(memberId, overrides) as never, {
    transactionId,
    timestamp: '2026-11-23T14:00:00Z',
    healthPlan: 'emblemhealth',
  });
}
