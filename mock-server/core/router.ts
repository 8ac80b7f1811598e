/**
 * Finds the spec operation of a request from the spec's path templates: `GET /api/v1/members/K1`
 * is `getMember` with `{ memberId: 'K1' }`. A path that no template matches is a 404; a path that
 * matches with another method is a 405 (answered as problems with codes NOT_FOUND and METHOD_NOT_ALLOWED, the 405 with `Allow`).
 */
import { API_BASE_PATH, SPEC_OPERATIONS, type SpecOperation } from './spec.ts';

/** What routing found. */
export type RouteMatch =
  | { kind: 'operation'; operation: SpecOperation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface CompiledPath {
  path: string;
  pattern: RegExp;
  names: string[];
  operations: Map<string, SpecOperation>;
  /** Literal segments count: more literal templates win over templated ones. */
  literals: number;
}

function compile(): CompiledPath[] {
  const byPath = new Map<string, CompiledPath>();
  for (const operation of SPEC_OPERATIONS) {
    let compiled = byPath.get(operation.path);
    if (compiled === undefined) {
      const names: string[] = [];
      const source = operation.path
        .split('/')
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
            if (name !== undefined) {
              names.push(name);
              return '([^/]+)';
            }
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }),
        )
        .join('/');
      compiled = {
        path: operation.path,
        pattern: new RegExp(`^${source}/?$`),
        names,
        operations: new Map(),
        literals: operation.path.split('/').filter((s) => s !== '' && !s.includes('{')).length,
      };
      byPath.set(operation.path, compiled);
    }
    compiled.operations.set(operation.method, operation);
  }
  return [...byPath.values()].sort((a, b) => a.names.length - b.names.length || b.literals - a.literals);
}

const COMPILED = compile();

/**
 * Routes a method and a URL path (with the `/api/v1` base) to its spec operation.
 *
 * @example
 * const match = routeRequest('GET', '/api/v1/members/K5500648801');
 * if (match.kind === 'operation') match.operation.operationId; // 'getMember'
 */
export function routeRequest(method: string, pathname: string): RouteMatch {
  if (!pathname.startsWith(`${API_BASE_PATH}/`)) return { kind: 'not-found' };
  const path = pathname.slice(API_BASE_PATH.length);
  let allowed: string[] | undefined;
  for (const compiled of COMPILED) {
    const found = compiled.pattern.exec(path);
    if (found === null) continue;
    const operation = compiled.operations.get(method.toUpperCase());
    if (operation === undefined) {
      allowed ??= [...compiled.operations.keys()];
      continue;
    }
    const params: Record<string, string> = {};
    let malformed = false;
    compiled.names.forEach((name, index) => {
      try {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      } catch {
        malformed = true;
      }
    });
    if (malformed) return { kind: 'not-found' };
    return { kind: 'operation', operation, params };
  }
  return allowed === undefined ? { kind: 'not-found' } : { kind: 'method-not-allowed', allowed };
}
