import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as rules from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const barrel: Record<string, unknown> = { ...rules };
const sources = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the rules barrel', () => {
  it('exports the validators and primitives by name, and no default', () => {
    expect('default' in rules).toBe(false);
    for (const name of [
      'validatePreauthorizationCreate',
      'validatePreauthorizationModification',
      'validateReferralCreate',
      'validateReferralSearch',
      'validateAdmissionNotificationCreate',
      'validateMemberSearch',
      'validateClaimsSearch',
      'validateMessageCreate',
      'validateInvitations',
      'validateOrganizationRegistration',
      'validateUserRegistration',
      'validateRoleGrants',
      'carePlanAvailability',
      'sessionState',
      'mfaRequired',
      'checkAttachmentBatch',
      'responseDueDate',
      'fixedClock',
      'resolveContext',
      'zodIssuesToViolations',
    ] as const) {
      expect(typeof barrel[name], name).toBe('function');
    }
    expect(rules.RULE_CATALOG.length).toBeGreaterThan(40);
  });

  it('re-exports every runtime export of every rules file (a curated but complete barrel)', () => {
    const internal = new Set([
      'asRecord',
      'field',
      'dateField',
      'arrayField',
      'describeValue',
      'issuePath',
      'issueMessage',
      'issueRuleCode',
      'toValidationResult',
      'trimmedText',
      'readField',
      'isRecord',
      'textOf',
    ]);
    const missing: string[] = [];
    for (const file of sources) {
      if (file === 'index.ts') continue;
      const text = readFileSync(join(here, file), 'utf8');
      for (const match of text.matchAll(/^export (?:const|function) ([A-Za-z0-9_]+)/gm)) {
        const name = match[1] ?? '';
        if (!internal.has(name) && !(name in barrel)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses no Node built-ins and imports with explicit .ts extensions', () => {
    for (const file of sources) {
      const text = readFileSync(join(here, file), 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs'|path'|os'|crypto')/);
      for (const match of text.matchAll(/from '(\.[^']*)'/g)) expect(match[1], file).toMatch(/\.ts$/);
      expect(text, file).not.toMatch(/^export default/m);
    }
  });
});
