/**
 * `provider-portal-sdk/mock-server`: the faker-backed, deterministic mock portal. Start it with
 * {@link startMockServer}, mount it with {@link createMockServer} (Express 5), or call the core
 * directly with {@link createPortalCore}. MSW handlers come from `provider-portal-sdk/msw`.
 */

export type { Answer } from './core/answer.ts';
export type { PersonaDefinition } from './core/personas.ts';
export {
  defaultPermissions,
  PERSONA_DEVICE_ID,
  PERSONA_MFA_CODE,
  PERSONA_PASSWORD,
  PERSONAS,
  TAX_ID_A,
  TAX_ID_B,
} from './core/personas.ts';
export type {
  PortalCore,
  PortalCoreOptions,
  ResolvedPortalCoreOptions,
  SandboxOpenOptions,
} from './core/portal.ts';
export { createPortalCore, DEFAULT_SANDBOX_ID, MARKER_HEADER, SANDBOX_HEADER } from './core/portal.ts';
export { ProblemError } from './core/problem.ts';
export type { ResponseValidation } from './core/response-validation.ts';
export { validateResponse } from './core/response-validation.ts';
export { scenarioCatalog } from './core/scenarios.ts';
export type {
  AuditEntry,
  HandlerContext,
  HandlerResult,
  MockClock,
  OperationId,
  PortalUser,
  PreferOptions,
  RequestLogEntry,
  SandboxState,
  ScenarioEntry,
} from './core/types.ts';
export { createMockServer } from './express.ts';
export type { MockServerOptions, RunningMockServer, StartMockServerOptions } from './server.ts';
export { startMockServer } from './server.ts';
