/**
 * Mock portal operations of the providers domain (tag in openapi/src/providers.yaml): "Once the
 * Administrator/Office Manager has access to a Tax ID, all providers affiliated with that Tax ID will
 * be available to them" (seed 003): a user finds and sees only the providers of their Tax IDs, one
 * search row per NPI, Tax ID and practice address. Profile updates are requested by administrators
 * only (ADMIN_ROLE_REQUIRED, sdk/rules requireAdmin) with supporting documents under the attachment
 * rules (sdk/rules checkAttachmentBatch).
 */

import type { components } from '../../../sdk/generated/portal.ts';
import { checkNpi, checkProfileUpdateListQuery, checkProviderSearch } from '../../../sdk/rules/index.ts';
import { asRecord } from '../../../sdk/rules/zod-issues.ts';
import { nameMatches } from '../../data/names.ts';
import { profileNetworkStatus } from '../../data/participation.ts';
import type { ProviderRecord } from '../../data/portal-data.ts';
import { requireTaxIdAccess, signedInUser, userTaxIds } from '../access.ts';
import { pageOf, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { queryFields } from '../query.ts';
import { nextId, recordAudit } from '../sandbox.ts';
import { acceptAttachmentBatch } from '../transactions/attachments.ts';
import {
  chosenDecision,
  type ProfileUpdateRecord,
  profileUpdateAt,
  profileUpdateRecords,
} from '../transactions/profile-update-requests.ts';
import { affiliatedTaxIds, visibleLocations } from '../transactions/provider-affiliation.ts';
import type { DomainHandlers, HandlerContext, RuleViolation } from '../types.ts';

type Schemas = components['schemas'];

const PROFILE_FIELDS: readonly Schemas['ProviderProfileField'][] = [
  'name',
  'specialty',
  'practice_address',
  'billing_address',
  'remittance_address',
  'phone',
  'fax',
  'email',
  'office_hours',
  'accepting_new_patients',
  'languages',
];

function grantedTaxIds(ctx: HandlerContext): readonly string[] {
  return ctx.permittedTaxIds;
}

/** A provider of one of the user's Tax IDs, or 404 (another Tax ID's provider looks unknown). */
function visibleProvider(
  ctx: HandlerContext,
  npi: string,
  taxIds: readonly string[] = grantedTaxIds(ctx),
): ProviderRecord {
  const provider = ctx.data.provider(npi);
  if (provider === undefined || !affiliatedTaxIds(ctx, provider).some((taxId) => taxIds.includes(taxId))) {
    throw new ProblemError('NOT_FOUND', `No provider ${npi} is affiliated with your Tax IDs.`);
  }
  return provider;
}

function searchRules(ctx: HandlerContext): RuleViolation[] {
  return checkProviderSearch(queryFields(ctx.query, ['npi', 'taxId', 'name']));
}

function searchProviders(ctx: HandlerContext) {
  const name = ctx.query.get('name');
  const npi = ctx.query.get('npi');
  const only = ctx.query.get('taxId');
  let taxIds = [...grantedTaxIds(ctx)];
  if (only !== null) {
    requireTaxIdAccess(ctx, only);
    taxIds = [only];
  }
  const rows: Schemas['ProviderSummary'][] = [];
  const seen = new Set<string>();
  for (const taxId of taxIds) {
    for (const provider of ctx.data.providersOfTaxId(taxId)) {
      if (npi !== null && provider.profile.npi !== npi) continue;
      if (name !== null && !nameMatches(provider.profile.name, name)) continue;
      const here = new Set(visibleLocations(ctx, provider, [taxId]).map((location) => location.addressId));
      for (const row of provider.rows) {
        const key = `${row.npi}|${row.addressId}`;
        if (!here.has(row.addressId) || seen.has(key)) continue;
        seen.add(key);
        rows.push(row);
      }
    }
  }
  rows.sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      a.npi.localeCompare(b.npi) ||
      a.taxId.localeCompare(b.taxId) ||
      a.address.line1.localeCompare(b.address.line1),
  );
  const body: Schemas['ProviderSummaryPage'] = pageOf(rows, pageParameters(ctx.query));
  return { status: 200, body };
}

function getProvider(ctx: HandlerContext) {
  const provider = visibleProvider(ctx, ctx.params.npi ?? '');
  const taxIds = grantedTaxIds(ctx);
  const mine = new Set(affiliatedTaxIds(ctx, provider).filter((taxId) => taxIds.includes(taxId)));
  // Only the addresses of the user's Tax IDs: another Tax ID's locations and billing stay unseen.
  const body: Schemas['ProviderProfile'] = {
    ...provider.profile,
    taxIds: [...mine],
    networkStatus: profileNetworkStatus(visibleLocations(ctx, provider, [...mine])),
    addresses: provider.profile.addresses.filter((address) =>
      mine.has(provider.addressTaxIds[address.addressId] ?? ''),
    ),
  };
  return { status: 200, body };
}

function parseChanges(form: FormData): {
  changes?: Schemas['ProviderProfileChange'][];
  violations: RuleViolation[];
} {
  const raw = form.get('changes');
  const fail = (message: string) => ({
    violations: [{ code: 'VALIDATION_FAILED', path: '$.changes', message }],
  });
  if (typeof raw !== 'string') return fail('changes is required: a JSON array of profile changes.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail(
      'changes is not valid JSON: send a JSON array such as [{"field":"phone","newValue":"(860) 545-7000"}].',
    );
  }
  if (!Array.isArray(parsed) || parsed.length < 1 || parsed.length > 20) {
    return fail('changes must be a JSON array of 1 to 20 changes.');
  }
  const violations: RuleViolation[] = [];
  const changes: Schemas['ProviderProfileChange'][] = [];
  parsed.forEach((entry: unknown, index) => {
    const path = `$.changes[${index}]`;
    const item = asRecord(entry) ?? {};
    const field = item.field;
    const newValue = item.newValue;
    if (typeof field !== 'string' || !PROFILE_FIELDS.includes(field as Schemas['ProviderProfileField'])) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: `${path}.field`,
        message: `field must be one of ${PROFILE_FIELDS.join(', ')}.`,
      });
      return;
    }
    if (typeof newValue !== 'string' || newValue.trim() === '') {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: `${path}.newValue`,
        message: 'newValue is required text.',
      });
      return;
    }
    const change: Schemas['ProviderProfileChange'] = {
      field: field as Schemas['ProviderProfileField'],
      newValue,
    };
    if (typeof item.addressId === 'string') change.addressId = item.addressId;
    if (typeof item.effectiveDate === 'string') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(item.effectiveDate)) {
        violations.push({
          code: 'VALIDATION_FAILED',
          path: `${path}.effectiveDate`,
          message: 'effectiveDate is a day, YYYY-MM-DD.',
        });
        return;
      }
      change.effectiveDate = item.effectiveDate;
    }
    changes.push(change);
  });
  return violations.length > 0 ? { violations } : { changes, violations };
}

async function requestProviderProfileUpdate(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  // Any provider of the user's Tax IDs is found; acting for it is the access table's to allow.
  const provider = visibleProvider(ctx, ctx.params.npi ?? '', userTaxIds(user));
  // "users with the administrator/office manager role can request updates to a provider's profile in the
  // provider portal" (seed 004): the call acts for a Tax ID of the provider that the access table opens
  // to the user (an administrator's, with request_provider_updates).
  const taxIds = affiliatedTaxIds(ctx, provider);
  const admin = { taxId: taxIds.find((taxId) => ctx.permittedTaxIds.includes(taxId)) ?? '' };
  if (admin.taxId === '') {
    requireTaxIdAccess(ctx, taxIds.find((taxId) => userTaxIds(user).includes(taxId)) ?? '');
  }
  const form = ctx.body;
  if (!(form instanceof FormData)) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'Send the request as multipart/form-data with changes and reason.',
    );
  }
  const { changes, violations } = parseChanges(form);
  if (changes === undefined) throw ProblemError.fromViolations(violations);
  const decision = chosenDecision(ctx);
  const attachments = form.getAll('files').length > 0 ? await acceptAttachmentBatch(ctx.sandbox, form) : [];
  const reason = form.get('reason');
  const record: ProfileUpdateRecord = {
    requestId: nextId(ctx.sandbox, 'PUR-', 6),
    npi: provider.profile.npi,
    taxId: admin.taxId,
    userId: user.userId,
    submittedAtMs: ctx.sandbox.clock.now().getTime(),
    decision,
    reason: typeof reason === 'string' ? reason : '',
    changes,
  };
  if (attachments.length > 0) record.attachments = attachments;
  profileUpdateRecords(ctx.sandbox).set(record.requestId, record);
  recordAudit(ctx, 'provider.profile_update_request', record.requestId, {
    npi: record.npi,
    taxId: record.taxId,
  });
  return {
    status: 202,
    body: profileUpdateAt(record, record.submittedAtMs),
    headers: { location: `/api/v1/provider-profile-update-requests/${record.requestId}` },
  };
}

/**
 * A request of a Tax ID the user administers with request_provider_updates, or 404 (another Tax ID's
 * request looks like one that does not exist).
 */
function visibleProfileUpdate(ctx: HandlerContext): ProfileUpdateRecord {
  const requestId = ctx.params.requestId ?? '';
  const record = profileUpdateRecords(ctx.sandbox).get(requestId);
  if (record === undefined || !ctx.permittedTaxIds.includes(record.taxId)) {
    throw new ProblemError('NOT_FOUND', `No profile update request ${requestId} of your Tax IDs.`);
  }
  return record;
}

function getProviderProfileUpdateRequest(ctx: HandlerContext) {
  const record = visibleProfileUpdate(ctx);
  return { status: 200, body: profileUpdateAt(record, ctx.sandbox.clock.now().getTime()) };
}

function listProviderProfileUpdateRequests(ctx: HandlerContext) {
  const now = ctx.sandbox.clock.now().getTime();
  const npi = ctx.query.get('npi');
  const status = ctx.query.get('status');
  const rows = [...profileUpdateRecords(ctx.sandbox).values()]
    .filter((record) => ctx.permittedTaxIds.includes(record.taxId))
    .filter((record) => npi === null || record.npi === npi)
    .map((record) => profileUpdateAt(record, now))
    .filter((request) => status === null || request.status === status)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.requestId.localeCompare(a.requestId));
  const body: Schemas['ProviderProfileUpdateRequestPage'] = pageOf(rows, pageParameters(ctx.query));
  return { status: 200, body };
}

export const providersHandlers: DomainHandlers = {
  searchProviders: { rules: searchRules, handle: searchProviders },
  getProvider: { rules: (ctx) => checkNpi(ctx.params.npi, '$.npi'), handle: getProvider },
  requestProviderProfileUpdate: {
    rules: (ctx) => checkNpi(ctx.params.npi, '$.npi'),
    handle: requestProviderProfileUpdate,
  },
  getProviderProfileUpdateRequest: { handle: getProviderProfileUpdateRequest },
  listProviderProfileUpdateRequests: {
    rules: (ctx) => checkProfileUpdateListQuery(queryFields(ctx.query, ['npi'])),
    handle: listProviderProfileUpdateRequests,
  },
};
