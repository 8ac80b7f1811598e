/**
 * One contract case: a call of one spec operation against the mock portal. The contract suite
 * (test/contract/operations.test.ts) runs every case through both adapters (Express over HTTP and
 * MSW in-process), validates the response (status declared by the spec for that operation, body
 * against its schema), and fails when an operation of the spec has no case.
 */
import type { OperationId } from '../../../mock-server/core/types.ts';

export interface ContractApi {
  /** Calls `${baseUrl}/api/v1${path}` with the case's session token (if any) and sandbox header. */
  call(
    method: string,
    path: string,
    init?: { json?: unknown; form?: FormData; headers?: Record<string, string>; token?: string | null },
  ): Promise<Response>;
  /** A session token for a persona (POST /__admin/sessions), for setup calls as someone else. */
  tokenFor(username: string): Promise<string>;
  /** Calls the admin API of the case's sandbox (e.g. advance the clock). */
  admin(method: string, path: string, json?: unknown): Promise<Response>;
}

export interface ContractCase {
  operationId: OperationId;
  /** What the case shows, e.g. 'approved at once' or '422 when the end date is day 181'. */
  name: string;
  /** The persona username the case signs in as (via /__admin/sessions); omit for public operations. */
  as?: string;
  /** The status the case expects; the suite also checks the spec declares it for the operation. */
  status: number;
  run(api: ContractApi): Promise<Response>;
}
