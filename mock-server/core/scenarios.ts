/**
 * QA scenario control: the `Prefer` header of each request (`Prefer: outcome=pended, status=503,
 * latency=200`) and the catalog served at `GET /__admin/scenarios`, which lists every `Prefer` value
 * and every documented persona and member that triggers a behaviour, with what it does.
 *
 * The domains contribute their own entries: the data layer in data/scenario-members.ts, the
 * transaction domains in core/transactions/scenarios.ts.
 */
import { scenarioEntries as memberEntries } from '../data/scenario-members.ts';
import { PERSONA_DEVICE_ID, PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONAS } from './personas.ts';
import { scenarioEntries as transactionEntries } from './transactions/scenarios.ts';
import type { PreferOptions, ScenarioEntry } from './types.ts';

/**
 * What a `Prefer` key or value may be: printable ASCII without quotes, angle brackets or backslashes,
 * at most 64 characters. Anything else is ignored, so no `Prefer` text reaches an answer's URL or
 * header unchecked (the codes a handler answers are further checked against the contract).
 */
const PREFER_TEXT = /^[A-Za-z0-9._:+/-]{0,64}$/;

/** The longest latency a `Prefer: latency=…` may ask for, in milliseconds. */
export const MAX_PREFER_LATENCY_MS = 60_000;

/**
 * Parses `Prefer` headers (RFC 7240): comma- or semicolon-separated `key=value` tokens (values may be
 * quoted); a bare token (`respond-async`) has the value `''`. `status` and `latency` become numbers
 * (`status`, `latencyMs`); unparsable numbers are left out here and refused by checkPreferences
 * (preferences.ts) before the operation runs.
 *
 * @example
 * parsePrefer('outcome=pended, status=503, latency=200'); // { outcome: 'pended', status: 503, latencyMs: 200 }
 */
export function parsePrefer(header: string | null | undefined): PreferOptions {
  const prefer: PreferOptions = {};
  for (const { key, value } of preferenceTokens(header)) {
    // Text that could reach a URL or a header is never taken as given.
    if (!PREFER_TEXT.test(key) || !PREFER_TEXT.test(value)) continue;
    if (key === 'status') {
      const status = Number(value);
      if (Number.isInteger(status) && status >= 100 && status <= 599) prefer.status = status;
    } else if (key === 'latency') {
      const latency = Number(value);
      if (Number.isFinite(latency) && latency >= 0)
        prefer.latencyMs = Math.min(latency, MAX_PREFER_LATENCY_MS);
    } else {
      prefer[key] = value;
    }
  }
  return prefer;
}

/** One `key=value` token of a `Prefer` header (key lower-cased, value unquoted; `''` for a bare token). */
export interface PreferenceToken {
  key: string;
  value: string;
}

/**
 * The tokens of `Prefer` headers, as RFC 7240 writes them: by `,` or `;`, `key=value` or bare.
 *
 * @example
 * preferenceTokens('outcome=pended, latency=200'); // [{ key: 'outcome', value: 'pended' }, { key: 'latency', value: '200' }]
 */
export function preferenceTokens(header: string | null | undefined): PreferenceToken[] {
  if (header === null || header === undefined) return [];
  const tokens: PreferenceToken[] = [];
  for (const raw of header.split(/[,;]/)) {
    const token = raw.trim();
    if (token === '') continue;
    const equals = token.indexOf('=');
    const key = (equals === -1 ? token : token.slice(0, equals)).trim().toLowerCase();
    let value = equals === -1 ? '' : token.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (key !== '') tokens.push({ key, value });
  }
  return tokens;
}

/** The problem code answered for a forced status (`Prefer: status=…`) when no `code` is given. */
export function forcedStatusCode(status: number): string {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'TAX_ID_NOT_AUTHORIZED';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'ALREADY_EXISTS';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED';
  }
}

/** The scenarios the core itself honours on every operation. */
const CORE_ENTRIES: ScenarioEntry[] = [
  {
    kind: 'prefer',
    value: 'status=<400-599>',
    effect:
      'Answers that error status at once, before authentication and validation, as a problem document: 400 VALIDATION_FAILED, 401 UNAUTHENTICATED, 403 TAX_ID_NOT_AUTHORIZED, 404 NOT_FOUND, 409 ALREADY_EXISTS, 429 RATE_LIMITED (Retry-After: 1), 500 INTERNAL_ERROR, 503 SERVICE_UNAVAILABLE (Retry-After: 1).',
  },
  {
    kind: 'prefer',
    value: 'status=<400-599>, code=<PROBLEM_CODE>',
    effect:
      'With a forced status, answers that problem code instead (e.g. `status=403, code=ADMIN_ROLE_REQUIRED`).',
  },
  {
    kind: 'prefer',
    value: 'latency=<milliseconds>',
    effect: `Waits that long (real time, at most ${MAX_PREFER_LATENCY_MS} ms) before answering; added to the --latency flag.`,
  },
  {
    kind: 'header',
    value: 'X-Mock-Sandbox: <sandboxId>',
    effect:
      'Runs the request (API or /__admin) in that sandbox (POST /__admin/sandboxes opens one): its own state, seed and clock. Unknown ids answer 404 NOT_FOUND.',
  },
  {
    kind: 'header',
    value: 'Idempotency-Key: <key>',
    effect:
      'On operations that declare it: per user, operation and target (path parameters), the same key with the same body answers the first answer again (header Idempotent-Replayed: true); with another body 409 IDEMPOTENCY_KEY_REUSED. The same key on another operation or target is its own request.',
  },
  {
    kind: 'clock',
    value: 'POST /__admin/clock/advance {"minutes": 15}',
    effect:
      'Moves the sandbox clock: sessions idle 15 minutes end (SESSION_EXPIRED), pended preauthorizations are decided, exports become ready, accounts unused for 30 days lock, site verification falls due after 30 days.',
  },
  {
    kind: 'header',
    value: `deviceId: ${PERSONA_DEVICE_ID}`,
    operations: ['signIn'],
    effect: `The personas' known device: signing in from it asks no MFA code (except mfa.due). Any other deviceId asks the emailed code ${PERSONA_MFA_CODE}.`,
  },
];

const PERSONA_ENTRIES: ScenarioEntry[] = PERSONAS.map((persona) => ({
  kind: 'persona',
  value: persona.username,
  effect: `${persona.description} Password ${PERSONA_PASSWORD}, MFA code ${PERSONA_MFA_CODE}.`,
}));

/** The data layer's member entries, in whichever shape it writes them (`{id, label, triggers}` or a ScenarioEntry). */
type ContributedEntry =
  | ScenarioEntry
  | { kind: 'member'; id: string; label: string; triggers: readonly string[] };

function normalize(entry: ContributedEntry): ScenarioEntry {
  if ('value' in entry) return entry;
  return { kind: entry.kind, value: entry.id, effect: [entry.label, ...entry.triggers].join(' ') };
}

/**
 * The whole scenario catalog: the core's entries, the personas, then the domains' entries.
 *
 * @example
 * scenarioCatalog().filter((entry) => entry.kind === 'member');
 */
export function scenarioCatalog(): ScenarioEntry[] {
  const contributed: readonly ContributedEntry[] = [...memberEntries, ...transactionEntries];
  return [...CORE_ENTRIES, ...PERSONA_ENTRIES, ...contributed.map(normalize)];
}
