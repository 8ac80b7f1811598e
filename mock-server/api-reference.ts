/**
 * The API reference at `/docs`: Swagger UI (the `swagger-ui-dist` package, a runtime dependency)
 * showing the spec of this server's own `/openapi.json`, with "Try it out" sending to this same
 * server. The `node:http` adapter (and so Express and the CLI) serves it; the core does not (it runs
 * in browsers under MSW, and reads no files), nor do the MSW handlers (docs/mock-server.md says why).
 *
 * Nothing comes from a CDN: the page, its start script and Swagger UI's bundle and stylesheet are
 * answered here, the vendor files read from `node_modules` where Node resolves them at the first
 * request (they are 1.9 MB: copied into `dist/` they would double the tarball). Every answer carries
 * a Content-Security-Policy that lets the page load and call this origin only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Answer } from './core/answer.ts';

/** Where the API reference is served. */
export const API_REFERENCE_PATH = '/docs';

/**
 * What the page may load and call: this origin only (scripts, styles, the spec, "Try it out"), images
 * also as `data:` URLs (Swagger UI's icons are inline SVG in its stylesheet); no inline script, no
 * frames, no form posts, no `<base>`.
 */
export const API_REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Provider portal mock: API reference</title>
<link rel="icon" type="image/png" href="${API_REFERENCE_PATH}/favicon-32x32.png">
<link rel="stylesheet" href="${API_REFERENCE_PATH}/swagger-ui.css">
<script defer src="${API_REFERENCE_PATH}/swagger-ui-bundle.js"></script>
<script defer src="${API_REFERENCE_PATH}/api-reference.js"></script>
</head>
<body>
<main id="api-reference"><p>Loading the API reference of the mock portal…</p></main>
</body>
</html>
`;

/**
 * The page's start script (a file, not inline: the policy allows no inline script). It loads the
 * spec from this server and points its `servers` at this same origin (the spec says
 * http://127.0.0.1:4010, the CLI's default address, which need not be this server's), so "Try it
 * out" calls the mock that served the page.
 */
const START_SCRIPT = `'use strict';
(async () => {
  const root = document.getElementById('api-reference');
  try {
    const answer = await fetch('/openapi.json', { headers: { accept: 'application/json' } });
    if (!answer.ok) throw new Error('/openapi.json answered ' + answer.status);
    const spec = await answer.json();
    const declared = spec.servers && spec.servers[0] ? spec.servers[0].url : '/api/v1';
    const basePath = new URL(declared, location.href).pathname.replace(/\\/+$/, '');
    spec.servers = [{ url: location.origin + basePath, description: 'This mock portal (the server of this page)' }];
    root.textContent = '';
    window.ui = SwaggerUIBundle({
      spec,
      domNode: root,
      layout: 'BaseLayout',
      presets: [SwaggerUIBundle.presets.apis],
      deepLinking: true,
      docExpansion: 'list',
      displayOperationId: true,
      displayRequestDuration: true,
      queryConfigEnabled: false,
      validatorUrl: null,
    });
  } catch (error) {
    root.textContent = 'The API reference could not load the spec: ' + (error && error.message ? error.message : error);
  }
})();
`;

interface Asset {
  type: string;
  /** The text of a file made here, or the file of `swagger-ui-dist` to read. */
  text?: string;
  vendorFile?: string;
}

const ASSETS: Record<string, Asset> = {
  [API_REFERENCE_PATH]: { type: 'text/html; charset=utf-8', text: PAGE },
  [`${API_REFERENCE_PATH}/api-reference.js`]: { type: 'text/javascript; charset=utf-8', text: START_SCRIPT },
  [`${API_REFERENCE_PATH}/swagger-ui-bundle.js`]: {
    type: 'text/javascript; charset=utf-8',
    vendorFile: 'swagger-ui-bundle.js',
  },
  [`${API_REFERENCE_PATH}/swagger-ui.css`]: { type: 'text/css; charset=utf-8', vendorFile: 'swagger-ui.css' },
  [`${API_REFERENCE_PATH}/favicon-32x32.png`]: { type: 'image/png', vendorFile: 'favicon-32x32.png' },
};

/** The paths of the page and of every file it loads. */
export const API_REFERENCE_FILES: readonly string[] = Object.keys(ASSETS);

const vendorBytes = new Map<string, Uint8Array>();

/**
 * A file of `swagger-ui-dist`, found as Node finds the package from this module (beside it in a
 * clone, in the app's `node_modules` after `npm i`), read once.
 */
async function vendorFile(name: string): Promise<Uint8Array> {
  const cached = vendorBytes.get(name);
  if (cached !== undefined) return cached;
  // The CommonJS build gets import.meta.url from tsup's shim (test/package/tarball.test.ts runs it).
  const require = createRequire(import.meta.url);
  const bytes = await readFile(require.resolve(`swagger-ui-dist/${name}`));
  vendorBytes.set(name, bytes);
  return bytes;
}

/**
 * The answer to a request of the API reference, or `undefined` when the request is not one (another
 * path, or a method other than GET and HEAD): the caller then hands it to the core.
 *
 * @example
 * await apiReferenceAnswer('GET', '/docs'); // { status: 200, headers: { 'content-type': 'text/html; …' }, … }
 * await apiReferenceAnswer('GET', '/api/v1/me'); // undefined
 */
export async function apiReferenceAnswer(method: string, target: string): Promise<Answer | undefined> {
  if (!target.startsWith(API_REFERENCE_PATH)) return undefined;
  const verb = method.toUpperCase();
  if (verb !== 'GET' && verb !== 'HEAD') return undefined;
  const end = target.search(/[?#]/);
  const pathname = end === -1 ? target : target.slice(0, end);
  const headers: Record<string, string> = {
    'content-security-policy': API_REFERENCE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
    'x-mock-portal': '1',
  };
  if (pathname === `${API_REFERENCE_PATH}/`) {
    return { status: 308, headers: { ...headers, location: API_REFERENCE_PATH }, body: null };
  }
  const asset = ASSETS[pathname];
  if (asset === undefined) return undefined;
  if (asset.vendorFile === undefined) {
    return { status: 200, headers: { ...headers, 'content-type': asset.type }, body: asset.text ?? '' };
  }
  try {
    const body = await vendorFile(asset.vendorFile);
    return { status: 200, headers: { ...headers, 'content-type': asset.type }, body };
  } catch {
    // An install without the dependency (e.g. pruned by hand): say what is missing, not a stack.
    return {
      status: 503,
      headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
      body: `The API reference needs the swagger-ui-dist package (a dependency of provider-portal-sdk), which this install lacks: npm i swagger-ui-dist\n`,
    };
  }
}
