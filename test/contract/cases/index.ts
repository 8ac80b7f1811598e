/** Every contract case, by domain (one file per domain, each exporting `cases`). */
import { cases as admissionNotifications } from './admission-notifications.ts';
import { cases as carePlans } from './care-plans.ts';
import { cases as claims } from './claims.ts';
import { cases as documents } from './documents.ts';
import { cases as members } from './members.ts';
import { cases as messages } from './messages.ts';
import { cases as ownAccount } from './own-account.ts';
import { cases as preauthorizations } from './preauthorizations.ts';
import { cases as providers } from './providers.ts';
import { cases as referrals } from './referrals.ts';
import { cases as registration } from './registration.ts';
import { cases as session } from './session.ts';
import type { ContractCase } from './types.ts';
import { cases as users } from './users.ts';

export const allCases: readonly ContractCase[] = [
  ...session,
  ...ownAccount,
  ...registration,
  ...users,
  ...members,
  ...carePlans,
  ...preauthorizations,
  ...referrals,
  ...admissionNotifications,
  ...claims,
  ...messages,
  ...providers,
  ...documents,
];
