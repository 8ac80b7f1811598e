/**
 * Named types for the main schemas of the spec, so that answers read `Member`, `Claim`, … in an
 * editor instead of `components['schemas'][…]`. Each is exactly the spec's schema of the same name
 * (generated in sdk/generated/portal.ts); any other schema is `Schema<'Name'>`.
 *
 * @example
 * import type { Member, Preauthorization } from 'provider-portal-sdk';
 * function label(member: Member) { return `${member.firstName} ${member.lastName}`; }
 */
import type { components } from './generated/portal.ts';

type S = components['schemas'];

/** A member's details (`getMember`): coverage, plan, PCP, other insurance. */
export type Member = S['MemberDetails'];
/** A member as listed by `searchMembers`. */
export type MemberSummary = S['MemberSummary'];
/** A member's ID card (`getMemberIdCard`). */
export type MemberIdCard = S['MemberIdCard'];
/** A member's benefits summary (`getBenefitsSummary`). */
export type BenefitsSummary = S['BenefitsSummary'];
/** A preauthorization with its service lines and decision (`getPreauthorization`). */
export type Preauthorization = S['Preauthorization'];
/** A preauthorization as listed by `searchPreauthorizations`. */
export type PreauthorizationSummary = S['PreauthorizationSummary'];
/** What `createPreauthorization` answers: the reference ID and status. */
export type PreauthorizationReceipt = S['PreauthorizationReceipt'];
/** A referral (`getReferral`). */
export type Referral = S['Referral'];
/** A referral as listed by `searchReferrals`. */
export type ReferralSummary = S['ReferralSummary'];
/** An admission notification (`getAdmissionNotification`). */
export type AdmissionNotification = S['AdmissionNotification'];
/** A claim with its lines, diagnoses and payments (`getClaim`). */
export type Claim = S['Claim'];
/** A claim as listed by `searchClaims`. */
export type ClaimSummary = S['ClaimSummary'];
/** A care plan (`getCarePlan`). */
export type CarePlan = S['CarePlan'];
/** A secure message (`getMessage`). */
export type Message = S['Message'];
/** A provider's profile (`getProviderProfile`). */
export type ProviderProfile = S['ProviderProfile'];
/** A provider as listed by `searchProviders`. */
export type ProviderSummary = S['ProviderSummary'];
/** A document the portal prepares or serves (`getDocument`). */
export type PortalDocumentInfo = S['Document'];
/** The signed-in user with their grants per Tax ID (`getCurrentUser`). */
export type CurrentUser = S['CurrentUser'];
/** A session (`verifyMfaCode`, `refreshSession`). */
export type Session = S['Session'];
