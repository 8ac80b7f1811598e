/**
 * The `provider-portal-sdk/msw` entry files. `msw` is an optional peer: npm does not install it, and
 * Node's own "Cannot find package 'msw'" does not say what to run. The entry is a small guard that
 * loads the handlers (built as `msw-handlers`) and, when `msw` itself is what is missing, throws
 * {@link MSW_MISSING_MESSAGE} with the install command instead. Written after tsup by `npm run build`; test/package/tarball.test.ts checks both formats from the packed tarball.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MSW_INSTALL_COMMAND = 'npm install --save-dev msw@^2';
export const MSW_MISSING_MESSAGE = `provider-portal-sdk/msw needs msw 2, an optional peer dependency that npm does not install for you. Install it: ${MSW_INSTALL_COMMAND}`;

const isMswMissing = (codes: string) =>
  `(error) => error !== null && typeof error === 'object' && [${codes}].includes(error.code) && /['"]msw['"]/.test(String(error.message))`;

const ESM = `// provider-portal-sdk/msw: see scripts/msw-entry.ts in the repository.
const isMswMissing = ${isMswMissing("'ERR_MODULE_NOT_FOUND'")};
let handlers;
try {
  handlers = await import('./msw-handlers.js');
} catch (error) {
  if (isMswMissing(error)) throw new Error(${JSON.stringify(MSW_MISSING_MESSAGE)}, { cause: error });
  throw error;
}
export const createPortalHandlers = handlers.createPortalHandlers;
`;

const CJS = `'use strict';
// provider-portal-sdk/msw: see scripts/msw-entry.ts in the repository.
const isMswMissing = ${isMswMissing("'MODULE_NOT_FOUND', 'ERR_REQUIRE_ESM'")};
try {
  module.exports = require('./msw-handlers.cjs');
} catch (error) {
  if (isMswMissing(error)) throw new Error(${JSON.stringify(MSW_MISSING_MESSAGE)}, { cause: error });
  throw error;
}
`;

/** Writes dist/msw.{js,cjs,d.ts,d.cts}. */
export function writeMswEntry(dist: string): void {
  writeFileSync(join(dist, 'msw.js'), ESM);
  writeFileSync(join(dist, 'msw.cjs'), CJS);
  writeFileSync(join(dist, 'msw.d.ts'), "export * from './msw-handlers.js';\n");
  writeFileSync(join(dist, 'msw.d.cts'), "export * from './msw-handlers.cjs';\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeMswEntry(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
}
