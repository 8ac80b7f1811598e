/**
 * Site managers and the sponsor of a group (seed 000): the Lead Site Manager, a recommended Secondary
 * Site Manager, and a Sponsor Representative who is a participating provider.
 */
import * as z from 'zod/mini';
import { isValidNpi } from './identifiers.ts';
import type { Violation } from './violation.ts';
import type { RuleValidationResult } from './zod-issues.ts';
import { describeValue, parseWithViolations, readField, toValidationResult } from './zod-issues.ts';

/**
 * The titles a Lead Site Manager may have: "Only a Medical Director, Agency Director, or Office
 * Administration/ Manager may be listed as the Lead Site Manager." (seed 000)
 *
 * @example
 * LEAD_SITE_MANAGER_TITLES.includes('office_administrator'); // true
 */
export const LEAD_SITE_MANAGER_TITLES = [
  'medical_director',
  'agency_director',
  'office_administrator',
] as const;

/**
 * How many site managers a group should have: "It is recommended that two (2) Site Managers be
 * assigned for all groups. This will ensure shared responsibilities and provide an administrative
 * backup." (seed 000)
 *
 * @example
 * RECOMMENDED_SITE_MANAGERS; // 2
 */
export const RECOMMENDED_SITE_MANAGERS = 2;

/**
 * The notices of a group's site managers: one `SECONDARY_SITE_MANAGER_RECOMMENDED` warning while
 * fewer than {@link RECOMMENDED_SITE_MANAGERS} are designated. A recommendation, never a refusal.
 *
 * @example
 * siteManagerNotices(1); // [{ code: 'SECONDARY_SITE_MANAGER_RECOMMENDED', … }]
 * siteManagerNotices(2); // []
 */
export function siteManagerNotices(designated: number): Violation[] {
  if (designated >= RECOMMENDED_SITE_MANAGERS) return [];
  return [
    {
      code: 'SECONDARY_SITE_MANAGER_RECOMMENDED',
      path: '$.secondary',
      message:
        'Only one Site Manager is assigned: it is recommended that two (2) Site Managers be assigned, to share the ' +
        'responsibilities and provide an administrative backup. Designate a Secondary Site Manager ' +
        '(designateSecondarySiteManager).',
    },
  ];
}

/**
 * The body of `designateSecondarySiteManager`: the user to designate and their title. "The Agency
 * Director, Office Manager or Medical Director must complete a PlanLink access application form
 * designating them 'Lead Site Manager(s)' or 'Secondary Site Manager(s)'" (seed 000): the same titles as
 * the Lead Site Manager's.
 *
 * @example
 * SecondarySiteManagerSchema.parse({ userId: 'USR-000002', title: 'medical_director' });
 */
export const SecondarySiteManagerSchema = z.strictObject({
  userId: z.string().check(z.regex(/^USR-\d{6}$/)),
  title: z.enum(LEAD_SITE_MANAGER_TITLES),
});

/**
 * A parsed secondary site manager designation.
 *
 * @example
 * const designation: SecondarySiteManager = { userId: 'USR-000002', title: 'medical_director' };
 */
export type SecondarySiteManager = z.output<typeof SecondarySiteManagerSchema>;

/**
 * Validates a secondary site manager designation, every violation at once: `LEAD_SITE_MANAGER_TITLE`
 * when the title is not a site manager's (Medical Director, Agency Director, Office
 * Administrator/Manager), `VALIDATION_FAILED` for the rest. Never throws on any input.
 *
 * @example
 * validateSecondarySiteManager({ userId: 'USR-000002', title: 'nurse' }); // LEAD_SITE_MANAGER_TITLE at $.title
 */
export function validateSecondarySiteManager(input: unknown): RuleValidationResult<SecondarySiteManager> {
  const parsed = parseWithViolations(SecondarySiteManagerSchema, input, {
    override: (issue) =>
      issue.path.length === 1 && issue.path[0] === 'title'
        ? {
            code: 'LEAD_SITE_MANAGER_TITLE',
            message:
              `${issue.input === undefined ? 'The title is missing' : `${describeValue(issue.input)} is not a Site Manager title`}: ` +
              'only an Agency Director, Office Manager or Medical Director may be designated a Site Manager, lead or ' +
              'secondary (medical_director, agency_director, office_administrator).',
          }
        : undefined,
  });
  return toValidationResult(parsed.data, parsed.violations);
}

/**
 * Whether an NPI is a participating provider of the plan (the provider directory's participation).
 *
 * @example
 * const participating: ParticipatingProvider = (npi) => npi === '1407819535';
 */
export type ParticipatingProvider = (npi: string) => boolean;

/**
 * `[]` when the sponsor's NPI is a participating provider (or there is no directory to ask, or the NPI
 * is missing or malformed: other rules report those), otherwise one `SPONSOR_NOT_PARTICIPATING`
 * violation: "The designated Sponsor Representative must be a CCP Participating Provider/Physician"
 * (seed 000).
 *
 * @example
 * checkSponsorParticipation({ sponsor: { npi: '1234567893' } }, () => false); // [{ code: 'SPONSOR_NOT_PARTICIPATING', … }]
 */
export function checkSponsorParticipation(
  input: unknown,
  participating: ParticipatingProvider | undefined,
): Violation[] {
  const npi = readField(readField(input, 'sponsor'), 'npi');
  if (participating === undefined || !isValidNpi(npi)) return [];
  if (participating(npi)) return [];
  return [
    {
      code: 'SPONSOR_NOT_PARTICIPATING',
      path: '$.sponsor.npi',
      message:
        `Provider ${npi} is not a participating provider: the designated Sponsor Representative must be a ` +
        'participating provider/physician of the plan. Name a participating physician of the group as the sponsor.',
    },
  ];
}
