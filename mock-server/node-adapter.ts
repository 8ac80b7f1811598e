/**
 * The mock portal behind `node:http`: a request listener that hands the core a light request (the
 * method, the URL, a view of Node's own parsed headers, the body as a stream) and writes the core's
 * answer (status, headers, text or bytes: core/answer.ts) back. It builds no Fetch `Request` or
 * `Response` and copies no headers, work that cost a third of the busy time under load (issue 13). The Express adapter (express.ts) mounts this same listener, so both
 * answer alike; MSW hands the core its Fetch `Request` directly.
 *
 * Nothing is buffered here: the body streams into the core, which refuses it (413) past the
 * operation's limit.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { API_REFERENCE_PATH, apiReferenceAnswer } from './api-reference.ts';
import type { Answer } from './core/answer.ts';
import type { PortalCore } from './core/portal.ts';
import type { PortalRequest } from './core/types.ts';

/** Node's parsed headers (lower-case names, repeated values already joined) read as `Headers.get`. */
class NodeHeaders {
  readonly #raw: IncomingHttpHeaders;

  constructor(raw: IncomingHttpHeaders) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

function hasBody(req: IncomingMessage): boolean {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return false;
  const declared = req.headers['content-length'];
  if (declared === '0') return false;
  return declared !== undefined || req.headers['transfer-encoding'] !== undefined;
}

/** The request target as the client sent it. */
function targetOf(req: IncomingMessage): string {
  // Mounted in an Express app under a path, `req.url` lost that path; `originalUrl` keeps it.
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
}

/**
 * The core's view of a Node request, or `undefined` when its target does not make a URL.
 *
 * @example
 * const request = toPortalRequest(req); // { method: 'GET', url: 'http://127.0.0.1:4010/api/v1/me', … }
 */
export function toPortalRequest(req: IncomingMessage): PortalRequest | undefined {
  const target = targetOf(req);
  const url = `http://${req.headers.host ?? 'localhost'}${target}`;
  if (!URL.canParse(url)) return undefined;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    headers: new NodeHeaders(req.headers),
    body: hasBody(req) ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : null,
  };
}

function writeAnswer(answer: Answer, res: ServerResponse): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body ?? undefined);
}

function refuse(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(400, { 'X-Mock-Portal': '1' }).end();
}

/**
 * A `node:http` request listener serving the core (also usable as Express middleware), and the API
 * reference at `/docs` (api-reference.ts) in front of it.
 *
 * @example
 * createServer(createRequestListener(createPortalCore({ seed: 42 }))).listen(4010, '127.0.0.1');
 */
export function createRequestListener(core: PortalCore): (req: IncomingMessage, res: ServerResponse) => void {
  const serveCore = coreListener(core);
  return (req, res) => {
    const target = targetOf(req);
    if (!target.startsWith(API_REFERENCE_PATH)) {
      serveCore(req, res);
      return;
    }
    apiReferenceAnswer(req.method ?? 'GET', target).then(
      (answer) => (answer === undefined ? serveCore(req, res) : writeAnswer(answer, res)),
      () => refuse(res),
    );
  };
}

function coreListener(core: PortalCore): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const request = toPortalRequest(req);
    if (request === undefined) {
      // An unreadable request target or Host: nothing reached the core.
      refuse(res);
      return;
    }
    const clientAddress = req.socket.remoteAddress;
    core
      .answer(request, clientAddress === undefined ? {} : { clientAddress })
      .then((answer) => writeAnswer(answer, res))
      .catch(() => {
        // The client went away while the answer was written.
        refuse(res);
      });
  };
}
