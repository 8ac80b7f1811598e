/**
 * What the CLI (`mock-server/cli.ts`) loads once its flags are read: the Express server, the personas
 * and scenario members of its banner, the host check. The CLI imports this one module, and its build
 * (tsup.config.ts) leaves it external, so `dist/cli.js` runs on the library's own chunks instead of a
 * second copy of the mock (and of its spec and compiled validators) in the package.
 */
export { isLoopbackHost } from './core/guards.ts';
export { PERSONA_DEVICE_ID, PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONAS } from './core/personas.ts';
export { scenarioEntries } from './data/scenario-members.ts';
export { startMockServer } from './server.ts';
