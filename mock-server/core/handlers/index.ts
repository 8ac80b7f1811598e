/** Every domain's operations, keyed by operationId. */
import type { DomainHandlers } from '../types.ts';
import { accountConsolidationHandlers } from './account-consolidation.ts';
import { accountLinksHandlers } from './account-links.ts';
import { additionalTaxIdHandlers } from './additional-tax-ids.ts';
import { admissionNotificationsHandlers } from './admission-notifications.ts';
import { carePlansHandlers } from './care-plans.ts';
import { claimsHandlers } from './claims.ts';
import { documentsHandlers } from './documents.ts';
import { membersHandlers } from './members.ts';
import { messagesHandlers } from './messages.ts';
import { ownAccountHandlers } from './own-account.ts';
import { preauthorizationsHandlers } from './preauthorizations.ts';
import { providersHandlers } from './providers.ts';
import { referralsHandlers } from './referrals.ts';
import { registrationHandlers } from './registration.ts';
import { sessionHandlers } from './session.ts';
import { siteManagersHandlers } from './site-managers.ts';
import { usersHandlers } from './users.ts';

export const operationHandlers: DomainHandlers = {
  ...sessionHandlers,
  ...accountConsolidationHandlers,
  ...ownAccountHandlers,
  ...additionalTaxIdHandlers,
  ...registrationHandlers,
  ...accountLinksHandlers,
  ...usersHandlers,
  ...siteManagersHandlers,
  ...membersHandlers,
  ...carePlansHandlers,
  ...preauthorizationsHandlers,
  ...referralsHandlers,
  ...admissionNotificationsHandlers,
  ...claimsHandlers,
  ...messagesHandlers,
  ...providersHandlers,
  ...documentsHandlers,
};
